"""Ranking phrases from the library: BM25 over its passages, boosted for the section being
written, near-duplicates folded, the index cached on disk.

The index is keyed by a fingerprint of the library's contents (and of the dictionary): it is
rebuilt only when the library changes. Loading a cached index needs no jieba; a query needs
tokens, so :func:`warm_up` (called by the GUI off its thread) loads jieba and the index in the
background, and until jieba is ready a query is segmented against the index's own vocabulary
instead of waiting for it.
"""

from __future__ import annotations

import hashlib
import threading
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from drafter import __version__
from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.core.library.bm25_index import (
    BM25Builder,
    BM25Index,
    index_blobs,
    index_from_blobs,
    read_file,
    write_file,
)
from drafter.core.library.passage import KINDS, Passage, split_sentences
from drafter.core.model import tokenizer
from drafter.core.model.model import AREA_IDS, SECTION_IDS

INDEX_VERSION = 2  # 2: texts as UTF-8 blobs with byte offsets
AREA_BOOST = 0.6  # score × 1.6 for a passage of the area being written
SECTION_BOOST = 0.3  # score × 1.3 for a passage of the section being written
CANDIDATES = 200  # passages re-ranked after BM25 (boosts, folding)
CANDIDATE_FLOOR = 0.2  # … among those scoring at least this share of the best
FOLD_SIMILARITY = 0.8  # shingle overlap above which two passages count as one


class PassageSource(Protocol):
    """What the suggester needs of a library (core.library.corpus.Library provides it)."""

    def fingerprint(self) -> str: ...

    def passages(self): ...


@dataclass
class Suggestion:
    text: str
    template: str
    source: str
    section: str | None
    area: str | None
    score: float
    kind: str = "paragraph"
    indicators: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "template": self.template,
            "source": self.source,
            "section": self.section,
            "area": self.area,
            "score": round(self.score, 4),
            "kind": self.kind,
            "indicators": list(self.indicators),
        }


def parse_section_id(value: str | None) -> tuple[str | None, str | None]:
    """ "S2" → (S2, None); "S1.G" → (S1, G); "G" → (S1, G). DrafterError if unknown."""
    if not value:
        return None, None
    v = value.strip().upper()
    if v in SECTION_IDS:
        return v, None
    if len(v) == 1 and v in AREA_IDS:
        return "S1", v
    if "." in v:
        sec, _, area = v.partition(".")
        if sec in SECTION_IDS and area in AREA_IDS:
            return sec, area
    raise DrafterError(value, "不是有效的章节编号（应为 S1…S5、S1.A…S1.J 或工作领域字母 A…J）")


# ---- passages as columns ------------------------------------------------------------------


class PassageTable:
    """All passages in compact columns: texts and templates are UTF-8 blobs addressed by
    byte offsets (decoded only for the passages shown), a sentence points into its
    paragraph's bytes."""

    def __init__(self) -> None:
        self.text: bytes | memoryview = b""
        self.template: bytes | memoryview = b""
        self.t_start = array("I")
        self.t_end = array("I")
        self.m_start = array("I")
        self.m_end = array("I")
        self.kind = array("B")
        self.section = array("B")
        self.area = array("B")
        self.entry = array("I")
        self.indicator_blob: bytes | memoryview = b""  # "G1,G4" per passage, one a line
        self._indicators: list[str] | None = None
        self.entries: list[dict] = []  # {"id", "organ", "year"}

    def __len__(self) -> int:
        return len(self.kind)

    @property
    def indicators(self) -> list[str]:
        if self._indicators is None:
            blob = str(self.indicator_blob, "utf-8")
            self._indicators = blob.split("\n") if len(self) else []
        return self._indicators

    def get(self, i: int) -> Passage:
        e = self.entries[int(self.entry[i])]
        sec = int(self.section[i])
        area = int(self.area[i])
        ind = self.indicators[i]
        return Passage(
            text=str(self.text[self.t_start[i] : self.t_end[i]], "utf-8"),
            template=self.template_of(i),
            kind=KINDS[int(self.kind[i])],
            section=SECTION_IDS[sec - 1] if sec else None,
            area=AREA_IDS[area - 1] if area else None,
            indicators=tuple(ind.split(",")) if ind else (),
            organ=e["organ"],
            year=e["year"],
            entry=e["id"],
        )

    def column(self, name: str) -> np.ndarray:
        """A column as a numpy array (offsets, kind, section, area, entry)."""
        col = getattr(self, name)
        if isinstance(col, np.ndarray):
            return col
        return np.frombuffer(col, dtype=np.uint8 if col.typecode == "B" else np.uint32)

    def template_of(self, i: int) -> str:
        return str(self.template[self.m_start[i] : self.m_end[i]], "utf-8")


