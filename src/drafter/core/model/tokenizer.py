"""Chinese word segmentation: the one place in drafter that owns it.

Everything that segments calls this module. jieba is used through one ``jieba.Tokenizer``
instance for the process (never the global one) with the domain dictionary in
templates/domain_dict.txt, so that 行政复议, 出庭应诉率, 三项制度 … stay whole. Loading it
takes about a second and ~80 MB: :func:`load` is lazy, thread-safe and meant to be called off
the GUI thread (``retrieval.warm_up()`` does). Nothing here imports jieba at module load.

- :func:`words`: word boundaries (indicator detection, heading similarity, title breaking):
  jieba's dictionary cut, HMM off. Until jieba is loaded it is answered from the word index
  (core.model.word_index: the same dictionary in SQLite, the same result) so `check`, `import` and
  `export` never load jieba.
- :func:`search_tokens`: the phrase library's ranking tokens (jieba, search mode).
- :func:`tagged`, :func:`dictionary_pos`: parts of speech, for templating only (jieba.posseg).
"""

from __future__ import annotations

import re
import threading
from functools import cache

from drafter.core import paths
from drafter.core.model import word_index
from drafter.core.model.domain_words import DICT_FILE, domain_terms, freq_for
from drafter.resources import template_path

STOPWORDS_FILE = "stopwords.txt"

_lock = threading.Lock()
_tokenizer = None  # jieba.Tokenizer, once loaded
_pos_tokenizer = None  # jieba.posseg.POSTokenizer over it

# Tokens worth nothing for ranking: numbers, punctuation, Latin noise.
_NOISE_RE = re.compile(r"^[\W\d_.%％·]+$")


@cache
def stopwords() -> frozenset[str]:
    text = template_path(STOPWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if w)


@cache
def _sub_terms() -> dict[str, tuple[str, ...]]:
    """For each long domain term, the domain terms of 4+ characters inside it
    (行政复议申请 → 行政复议); search mode already yields the 2- and 3-character ones."""
    terms = domain_terms()
    out = {}
    for t in terms:
        inner = tuple(s for s in terms if s != t and len(s) >= 4 and s in t)
        if inner:
            out[t] = inner
    return out


@cache
def dictionary_fingerprint() -> str:
    """Changes whenever the dictionary or the stopwords change (part of the index cache key)."""
    import hashlib

    h = hashlib.sha1()
    for name in (DICT_FILE, STOPWORDS_FILE):
        h.update(template_path(name).read_bytes())
    return h.hexdigest()[:16]


def is_loaded() -> bool:
    return _tokenizer is not None


def load() -> None:
    """Load jieba and the domain dictionary (about a second; safe from any thread)."""
    global _tokenizer
    if _tokenizer is not None:
        return
    with _lock:
        if _tokenizer is not None:
            return
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        cache = paths.user_cache_dir()
        # an unwritable cache folder: jieba keeps its cache in the system's temp folder
        tok.tmp_dir = str(cache) if paths.writable(cache) is None else None
        tok.initialize()
        # The domain dictionary (what load_userdict does, from the parsed file).
        for term, flag in domain_terms().items():
            tok.add_word(term, freq=freq_for(term), tag=flag)
        _tokenizer = tok


def _pos() -> object:
    """The part-of-speech tagger over the same tokenizer, loaded on first use (its tables
    take about 100 MB: only building the library's templates needs it, never a query)."""
    global _pos_tokenizer
    load()
    if _pos_tokenizer is None:
        with _lock:
            if _pos_tokenizer is None:
                import jieba.posseg

                pos = jieba.posseg.POSTokenizer(_tokenizer)
                for term, flag in domain_terms().items():
                    pos.word_tag_tab[term] = flag
                _pos_tokenizer = pos
    return _pos_tokenizer


def jieba_tokenizer():
    """The shared jieba.Tokenizer with the domain dictionary (loads it if needed)."""
    load()
    return _tokenizer


def prepare_words() -> None:
    """Make words() ready: open the word index (building it the first time, about a second)
    or, without one, load jieba. Safe from any thread; meant for off the GUI thread."""
    if _tokenizer is None and word_index.cut("依法行政") is None:
        load()


def words(text: str) -> list[str]:
    """jieba's dictionary segmentation (accurate mode, HMM off), every word kept.

    Without jieba loaded, from the word index (identical result, no second-long load)."""
    if _tokenizer is None:
        out = word_index.cut(text)
        if out is not None:
            return out
        load()
    return _tokenizer.lcut(text, HMM=False)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs: ns place, nt organisation, nr person, …"""
    pos = _pos()
    with _lock:  # POSTokenizer keeps per-call state on the instance
        return [(p.word, p.flag) for p in pos.cut(text)]


def is_search_token(word: str) -> bool:
    return len(word) > 1 and word not in stopwords() and not _NOISE_RE.match(word)


def search_tokens(text: str) -> list[str]:
    """Tokens for ranking: search-mode segmentation, domain sub-terms added, noise dropped."""
    load()
    subs = _sub_terms()
    out: list[str] = []
    for w in _tokenizer.cut_for_search(text):
        w = w.lower()
        if is_search_token(w):
            out.append(w)
            inner = subs.get(w)
            if inner:
                out.extend(inner)
    return out


def vocabulary_tokens(text: str, vocabulary, max_len: int = 16) -> list[str]:
    """Tokens by forward maximum matching against an index vocabulary, without jieba.

    Used to answer a query from a cached index before jieba has loaded: only words the
    index knows can score, so matching against its vocabulary finds what matters.
    """
    text = text.lower()
    out: list[str] = []
    i, n = 0, len(text)
    subs = _sub_terms()
    while i < n:
        for j in range(min(n, i + max_len), i + 1, -1):
            w = text[i:j]
            if w in vocabulary:
                if is_search_token(w):
                    out.append(w)
                    out.extend(s for s in subs.get(w, ()) if s in vocabulary)
                i = j
                break
        else:
            i += 1
    return out


def dictionary_pos(word: str) -> str:
    """jieba's part-of-speech tag for a dictionary word ("" if unknown)."""
    return _pos().word_tag_tab.get(word, "")
