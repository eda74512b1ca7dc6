"""The draft file's schema, checked on load: types, ranges, depth, known ids, valid Unicode.

:func:`validate_draft` walks the parsed JSON of a draft (or of a recovery file's report)
before the model is built from it. A bad field is named by its path
(``sections[3].paragraphs[7].level: 应为整数``). Repairs are made only where they are
obvious and harmless, each with a note:

- a number (or null) where a string belongs becomes that string ("12", "");
- an unpaired surrogate becomes U+FFFD;
- an integer written as "2023" or 2023.0 becomes 2023;
- a single string where a list of strings belongs becomes a list of one;
- 0/1 where true/false belongs becomes false/true;
- an unknown skeleton id (the report structure the guidance follows) becomes the default
  one for the report's year; the text is untouched.

Anything else is refused with a DraftError naming the field. Counts and nesting are capped
so that a crafted draft cannot make later stages (the checks, the exporter, the GUI's tree)
run for minutes.
"""

from __future__ import annotations

import math
from typing import Any

from drafter.core.errors import DraftError
from drafter.core.model.model import (
    AREA_IDS,
    ORGAN_KINDS,
    SECTION_IDS,
    check_schema_version,
)

MAX_SECTION_DEPTH = 8  # S1 → area → sub-areas: real drafts use 2
MAX_PARAGRAPHS = 20_000  # a long report has ~500
MAX_SECTIONS = 2_000
MAX_INDICATORS = 2_000
MAX_STRING_CHARS = 2_000_000
MAX_ID_CHARS = 64
MAX_LIST_ITEMS = MAX_PARAGRAPHS  # plans and figures come from paragraphs
NOTES_SHOWN = 20
MAX_INT_DIGITS = 18

META_STRINGS = ("organ", "title", "recipient", "doc_number", "signer", "closing", "signature",
                "date", "note", "cc", "printer", "print_date")  # fmt: skip
PARAGRAPH_KINDS = ("body", "heading")


class BigNumber:
    """A JSON integer too long to be a value a draft holds (parsed as this marker, so that
    the field it is in is named instead of Python's digit limit failing the whole file)."""

    def __init__(self, digits: str):
        self.digits = len(digits)


def parse_int(text: str) -> int | BigNumber:
    """json.loads(parse_int=...): integers longer than any real field become BigNumber."""
    return int(text) if len(text.lstrip("-")) <= MAX_INT_DIGITS else BigNumber(text)


