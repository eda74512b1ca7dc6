"""jieba's dictionary as an on-disk index, to segment text without loading jieba.

Loading jieba's dictionary takes about a second (and ~80 MB), far longer than checking or
importing a report. Finding word boundaries (indicator detection, heading similarity, title
breaking) only needs the words inside the text at hand, so the dictionary (jieba's dict.txt
and the domain dictionary in templates/domain_dict.txt) is copied once into an SQLite table
in the user cache folder (about a second, once per machine), every prefix of a word stored
too (with frequency 0), as jieba keeps them; segmenting then builds jieba's DAG by looking up
the text's substrings (extended only while they are prefixes of some word, and remembered for
the process) and takes jieba's own maximum-probability route over it: the result of ``jieba.Tokenizer.cut(text, HMM=False)`` with the domain words
added. core.model.tokenizer.words() is the entry point; it uses jieba itself when there is no index
(no dict.txt next to jieba, an unwritable cache) or when jieba is loaded anyway.
"""

from __future__ import annotations

import contextlib
import importlib.util
import math
import os
import re
import sqlite3
import threading
import zlib
from functools import cache
from pathlib import Path

from drafter.core import paths
from drafter.core.model.domain_words import domain_frequencies

FORMAT = 2  # of the index file (part of its name): 2 = prefixes stored
_ASCII_WORD = re.compile(r"[a-zA-Z0-9]")
# jieba's re_han_default / re_skip: dictionary runs, and what is cut character by character.
_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_built: dict[tuple, Path] = {}  # (cache folder settings, fingerprint) → index file
PREFETCH = 4  # substrings this short are looked up before building the DAG
ABSENT = -1  # memo value of a string that is neither a word nor a word's prefix


def _jieba_dict() -> Path | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.is_file() else None


def _domain_words() -> dict[str, int | None]:
    return domain_frequencies()


def _fingerprint(dict_path: Path, extra: dict[str, int | None]) -> str:
    st = dict_path.stat()
    data = f"{FORMAT}-{st.st_size}-{int(st.st_mtime)}|{sorted(extra.items())!r}".encode()
    # zlib's checksums (zlib is loaded anyway): hashlib would cost a few ms at every start
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _add_prefixes(freq: dict[str, int], word: str) -> None:
    for k in range(1, len(word)):
        if word[:k] not in freq:
            freq[word[:k]] = 0


def _build(dict_path: Path, extra: dict[str, int | None], target: Path) -> None:
    """jieba's gen_pfdict then add_word for each domain word, written to SQLite."""
    freq: dict[str, int] = {}
    total = 0
    with dict_path.open("rb") as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split(" ")
            if len(parts) >= 2:
                n = int(parts[1])
                freq[parts[0]] = n
                total += n
    for word in list(freq):
        _add_prefixes(freq, word)
    # jieba's add_word: a word without a frequency gets the one that keeps it whole.
    for word, n in extra.items():
        if n is None:
            n = _suggest_freq(word, freq, total)
        freq[word] = n
        total += n  # as jieba's add_word counts it
        _add_prefixes(freq, word)
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".words.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
            con.execute("CREATE TABLE meta (total INTEGER)")
            con.executemany("INSERT INTO words VALUES (?, ?)", freq.items())
            con.execute("INSERT INTO meta VALUES (?)", (total,))
        con.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _suggest_freq(word: str, freq: dict[str, int], total: int) -> int:
    """jieba.suggest_freq(word, tune=False) for a word not yet whole: beat its pieces."""
    pieces = _cut_with(word, freq, None, total)
    product = 1.0
    for piece in pieces:
        product *= freq.get(piece, 1) / total
    return max(int(product * total) + 1, freq.get(word, 1))


@cache
def _key() -> str | None:
    """The fingerprint of jieba's dict.txt and the domain words (None without dict.txt)."""
    dict_path = _jieba_dict()
    if dict_path is None:
        return None
    return _fingerprint(dict_path, _domain_words())


def index_path() -> Path | None:
    """The index for the installed jieba (built on first use), or None without one."""
    key = _key()
    if key is None:
        return None
    where = (os.environ.get("DRAFTER_CACHE"), os.environ.get("DRAFTER_HOME"), key)
    known = _built.get(where)
    if known is not None and known.exists():
        return known
    target = paths.user_cache_dir() / f"jieba-words-{key}.sqlite3"
    if not target.exists():
        dict_path = _jieba_dict()
        if dict_path is None:
            return None
        _build(dict_path, _domain_words(), target)
        for old in target.parent.glob("jieba-words-*.sqlite3"):  # an older jieba or format
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
    _built[where] = target
    return target


