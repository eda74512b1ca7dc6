"""The GB/T 9704 layout profile (templates/layout/gbt9704.json) as the exporter reads it.

The profile is data: every number comes with the clause of the standard it implements.
:class:`Layout` flattens it for one font set ("gb2312" or "common").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.core.errors import ExportError
from drafter.resources import template_path

PROFILE = ("layout", "gbt9704.json")
FONT_SETS = ("gb2312", "common")


@cache
def load_profile() -> dict[str, Any]:
    """The raw profile (values with their clauses)."""
    path = template_path(*PROFILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(str(path), f"版式配置文件无法读取（{exc}）") from None


def _values(section: dict[str, Any]) -> dict[str, Any]:
    """{"x": {"value": 1, "clause": ...}} -> {"x": 1}."""
    return {
        k: (v["value"] if isinstance(v, dict) and "value" in v else v) for k, v in section.items()
    }


@dataclass(frozen=True)
class Element:
    """A paragraph kind of the document: its font (a name), size (pt) and indents."""

    font: str
    size: float
    extra: dict[str, Any]

    def get(self, key: str, default: Any = 0) -> Any:
        return self.extra.get(key, default)


class Layout:
    """Numbers of one profile and font set, in twips and points."""

    def __init__(self, font_set: str = "gb2312", profile: dict[str, Any] | None = None):
        prof = profile or load_profile()
        if font_set not in prof["font_sets"]:
            raise ExportError(font_set, f"没有这个字体方案（可选：{'、'.join(prof['font_sets'])}）")
        self.font_set = font_set
        self.fonts: dict[str, str] = {
            k: v for k, v in prof["font_sets"][font_set].items() if k != "clause"
        }
        self.page = _values(prof["page"])
        self.sizes = _values(prof["sizes"])
        self.header = _values(prof["header"])
        self.record = _values(prof["record"])
        self.page_numbers = _values(prof["page_numbers"])
        self.font_alternates: dict[str, str] = {
            k: v for k, v in prof.get("font_alternates", {}).items() if k != "clause"
        }
        self.elements: dict[str, Element] = {}
        for name, spec in prof["elements"].items():
            extra = {k: v for k, v in spec.items() if k not in ("font", "size", "clause")}
            self.elements[name] = Element(
                self.fonts[spec["font"]], float(self.sizes[spec["size"]]), extra
            )

    # ----- derived numbers ------------------------------------------------------------
    @property
    def text_width(self) -> int:
        p = self.page
        return p["width"] - p["margin_left"] - p["margin_right"]

    @property
    def text_height(self) -> int:
        p = self.page
        return p["height"] - p["margin_top"] - p["margin_bottom"]

    @property
    def line(self) -> int:
        return int(self.page["line_pitch"])

    @property
    def condense(self) -> int:
        return int(self.page["char_condense"])

    def font(self, key: str) -> str:
        """Font name of a role in the set: body, kai, title, hei, song."""
        return self.fonts[key]

    def char_twips(self, size_pt: float) -> int:
        """One Chinese character ("一字") of a size, as indents count it."""
        return round(size_pt * 20)

    def advance(self, text: str, size_pt: float, condensed: bool = True) -> int:
        """Width of text in twips: full-width characters one em, others half an em."""
        em = size_pt * 20
        extra = self.condense if condensed else 0
        total = 0.0
        for ch in text:
            total += (em if _is_wide(ch) else em / 2) + extra
        return round(total)


def _is_wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F", "A")