class _TableWriter:
    def __init__(self, table: PassageTable) -> None:
        self.t = table
        self.text_parts: list[bytes] = []
        self.tpl_parts: list[bytes] = []
        self.indicator_lines: list[str] = []
        self.text_len = 0
        self.tpl_len = 0
        self.last_para: tuple[bytes, int, bytes, int] | None = None
        self.entry_ids: dict[str, int] = {}

    def add(self, p: Passage) -> None:
        t = self.t
        text, tpl = p.text.encode("utf-8"), p.template.encode("utf-8")
        t_pos = m_pos = -1
        if p.kind == "sentence" and self.last_para is not None:
            ptext, pstart, ptpl, pmstart = self.last_para
            i, j = ptext.find(text), ptpl.find(tpl)  # UTF-8: a match is whole characters
            if i >= 0 and j >= 0:
                t_pos, m_pos = pstart + i, pmstart + j
        if t_pos < 0:
            t_pos, m_pos = self.text_len, self.tpl_len
            self.text_parts.append(text)
            self.tpl_parts.append(tpl)
            self.text_len += len(text)
            self.tpl_len += len(tpl)
            if p.kind != "sentence":
                self.last_para = (text, t_pos, tpl, m_pos)
        t.t_start.append(t_pos)
        t.t_end.append(t_pos + len(text))
        t.m_start.append(m_pos)
        t.m_end.append(m_pos + len(tpl))
        t.kind.append(KINDS.index(p.kind))
        t.section.append(SECTION_IDS.index(p.section) + 1 if p.section else 0)
        t.area.append(AREA_IDS.index(p.area) + 1 if p.area else 0)
        if p.entry not in self.entry_ids:
            self.entry_ids[p.entry] = len(t.entries)
            t.entries.append({"id": p.entry, "organ": p.organ, "year": p.year})
        t.entry.append(self.entry_ids[p.entry])
        self.indicator_lines.append(",".join(p.indicators))

    def finish(self) -> None:
        self.t.text = b"".join(self.text_parts)
        self.t.template = b"".join(self.tpl_parts)
        self.t.indicator_blob = "\n".join(self.indicator_lines).encode("utf-8")
        self.t._indicators = self.indicator_lines
        self.text_parts = self.tpl_parts = []


# ---- near-duplicate folding ---------------------------------------------------------------


def _shingles(template: str) -> frozenset[str]:
    """4-character shingles of (at most the first 200 characters of) a template."""
    t = template[:200]
    return frozenset(t[i : i + 4] for i in range(max(1, len(t) - 3)))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-duplicates: most of the shorter one's 4-grams are in the other."""
    small = min(len(a), len(b)) or 1
    return len(a & b) / small >= FOLD_SIMILARITY


# ---- the suggester ------------------------------------------------------------------------


