"""Lines run together by a web page: a whole report on one line, a title run into its text.

- A page whose whole text is one or two long lines ("某局2023年法治政府建设情况报告 2023年，
  我局…如下：一、主要举措和成效（一）加强组织领导。…二、…") is split before every heading
  number that follows a sentence end, and after a title run into the preamble.
- Near the top of any page, a title followed by a space and more on the same line ("…情况报告
  信息来源: 发布时间:2024-01-02") is split there, so the rest can be read on its own.
"""

from __future__ import annotations

import re

LONG_LINE = 300  # characters: a line this long in a page of at most RUN_LINES lines is a run
RUN_LINES = 3
# A heading number after a sentence end (or a space): "。二、", "：（一）", "。 3."; a bracketed
# "（一）" wherever it stands ("…主要举措和成效（一）加强组织领导。").
_HEADING_START = re.compile(
    r"(?<=[。：:；;！!？?\s])\s*(?=(?:[一二三四五六七八九十]{1,3}、"
    r"|\d{1,2}[.．、](?=[\u4e00-\u9fff])))"
    r"|\s*(?=[（(][一二三四五六七八九十]{1,3}[）)])"
)
# A heading set off from its text by a space ("二、存在的不足 法治宣传…")
_HEADING_GAP = re.compile(
    r"^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"[^。：:；;！!？?，,\s]{2,40})\s+(?=[^\s])"
)
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d)"
)
# A title at the start of a line, then a space (or a year starting the preamble) and more.
_TITLE_RUN = re.compile(
    r"^(?P<title>[^，。；：:,;！？!?]{4,70}?报告(?:[（(]全文[）)])?)"
    r"(?:\s+(?=\S)|(?=(?:19|20)\d{2}\s*年[，,]))"
)


def _split_title(line: str) -> list[str]:
    m = _TITLE_RUN.match(line)
    if not m or len(line) - m.end() < 2:
        return [line]
    return [m.group("title"), line[m.end() :].strip()]


def _split_run(line: str) -> list[str]:
    out: list[str] = []
    for part in _split_title(line):
        for piece in _HEADING_START.split(part):
            m = _HEADING_GAP.match(piece.strip())
            if m:
                out.extend([m.group(1), piece.strip()[m.end() :]])
            elif piece.strip():
                out.append(piece.strip())
    return out


def split_run_together(lines: list[str]) -> list[str]:
    """The lines of a page, with runs of several paragraphs on one line split apart."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    run = len(filled) <= RUN_LINES and any(len(lines[i]) > LONG_LINE for i in filled)
    top = set(filled[:5])
    out: list[str] = []
    for k, line in enumerate(lines):
        if run and len(line) > LONG_LINE:
            out.extend(_split_run(line))
        elif k in top and not _NUMBERED.match(line):
            out.extend(_split_title(line))
        else:
            out.append(line)
    return out