class _Bad(Exception):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class _Walk:
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.paragraphs = 0
        self.sections = 0

    def note(self, path: str, what: str) -> None:
        self.notes.append(f"{path}: {what}")

    # ----- scalars ------------------------------------------------------------------------

    def string(self, value: Any, path: str, optional: bool = False) -> str | None:
        if isinstance(value, str):
            if len(value) > MAX_STRING_CHARS:
                raise _Bad(path, f"文字过长（{len(value)} 字，上限 {MAX_STRING_CHARS}）")
            return self._unicode(value, path)
        if value is None:
            if optional:
                return None
            self.note(path, "应为字符串，空值已改为空字符串")
            return ""
        if isinstance(value, bool):
            raise _Bad(path, "应为字符串")
        if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
            text = str(value)
            self.note(path, f"应为字符串，数字 {text} 已改为文字“{text}”")
            return text
        raise _Bad(path, "应为字符串")

    def _unicode(self, value: str, path: str) -> str:
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            fixed = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
            self.note(path, "含有无效的 Unicode 字符（孤立代理项），已替换为 �")
            return fixed

    def integer(self, value: Any, path: str, lo: int, hi: int) -> int:
        if isinstance(value, bool):
            raise _Bad(path, "应为整数")
        if isinstance(value, BigNumber):
            raise _Bad(path, f"应为整数（{value.digits} 位数字，超出范围）")
        if isinstance(value, float):
            if not math.isfinite(value):
                raise _Bad(path, f"应为整数（{value}）")
            if value != int(value):
                raise _Bad(path, f"应为整数（{value}）")
            self.note(path, f"应为整数，{value} 已改为 {int(value)}")
            value = int(value)
        elif isinstance(value, str):
            s = value.strip()
            if not (s.isascii() and s.lstrip("-").isdigit() and len(s) <= MAX_INT_DIGITS):
                raise _Bad(path, "应为整数")
            self.note(path, f"应为整数，文字“{value}”已改为 {int(s)}")
            value = int(s)
        elif not isinstance(value, int):
            raise _Bad(path, "应为整数")
        if not lo <= value <= hi:
            raise _Bad(path, f"应为 {lo} 到 {hi} 之间的整数（{value}）")
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if isinstance(value, bool):
            return value
        if value in (0, 1) and isinstance(value, int):
            self.note(path, f"应为 true/false，{value} 已改为 {str(bool(value)).lower()}")
            return bool(value)
        raise _Bad(path, "应为 true 或 false")

    def ident(self, value: Any, path: str) -> str:
        text = self.string(value, path)
        if len(text) > MAX_ID_CHARS:
            raise _Bad(path, f"编号过长（{len(text)} 字，上限 {MAX_ID_CHARS}）")
        return text

    def string_list(self, value: Any, path: str) -> list[str]:
        if isinstance(value, str):
            self.note(path, "应为列表，单个文字已改为只含它的列表")
            value = [value]
        if not isinstance(value, list):
            raise _Bad(path, "应为列表")
        if len(value) > MAX_LIST_ITEMS:
            raise _Bad(path, f"项数过多（{len(value)}，上限 {MAX_LIST_ITEMS}）")
        return [self.string(x, f"{path}[{i}]") for i, x in enumerate(value)]

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise _Bad(path, "应为对象")
        return value

    def array(self, value: Any, path: str) -> list:
        if not isinstance(value, list):
            raise _Bad(path, "应为列表")
        return value

    # ----- the draft's parts ---------------------------------------------------------------

    def metadata(self, m: Any) -> dict:
        m = self.obj(m, "metadata")
        out = dict(m)
        for key in META_STRINGS:
            if key in m:
                out[key] = self.string(m[key], f"metadata.{key}")
        if "organ_kind" in m:
            kind = self.string(m["organ_kind"], "metadata.organ_kind")
            if kind not in ORGAN_KINDS:
                raise _Bad("metadata.organ_kind", f"应为 {' 或 '.join(ORGAN_KINDS)}（{kind}）")
            out["organ_kind"] = kind
        if "year" in m:
            out["year"] = self.integer(m["year"], "metadata.year", 0, 9999)
        if "attachments" in m:
            out["attachments"] = self.string_list(m["attachments"], "metadata.attachments")
        return out

    def paragraph(self, p: Any, path: str) -> dict:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise _Bad(path, f"段落过多（上限 {MAX_PARAGRAPHS} 段）")
        p = self.obj(p, path)
        out = dict(p)
        for key in ("text", "lead"):
            if key in p:
                out[key] = self.string(p[key], f"{path}.{key}")
        if "kind" in p:
            kind = self.string(p["kind"], f"{path}.kind")
            if kind not in PARAGRAPH_KINDS:
                raise _Bad(f"{path}.kind", f"应为 body 或 heading（{kind}）")
            out["kind"] = kind
        if "level" in p:
            out["level"] = self.integer(p["level"], f"{path}.level", 0, 9)
        if "id" in p:
            out["id"] = self.ident(p["id"], f"{path}.id")
        if "last_year_text" in p:
            out["last_year_text"] = self.string(p["last_year_text"], f"{path}.last_year_text", True)
        if "stale_figures" in p:
            out["stale_figures"] = self.string_list(p["stale_figures"], f"{path}.stale_figures")
        return out

    def paragraphs_of(self, value: Any, path: str) -> list[dict]:
        items = self.array(value, path)
        return [self.paragraph(p, f"{path}[{i}]") for i, p in enumerate(items)]

    def section(self, s: Any, path: str, depth: int) -> dict:
        self.sections += 1
        if self.sections > MAX_SECTIONS:
            raise _Bad(path, f"章节过多（上限 {MAX_SECTIONS} 个）")
        if depth > MAX_SECTION_DEPTH:
            raise _Bad(path, f"章节嵌套过深（上限 {MAX_SECTION_DEPTH} 层）")
        s = self.obj(s, path)
        out = dict(s)
        if "section" not in s:
            raise _Bad(f"{path}.section", "缺少章节编号")
        sid = s["section"]
        if not isinstance(sid, str) or sid not in SECTION_IDS:
            raise _Bad(f"{path}.section", f"应为 {'、'.join(SECTION_IDS)} 之一（{sid!r:.40}）")
        area = s.get("area")
        if area is not None and (not isinstance(area, str) or area not in AREA_IDS):
            raise _Bad(f"{path}.area", f"应为 A 到 J 之一或 null（{area!r:.40}）")
        if "heading" in s:
            out["heading"] = self.string(s["heading"], f"{path}.heading")
        if "runin" in s:
            out["runin"] = self.boolean(s["runin"], f"{path}.runin")
        if "id" in s:
            out["id"] = self.ident(s["id"], f"{path}.id")
        out["paragraphs"] = self.paragraphs_of(s.get("paragraphs", []), f"{path}.paragraphs")
        children = self.array(s.get("children", []), f"{path}.children")
        out["children"] = [
            self.section(c, f"{path}.children[{i}]", depth + 1) for i, c in enumerate(children)
        ]
        return out

    def indicators(self, value: Any) -> dict:
        if value is None:
            return {}
        d = self.obj(value, "indicators")
        if len(d) > MAX_INDICATORS:
            raise _Bad("indicators", f"指标过多（{len(d)}，上限 {MAX_INDICATORS}）")
        out = {}
        for key, state in d.items():
            path = f"indicators.{key[:MAX_ID_CHARS]}"
            self.ident(key, path)
            st = dict(self.obj(state, path))
            if "na_reason" in st:
                st["na_reason"] = self.string(st["na_reason"], f"{path}.na_reason", True)
            figs = self.obj(st.get("figures", {}), f"{path}.figures")
            st["figures"] = {
                self.ident(k, f"{path}.figures"): self.string(v, f"{path}.figures.{k[:32]}")
                for k, v in figs.items()
            }
            out[key] = st
        return out

    def last_year(self, value: Any) -> dict | None:
        if value is None:
            return None
        d = dict(self.obj(value, "last_year"))
        if "year" in d:
            d["year"] = self.integer(d["year"], "last_year.year", 0, 9999)
        if "source" in d:
            d["source"] = self.string(d["source"], "last_year.source")
        if "plans" in d:
            d["plans"] = self.string_list(d["plans"], "last_year.plans")
        figures = self.obj(d.get("figures", {}), "last_year.figures")
        clean: dict[str, list[dict[str, Any]]] = {}
        for key, items in figures.items():
            path = f"last_year.figures.{key[:MAX_ID_CHARS]}"
            self.ident(key, path)
            rows = self.array(items, path)
            if len(rows) > MAX_LIST_ITEMS:
                raise _Bad(path, f"项数过多（上限 {MAX_LIST_ITEMS}）")
            clean[key] = []
            for i, row in enumerate(rows):
                row = dict(self.obj(row, f"{path}[{i}]"))
                for k in ("text", "unit"):
                    if k in row:
                        row[k] = self.string(row[k], f"{path}[{i}].{k}")
                value_ = row.get("value")
                if value_ is not None and (
                    isinstance(value_, bool)
                    or not isinstance(value_, int | float)
                    or not math.isfinite(value_)
                ):
                    raise _Bad(f"{path}[{i}].value", "应为数字")
                clean[key].append(row)
        d["figures"] = clean
        return d

    def skeleton(self, value: Any, year: int) -> str:
        from drafter.core.model.skeleton import skeleton_for_year, skeleton_ids

        if isinstance(value, str) and value in skeleton_ids():
            return value
        fallback = skeleton_for_year(year)
        self.note("skeleton", f"未知的报告结构 {str(value)[:40]!r}，已改用 {fallback}")
        return fallback


