"""Breaking a long 公文 title into balanced lines at word boundaries (GB/T 9704 7.3.1).

A title longer than a line is split into the fewest lines that fit, with breaks only
between words (core.model.tokenizer.words: jieba's dictionary and the domain dictionary, from the
word index, without jieba's one-second load) (a year stays with its 年/年度, a bracketed name
stays whole, punctuation never starts a line), choosing the split whose lines are closest in length (梯形/菱形),
upper lines the longer on a tie.
"""

from __future__ import annotations

import itertools
import math
import re

from drafter.core.model import tokenizer

_OPENERS = "《〈“‘（(〔【"
_CLOSERS = "》〉”’）)〕】"
_NO_LINE_START = set("，。、；：？！）》〉”’〕】,.;:?!)…—·")
# A line should not end with these: they bind to the words after them.
_WEAK_ENDS = ("和", "与", "及", "对")
_NUMERAL = re.compile(r"^[0-9０-９一二三四五六七八九十〇零]+$")


def units(text: str, keep_brackets: bool = True) -> list[str]:
    """The title as unbreakable pieces: jieba words, merged where a break is not allowed."""
    words = tokenizer.words(text)
    out: list[str] = []
    depth = 0
    for w in words:
        glue = False
        if out:
            prev = out[-1]
            if depth > 0 and keep_brackets:  # inside 《…》, 〔…〕, “…”: keep whole
                glue = True
            elif w[0] in _NO_LINE_START:
                glue = True
            elif prev[-1] in _OPENERS:
                glue = True
            elif _NUMERAL.match(prev[-1:]) and (w[0] in "年月日号届次" or _NUMERAL.match(w[:1])):
                glue = True  # 2020 + 年度, 十九 + 届
        if glue:
            out[-1] += w
        else:
            out.append(w)
        depth += sum(w.count(c) for c in _OPENERS) - sum(w.count(c) for c in _CLOSERS)
        depth = max(depth, 0)
    return out


def split_title(text: str, max_chars: int) -> list[str]:
    """The title's lines: one if it fits, else balanced lines broken between words."""
    text = text.strip()
    if "\n" in text:  # the clerk broke it by hand
        return [x.strip() for x in text.split("\n") if x.strip()]
    if len(text) <= max_chars:
        return [text]
    total = len(text)
    fewest = math.ceil(total / max_chars)
    for keep_brackets in (True, False):  # a bracketed name longer than a line may break
        pieces = units(text, keep_brackets)
        for k in range(fewest, min(fewest + 1, len(pieces)) + 1):
            best = _best_split(pieces, k, max_chars)
            if best is not None:
                return best
    # A single unit longer than a line (no break allowed anywhere): cut by characters.
    n = math.ceil(total / max_chars)
    size = math.ceil(total / n)
    return [text[i : i + size] for i in range(0, total, size)]


def _best_split(pieces: list[str], k: int, max_chars: int) -> list[str] | None:
    best_key = None
    best: list[str] | None = None
    cut_points = range(1, len(pieces))
    if math.comb(len(pieces) - 1, k - 1) > 20000:  # far longer than any title
        return None
    for cuts in itertools.combinations(cut_points, k - 1):
        bounds = (0, *cuts, len(pieces))
        lines = ["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds)]
        lengths = [len(x) for x in lines]
        if max(lengths) > max_chars:
            continue
        weak = sum(1 for x in lines[:-1] if x.endswith(_WEAK_ENDS))
        key = (max(lengths) - min(lengths) + 3 * weak, [-n for n in lengths])
        if best_key is None or key < best_key:
            best_key, best = key, lines
    return best