def _dag(text: str, freq: dict[str, int], fetch) -> list[list[int]]:
    """jieba's get_DAG: for each start, the ends of the dictionary words there. Substrings are
    extended one character at a time while they are a word's prefix; fetch(frags) puts the
    unknown ones of each round into freq (None when freq already holds everything)."""
    n = len(text)
    dag: list[list[int]] = [[] for _ in range(n)]
    live = list(range(n))
    length = 1
    get = freq.get
    while live:
        frags = [text[k : k + length] for k in live]
        if fetch is not None and length > PREFETCH:
            fetch(frags)
        nxt = []
        for k, frag in zip(live, frags, strict=True):
            f = get(frag, ABSENT)
            if f == ABSENT:
                continue
            if f:
                dag[k].append(k + length)
            if k + length < n:
                nxt.append(k)
        live = nxt
        length += 1
    return dag


def _route(text: str, freq: dict[str, int], fetch, total: int) -> list[str]:
    """jieba's calc + __cut_DAG_NO_HMM: the most probable split, ASCII runs kept together."""
    n = len(text)
    dag = _dag(text, freq, fetch)
    logtotal = math.log(total)
    log = math.log
    get = freq.get
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends = dag[i]
        if not ends:
            route[i] = (-logtotal + route[i + 1][0], i + 1)
            continue
        route[i] = max((log(get(text[i:j])) - logtotal + route[j][0], j) for j in ends)
    words: list[str] = []
    buf = ""
    i = 0
    while i < n:
        j = route[i][1]
        word = text[i:j]
        if j - i == 1 and _ASCII_WORD.match(word):
            buf += word
        else:
            if buf:
                words.append(buf)
                buf = ""
            words.append(word)
        i = j
    if buf:
        words.append(buf)
    return words


def _cut_with(text: str, freq: dict[str, int], fetch, total: int) -> list[str]:
    """jieba's cut(HMM=False): dictionary runs routed, everything else one by one.

    With fetch, the substrings of up to PREFETCH characters of every run are looked up
    first, in one go (most words are that short); longer ones round by round."""
    blocks = [b for b in _HAN.split(text) if b]
    if fetch is not None:
        fetch(
            [
                b[i : i + k]
                for b in blocks
                if _HAN.match(b)
                for i in range(len(b))
                for k in range(1, min(PREFETCH, len(b) - i) + 1)
            ]
        )
    out: list[str] = []
    for block in blocks:
        if _HAN.match(block):
            out.extend(_route(block, freq, fetch, total))
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                out.append(piece)
            else:
                out.extend(piece)
    return out


class _Index:
    """An open index: a read-only connection and the substrings looked up so far."""

    MEMO_LIMIT = 300_000  # looked-up substrings kept (a few tens of MB at most)

    def __init__(self, path: Path):
        self.path = path
        self.con = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        (self.total,) = self.con.execute("SELECT total FROM meta").fetchone()
        self.memo: dict[str, int] = {}

    def fetch(self, frags: list[str]) -> None:
        """Look up the fragments not yet known (call under _lock)."""
        memo = self.memo
        missing = list({f for f in frags if f not in memo})
        if not missing:
            return
        memo.update(dict.fromkeys(missing, ABSENT))
        for k in range(0, len(missing), 900):
            chunk = missing[k : k + 900]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT word, freq FROM words WHERE word IN ({marks})"
            memo.update(self.con.execute(sql, chunk).fetchall())

    def cut(self, text: str) -> list[str]:
        if len(self.memo) > self.MEMO_LIMIT:  # between cuts only: a cut relies on its lookups
            self.memo.clear()
        return _cut_with(text, self.memo, self.fetch, self.total)


_lock = threading.Lock()
_open: dict[Path, _Index] = {}  # index file → its open connection


def _index() -> _Index | None:
    try:
        db = index_path()
    except (OSError, sqlite3.Error, ValueError):
        return None
    if db is None:
        return None
    idx = _open.get(db)
    if idx is None:
        try:
            idx = _open[db] = _Index(db)
        except sqlite3.Error:
            return None
    return idx


def cut(text: str) -> list[str] | None:
    """jieba's dictionary segmentation of text (HMM off, domain words added), without jieba;
    None when there is no index (no dict.txt next to jieba, an unwritable cache).

    Thread-safe. core.model.tokenizer.words() is the function to call: it falls back on jieba.
    """
    with _lock:
        idx = _index()
        if idx is None:
            return None
        try:
            return idx.cut(text)
        except sqlite3.Error:
            _open.pop(idx.path, None)
            return None
