"""The domain dictionary (templates/domain_dict.txt): terms, their tags and frequencies.

Read by the tokenizer (added to jieba) and by the word index (copied into its SQLite table);
it imports neither, which keeps the two free of each other.
"""

from __future__ import annotations

from functools import cache

from drafter.resources import template_path

DICT_FILE = "domain_dict.txt"


@cache
def domain_terms() -> dict[str, str]:
    """The domain dictionary as term → part-of-speech tag."""
    out: dict[str, str] = {}
    for line in template_path(DICT_FILE).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            out[parts[0]] = parts[2] if len(parts) > 2 else "n"
    return out


@cache
def _freqs() -> dict[str, int]:
    out = {}
    for line in template_path(DICT_FILE).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) > 1 and parts[1].isdigit():
            out[parts[0]] = int(parts[1])
    return out


def freq_for(term: str) -> int | None:
    """The term's frequency in the dictionary file, None when it gives none."""
    return _freqs().get(term)


def domain_frequencies() -> dict[str, int | None]:
    """Each domain term with its frequency (None: jieba's add_word picks one that keeps it whole)."""
    return {w: freq_for(w) for w in domain_terms()}
