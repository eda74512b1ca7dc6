"""Fill-in blanks: the one convention for blanks in templates, the editor and the checker.

A blank is a label in full-width lenticular brackets with a leading marker, e.g. "【填：年份】",
"【填：数字】件", "【填：单位名称】". The marker "填：" keeps blanks apart from other bracketed
text. An exported or checked report that still holds a blank is flagged.
"""

from __future__ import annotations

import re

BLANK_OPEN = "【填："
BLANK_CLOSE = "】"
BLANK_RE = re.compile(r"【填：([^【】\n]{1,20})】")


def blank(label: str) -> str:
    return f"{BLANK_OPEN}{label}{BLANK_CLOSE}"


def find_blanks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every blank in text."""
    return [(m.start(), m.end(), m.group(1)) for m in BLANK_RE.finditer(text)]


def has_blanks(text: str) -> bool:
    return BLANK_RE.search(text) is not None


def fill(text: str, values: dict[str, str] | list[str]) -> str:
    """Fill blanks by label (dict) or in order (list); unknown ones stay blank."""
    if isinstance(values, dict):
        return BLANK_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    it = iter(values)
    return BLANK_RE.sub(lambda m: next(it, m.group(0)), text)
