"""A report title printed twice at the top of a web page: the page's own heading, then the
document's title (often set over two lines: "某局" / "关于2022年度法治政府建设情况的报告"),
and the aggregator suffix "(全文)".

:func:`title_repeat` tells how many lines after the title repeat it, and which wording to keep:
the one that names the report properly (法治政府建设 / 依法行政), else the first.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_PLAIN = re.compile(r"[，。；！？,;!?：:]")
_PROPER = re.compile(r"法治政府建设|依法行政")
_SUFFIX = re.compile(r"\s*[（(]\s*全文\s*[）)]\s*$")
SIMILAR = 0.75  # a line pair this close to the title (difflib ratio) repeats it
MAX_LINE = 40


def strip_suffix(title: str) -> str:
    """The title without an aggregator's "(全文)"."""
    return _SUFFIX.sub("", title)


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def title_repeat(title: str, following: list[str]) -> tuple[int, str]:
    """(lines of ``following`` that repeat ``title``, the title to keep); (0, title) if none."""
    if not title:
        return 0, title
    for n in (1, 2):
        parts = following[:n]
        if len(parts) < n or any(len(p) > MAX_LINE or _PLAIN.search(p) for p in parts):
            continue
        joined = "".join(parts)
        ratio = SequenceMatcher(None, _bare(title), _bare(joined)).ratio()
        if ratio < SIMILAR or "报告" not in joined:
            continue
        if _PROPER.search(joined) and not _PROPER.search(title):
            return n, joined
        return n, title
    return 0, title