class Suggester:
    """Ranks the passages of a library for a query and the section being written."""

    def __init__(self, library: PassageSource, cache_dir: Path | None = None):
        self.library = library
        self.cache_dir = cache_dir or (paths.user_cache_dir() / "suggest")
        self.table: PassageTable | None = None
        self.index: BM25Index | None = None
        self._fingerprint: str | None = None
        self._lock = threading.RLock()
        self._browse: dict[tuple, list[tuple[float, int]]] = {}
        self.last_build_seconds: float | None = None

    # -- index lifecycle
    def fingerprint(self) -> str:
        h = hashlib.sha1()
        h.update(f"{__version__}|{INDEX_VERSION}|{tokenizer.dictionary_fingerprint()}|".encode())
        h.update(self.library.fingerprint().encode())
        return h.hexdigest()[:20]

    def cache_path(self, fingerprint: str | None = None) -> Path:
        return self.cache_dir / f"index-{fingerprint or self.fingerprint()}.bin"

    def ensure_index(self) -> None:
        """Load the cached index, or build (and cache) it if the library changed."""
        with self._lock:
            fp = self.fingerprint()
            if self.index is not None and fp == self._fingerprint:
                return
            if not self._load(fp):
                self._build(fp)

    def is_cached(self) -> bool:
        return self.cache_path().is_file()

    def warm_up(self) -> None:
        """Load the index and jieba (call off the GUI thread; seconds on a first run)."""
        self.ensure_index()
        tokenizer.load()

    def invalidate(self) -> None:
        with self._lock:
            self.index = None
            self.table = None
            self._fingerprint = None
            self._browse = {}

    def _load(self, fp: str) -> bool:
        path = self.cache_path(fp)
        if not path.is_file():
            return False
        try:
            header, blobs = read_file(path)
            if header.get("fingerprint") != fp:
                return False
            table = PassageTable()
            table.text = blobs["text"]
            table.template = blobs["template"]
            for name in ("t_start", "t_end", "m_start", "m_end", "kind", "section", "area"):
                setattr(table, name, blobs[name])
            table.entry = blobs["entry"]
            table.indicator_blob = blobs["indicators"]
            table.entries = header["entries"]
            index = index_from_blobs(blobs, header["n_docs"])
        except (OSError, ValueError, KeyError, UnicodeDecodeError):
            return False  # a damaged cache is rebuilt
        self.table, self.index, self._fingerprint = table, index, fp
        self._browse = {}
        return True

    def _build(self, fp: str) -> None:
        import time

        start = time.perf_counter()
        table = PassageTable()
        writer = _TableWriter(table)
        builder = BM25Builder()
        sentence_tokens: dict[str, list[str]] = {}
        for p in self.library.passages():
            writer.add(p)
            if p.kind == "sentence" and p.text in sentence_tokens:
                tokens = sentence_tokens[p.text]
            else:
                # A paragraph's tokens are its sentences' tokens (jieba cuts at punctuation
                # anyway): its sentences, which follow it, are not segmented twice.
                sents = split_sentences(p.text)
                per_sentence = [tokenizer.search_tokens(s) for s in sents]
                sentence_tokens = dict(zip(sents, per_sentence, strict=True))
                tokens = [t for toks in per_sentence for t in toks]
            builder.add(tokens)
        writer.finish()
        index = builder.build()
        self.table, self.index, self._fingerprint = table, index, fp
        self._browse = {}
        self.last_build_seconds = time.perf_counter() - start
        self._save(fp)

    def _save(self, fp: str) -> None:
        t = self.table
        blobs = {
            "text": bytes(t.text),
            "template": bytes(t.template),
            **{
                name: t.column(name)
                for name in (
                    "t_start",
                    "t_end",
                    "m_start",
                    "m_end",
                    "kind",
                    "section",
                    "area",
                    "entry",
                )
            },
            "indicators": bytes(t.indicator_blob),
            **index_blobs(self.index),
        }
        header = {"fingerprint": fp, "n_docs": self.index.n_docs, "entries": t.entries}
        try:
            for old in self.cache_dir.glob("index-*.bin"):
                old.unlink(missing_ok=True)
            write_file(self.cache_path(fp), header, blobs)
        except OSError:
            pass  # no cache this time: the index in memory still serves

    # -- queries
    def query_tokens(self, query: str, wait: bool = True) -> list[str]:
        if tokenizer.is_loaded() or wait:
            return tokenizer.search_tokens(query)
        return tokenizer.vocabulary_tokens(query, self.index.term_ids)

    def suggest(
        self,
        query: str,
        section: str | None = None,
        area: str | None = None,
        n: int = 5,
        wait: bool = True,
    ) -> list[Suggestion]:
        """The n best passages for a query written in a section (and work area).

        wait=False never blocks on jieba's first load (the query is then segmented
        against the index vocabulary). An empty query lists the section's passages.
        """
        self.ensure_index()
        if area and not section:
            section = "S1"
        table, index = self.table, self.index
        tokens = self.query_tokens(query, wait) if query.strip() else []
        if tokens:
            scores = index.scores(tokens)
            if section or area:
                factor = np.ones(len(scores))
                if section:
                    factor[table.column("section") == SECTION_IDS.index(section) + 1] = (
                        1 + SECTION_BOOST
                    )
                if area:
                    factor[table.column("area") == AREA_IDS.index(area) + 1] = 1 + AREA_BOOST
                scores *= factor
            best = float(scores.max()) if len(scores) else 0.0
            if best <= 0:
                return []
            # Only passages near the best can make the list: cut the long tail of weak
            # matches before sorting.
            top = np.flatnonzero(scores >= best * CANDIDATE_FLOOR)
            if len(top) > CANDIDATES:
                top = top[np.argpartition(-scores[top], CANDIDATES - 1)[:CANDIDATES]]
            top = top[np.lexsort((top, -scores[top]))]
            ranked = [(float(scores[d]), int(d)) for d in top]
        else:
            ranked = self._browse_list(section, area)
        return self._fold(ranked, n)

    def _browse_list(self, section: str | None, area: str | None) -> list[tuple[float, int]]:
        """Without a query: the section's (area's) paragraphs, those covering indicators and
        of a useful length first."""
        key = (section, area)
        if key not in self._browse:
            t = self.table
            mask = t.column("kind") != KINDS.index("sentence")
            if area:
                mask &= t.column("area") == AREA_IDS.index(area) + 1
            elif section:
                mask &= t.column("section") == SECTION_IDS.index(section) + 1
            out = []
            for i in np.flatnonzero(mask).tolist():
                length = int(t.t_end[i]) - int(t.t_start[i])
                ind = t.indicators[i]
                prior = 1.0 + (ind.count(",") + 1 if ind else 0) - abs(length - 160) / 400
                out.append((prior, i))
            out.sort(key=lambda x: (-x[0], x[1]))
            self._browse[key] = out[:CANDIDATES]
        return self._browse[key]

    def _fold(self, ranked: list[tuple[float, int]], n: int) -> list[Suggestion]:
        """The n best passages, near-duplicates (same template, or mostly the same words,
        or a sentence of a paragraph already kept) folded into the best of them."""
        table = self.table
        kept: list[tuple[float, int, frozenset[str]]] = []
        seen_templates: set[str] = set()
        for score, doc in ranked:
            template = table.template_of(doc)
            if template in seen_templates:
                continue
            seen_templates.add(template)
            sh = _shingles(template)
            if any(_same(sh, other) for _, _, other in kept):
                continue
            kept.append((score, doc, sh))
            if len(kept) >= n:
                break
        out = []
        for score, doc, _ in kept:
            p = table.get(doc)
            out.append(
                Suggestion(
                    text=p.text,
                    template=p.template,
                    source=p.source,
                    section=p.section,
                    area=p.area,
                    score=score,
                    kind=p.kind,
                    indicators=p.indicators,
                )
            )
        return out


# ---- module-level convenience (the GUI and the CLI) ---------------------------------------

_default: Suggester | None = None
_default_lock = threading.Lock()


def default_suggester() -> Suggester:
    """The suggester over the user's library (seeds + own reports), created once per
    user data folder."""
    global _default
    from drafter.core.library.corpus import Library

    library = Library.open()
    with _default_lock:
        if _default is None or getattr(_default.library, "folder", None) != library.folder:
            _default = Suggester(library)
        return _default


def warm_up() -> None:
    """Load jieba and the cached index (or build it): call off the GUI thread."""
    default_suggester().warm_up()


def suggest(
    query: str,
    section: str | None = None,
    area: str | None = None,
    n: int = 5,
    wait: bool = True,
) -> list[Suggestion]:
    """Suggestions from the user's library (see :meth:`Suggester.suggest`; the GUI passes
    wait=False so that a query never waits for jieba's first load)."""
    return default_suggester().suggest(query, section=section, area=area, n=n, wait=wait)
