"""Our own phrasing for S2 (weaknesses) and S4 (next year's measures), per work area A…J.

The seeds hold few S2 and S4 passages, so the library is topped up with short standard
sentences written for the product (templates/phrases/S2/A.j2 … S4/J.j2, jinja2: one
sentence a line, ``{{名称}}`` a blank the clerk fills). They are ranked with the library's
passages and shown with their own source label.
"""

from __future__ import annotations

import hashlib
from functools import cache

from jinja2 import TemplateError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from drafter.core.errors import DrafterError
from drafter.core.library.passage import Passage
from drafter.core.model.blanks import blank
from drafter.core.model.model import AREA_IDS
from drafter.resources import template_path

PHRASES_DIR = "phrases"
SECTIONS = ("S2", "S4")
ORGAN = "本程序通用表述"  # the source label a clerk sees
ENTRY = "standard-phrases"


class _Blank(Undefined):
    def __str__(self) -> str:
        return blank(self._undefined_name or "内容")


def _files() -> list[tuple[str, str]]:
    """(section, area) of every phrase file present."""
    out = []
    for sec in SECTIONS:
        for area in AREA_IDS:
            if template_path(PHRASES_DIR, sec, f"{area}.j2").is_file():
                out.append((sec, area))
    return out


@cache
def phrases(section: str, area: str) -> tuple[str, ...]:
    """The rendered sentences of one file (blanks as 【填：名称】)."""
    path = template_path(PHRASES_DIR, section, f"{area}.j2")
    env = SandboxedEnvironment(undefined=_Blank, autoescape=False)
    try:
        text = env.from_string(path.read_text(encoding="utf-8")).render()
    except (OSError, TemplateError) as exc:
        raise DrafterError(str(path), f"标准表述模板有误（{exc}）") from None
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def fingerprint() -> str:
    h = hashlib.sha1()
    for sec, area in _files():
        h.update(f"{sec}{area}".encode())
        h.update(template_path(PHRASES_DIR, sec, f"{area}.j2").read_bytes())
    return h.hexdigest()[:16]


def standard_passages() -> list[Passage]:
    """Every standard sentence as a passage of its section and area."""
    from drafter.core.model.indicators import indicators_in

    out = []
    for sec, area in _files():
        for text in phrases(sec, area):
            ids = tuple(indicators_in(text))
            out.append(Passage(text, text, "paragraph", sec, area, ids, ORGAN, 0, ENTRY))
    return out