def validate_draft(data: Any, source: str) -> tuple[dict, list[str]]:
    """The draft's JSON checked and repaired: (clean data, notes on what was repaired).

    Raises DraftError naming the file and the first bad field."""
    check_schema_version(data, source)
    w = _Walk()
    try:
        out = dict(data)
        out["metadata"] = w.metadata(data.get("metadata", {}))
        year = out["metadata"].get("year", 0)
        out["skeleton"] = w.skeleton(data.get("skeleton", "standard"), year)
        out["opening"] = w.paragraphs_of(data.get("opening", []), "opening")
        sections = w.array(data.get("sections", []), "sections")
        out["sections"] = [w.section(s, f"sections[{i}]", 1) for i, s in enumerate(sections)]
        out["indicators"] = w.indicators(data.get("indicators"))
        out["last_year"] = w.last_year(data.get("last_year"))
    except _Bad as bad:
        raise DraftError(source, f"草稿内容有误：{bad.path}: {bad.reason}") from None
    return out, summarize(w.notes)


def summarize(notes: list[str]) -> list[str]:
    """At most NOTES_SHOWN notes, and a count of the rest."""
    if len(notes) <= NOTES_SHOWN:
        return notes
    return [*notes[:NOTES_SHOWN], f"另有 {len(notes) - NOTES_SHOWN} 处类似修复"]
