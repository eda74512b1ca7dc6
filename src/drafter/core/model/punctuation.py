"""Half-width punctuation inside Chinese text: how to find it and how to put it right.

The seeds (and many real reports) write "，" as "," and "（）" as "()" between Chinese
characters. The checker reports such marks; text the product itself offers (templates from
the phrase library) is given full-width marks, so that inserting it adds no new finding.
"""

from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
CN_PUNCT = "，。、；：？！“”‘’（）《》【】〔〕…—"

HALF_PUNCT = re.compile(
    rf"(?<=[{CJK}{CN_PUNCT}])[,;:?!]|[,;:?!](?=[{CJK}“‘（《])|(?<=[{CJK}”）》])\.(?!\d)(?=$|[{CJK}“（《\s])"
)
HALF_BRACKET = re.compile(
    rf"(?<=[{CJK}{CN_PUNCT}])\(|\((?=[{CJK}“《])|(?<=[{CJK}“”》%])\)|\)(?=[{CJK}{CN_PUNCT}])"
)
HALF_QUOTE = re.compile(rf"(?<=[{CJK}{CN_PUNCT}])\"|\"(?=[{CJK}{CN_PUNCT}])")

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}


def to_fullwidth(text: str) -> str:
    """text with the half-width marks the checker would report made full-width.

    Commas, semicolons, colons, question and exclamation marks, full stops and round
    brackets next to Chinese text become their full-width forms; straight double quotes
    next to Chinese text become “ and ” in turn. Numbers (3.5, 1,000) and Latin text are
    left alone.
    """
    for _ in range(3):  # ")(" and the like: a mark made full-width lets its neighbour match
        before = text
        for rx in (HALF_PUNCT, HALF_BRACKET):
            text = rx.sub(lambda m: _FULL[m.group(0)], text)
        if text == before:
            break
    quotes = [m.start() for m in HALF_QUOTE.finditer(text)]
    if quotes and len(quotes) % 2 == 0:
        chars = list(text)
        for i, pos in enumerate(quotes):
            chars[pos] = "“" if i % 2 == 0 else "”"
        text = "".join(chars)
    return text
