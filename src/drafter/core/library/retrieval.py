"""Ranking phrases from the library: BM25 over its passages, boosted for the section being
written, near-duplicates folded, the index cached on disk.

The index is keyed by a fingerprint of the library's contents (and of the dictionary): it is
rebuilt only when the library changes. Loading a cached index needs no jieba; a query needs
tokens, so :func:`warm_up` (called by the GUI off its thread) loads jieba and the index in the
background, and until jieba is ready a query is segmented against the index's own vocabulary
instead of waiting for it.

A query written in S2 or S4 (or naming them, core/section_intent.py) ranks that section's
passages first; in S4 the weaknesses the draft names in S2 find passages too. Given the draft
(core/draft_context.py), its own source report and text it already holds are never offered.
The passages live in columns (core/passage_table.py); our own S2/S4 phrasing
(core/standard_phrases.py) is indexed with the library's.
"""

from __future__ import annotations

import hashlib
import threading
import time
from itertools import chain
from pathlib import Path
from typing import Protocol

import numpy as np

from drafter import __version__
from drafter.core import paths
from drafter.core.library import standard_phrases
from drafter.core.library.bm25_index import (
    BM25Builder,
    BM25Index,
    index_blobs,
    index_from_blobs,
    read_file,
    write_file,
)
from drafter.core.library.draft_context import DraftFilter, DraftView
from drafter.core.library.passage import KINDS, split_sentences
from drafter.core.library.passage_table import PassageTable, TableWriter
from drafter.core.library.section_intent import first_section
from drafter.core.library.suggestion import Suggestion, parse_section_id, same, shingles
from drafter.core.model import tokenizer
from drafter.core.model.model import AREA_IDS, SECTION_IDS

__all__ = ["Suggester", "Suggestion", "default_suggester", "parse_section_id", "suggest"]

INDEX_VERSION = 3  # 3: our own S2/S4 phrasing indexed with the library
AREA_BOOST = 0.6  # score × 1.6 for a passage of the area being written
SECTION_BOOST = 0.3  # score × 1.3 for a passage of the section being written
CANDIDATES = 200  # passages re-ranked after BM25 (boosts, folding)
CANDIDATE_FLOOR = 0.2  # … among those scoring at least this share of the best
PROBLEM_WEIGHT = 0.6  # in S4: weight of a plan's match with the draft's S2 items
PRIOR_WEIGHT = 0.05  # in S2/S4: a section passage's usefulness (indicators, length)
PROBLEM_CHARS = 600  # at most this much of the draft's S2 is read for S4


class PassageSource(Protocol):
    """What the suggester needs of a library (core.library.corpus.Library provides it)."""

    def fingerprint(self) -> str: ...

    def passages(self): ...


def _prior(length: int, indicators: str) -> float:
    """Browsing without a query: passages covering indicators, of a useful length, first."""
    return 1.0 + (indicators.count(",") + 1 if indicators else 0) - abs(length - 160) / 400


class Suggester:
    """Ranks the passages of a library for a query and the section being written."""

    def __init__(
        self, library: PassageSource, cache_dir: Path | None = None, standard: bool = True
    ):
        self.library = library
        self.cache_dir = cache_dir or (paths.user_cache_dir() / "suggest")
        self.standard = standard  # index our own S2/S4 phrasing too
        self.table: PassageTable | None = None
        self.index: BM25Index | None = None
        self._fingerprint: str | None = None
        self._lock = threading.RLock()
        self._browse: dict[tuple, list[tuple[float, int]]] = {}
        self._sections: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._filter: tuple[DraftView, DraftFilter] | None = None
        self._problems: tuple[tuple[str, ...], list[str]] | None = None
        self.last_build_seconds: float | None = None

    # -- index lifecycle
    def fingerprint(self) -> str:
        h = hashlib.sha1()
        h.update(f"{__version__}|{INDEX_VERSION}|{tokenizer.dictionary_fingerprint()}|".encode())
        h.update(self.library.fingerprint().encode())
        if self.standard:
            h.update(f"|standard:{standard_phrases.fingerprint()}".encode())
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
            self._reset()

    def _reset(self) -> None:
        self._browse, self._sections, self._filter = {}, {}, None

    def _load(self, fp: str) -> bool:
        path = self.cache_path(fp)
        if not path.is_file():
            return False
        try:
            header, blobs = read_file(path)
            if header.get("fingerprint") != fp:
                return False
            table = PassageTable.from_blobs(blobs, header["entries"])
            index = index_from_blobs(blobs, header["n_docs"])
        except (OSError, ValueError, KeyError, UnicodeDecodeError):
            return False  # a damaged cache is rebuilt
        self.table, self.index, self._fingerprint = table, index, fp
        self._reset()
        return True

    def _passages(self):
        extra = standard_phrases.standard_passages() if self.standard else []
        return chain(self.library.passages(), extra)

    def _build(self, fp: str) -> None:
        start = time.perf_counter()
        table = PassageTable()
        writer = TableWriter(table)
        builder = BM25Builder()
        sentence_tokens: dict[str, list[str]] = {}
        for p in self._passages():
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
        self._reset()
        self.last_build_seconds = time.perf_counter() - start
        self._save(fp)

    def _save(self, fp: str) -> None:
        t = self.table
        blobs = {**t.blobs(), **index_blobs(self.index)}
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
        draft: DraftView | None = None,
    ) -> list[Suggestion]:
        """The n best passages for a query written in a section (and work area).

        wait=False never blocks on jieba's first load (the query is then segmented
        against the index vocabulary). An empty query lists the section's passages.
        draft: the draft being written; its source report and its own text are left out.
        """
        self.ensure_index()
        if area and not section:
            section = "S1"
        table, index = self.table, self.index
        tokens = self.query_tokens(query, wait) if query.strip() else []
        flt = self._draft_filter(draft) if draft is not None else None
        excluded = self._excluded_mask(flt)
        first = first_section(query, section)
        if first:
            problems = self._problem_tokens(draft, wait) if first == "S4" and draft else []
            ranked = self._first_ranked(first, tokens, problems, excluded)
        elif tokens:
            scores = index.scores(tokens)
            if section or area:
                factor = np.ones(len(scores))
                if section:
                    factor[table.column("section") == SECTION_IDS.index(section) + 1] = (
                        1 + SECTION_BOOST
                    )
                if area:  # S1's work area (our S2/S4 phrasing carries areas too)
                    in_area = table.column("area") == AREA_IDS.index(area) + 1
                    in_area &= table.column("section") == SECTION_IDS.index("S1") + 1
                    factor[in_area] = 1 + AREA_BOOST
                scores *= factor
            if excluded is not None:
                scores[excluded] = 0
            # With a draft the best matches may be its own text: keep weaker ones in reach.
            ranked = self._top(scores, CANDIDATE_FLOOR if flt is None else 0.0)
        else:
            ranked = self._browse_list(section, area)
            if excluded is not None:
                ranked = [(s, d) for s, d in ranked if not excluded[d]]
        return self._fold(ranked, n, flt)

    def _top(self, scores: np.ndarray, floor: float = CANDIDATE_FLOOR) -> list[tuple[float, int]]:
        """The candidates near the best score, best first (ties: library order)."""
        best = float(scores.max()) if len(scores) else 0.0
        if best <= 0:
            return []
        # Only passages near the best can make the list: cut the long tail of weak
        # matches before sorting.
        top = np.flatnonzero(scores >= best * floor) if floor > 0 else np.flatnonzero(scores)
        if len(top) > CANDIDATES:
            top = top[np.argpartition(-scores[top], CANDIDATES - 1)[:CANDIDATES]]
        top = top[np.lexsort((top, -scores[top]))]
        return [(float(scores[d]), int(d)) for d in top]

    def _first_ranked(
        self,
        section: str,
        tokens: list[str],
        problems: list[str],
        excluded: np.ndarray | None,
    ) -> list[tuple[float, int]]:
        """A query for S2 or S4: that section's passages first, by their match with the
        query (and, in S4, with the draft's weaknesses), then the rest of the library."""
        docs, prior = self._section_docs(section)
        rel = PRIOR_WEIGHT * prior
        scores = self.index.scores(tokens) if tokens else None
        if scores is not None and len(docs):
            best = float(scores[docs].max())
            if best > 0:
                rel = rel + scores[docs] / best
        if problems and len(docs):
            pscores = self.index.scores(problems)[docs]
            best = float(pscores.max())
            if best > 0:
                rel = rel + PROBLEM_WEIGHT * pscores / best
        if excluded is not None:
            keep = ~excluded[docs]
            docs, rel = docs[keep], rel[keep]
        order = np.lexsort((docs, -rel))[:CANDIDATES]
        ranked = [(1.0 + float(rel[i]), int(docs[i])) for i in order]
        if scores is not None:  # then the other sections' matches
            in_section = np.zeros(len(scores), dtype=bool)
            in_section[docs] = True
            scores[in_section] = 0
            if excluded is not None:
                scores[excluded] = 0
            best = float(scores.max()) if len(scores) else 0.0
            if best > 0:
                ranked += [(0.999 * s / best, d) for s, d in self._top(scores)]
        return ranked

    def _section_docs(self, section: str) -> tuple[np.ndarray, np.ndarray]:
        """A section's passages and their browsing prior scaled to 0…1."""
        if section not in self._sections:
            t = self.table
            docs = np.flatnonzero(t.column("section") == SECTION_IDS.index(section) + 1)
            raw = np.array(
                [_prior(int(t.t_end[d]) - int(t.t_start[d]), t.indicators[d]) for d in docs],
                dtype=np.float64,
            )
            span = float(raw.max() - raw.min()) if len(raw) else 0.0
            prior = (raw - raw.min()) / span if span > 0 else np.zeros(len(raw))
            self._sections[section] = (docs, prior)
        return self._sections[section]

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
                out.append((_prior(length, t.indicators[i]), i))
            out.sort(key=lambda x: (-x[0], x[1]))
            self._browse[key] = out[:CANDIDATES]
        return self._browse[key]

    # -- the draft
    def _draft_filter(self, view: DraftView) -> DraftFilter:
        if self._filter is None or self._filter[0] != view:
            files = {}
            entries_of = getattr(self.library, "entries", None)
            if callable(entries_of):
                files = {e.id: e.file for e in entries_of()}
            entries = [
                (e["id"], files.get(e["id"], ""), e["organ"], e["year"]) for e in self.table.entries
            ]
            self._filter = (view, DraftFilter(view, entries))
        return self._filter[1]

    def _excluded_mask(self, flt: DraftFilter | None) -> np.ndarray | None:
        """True for every passage of the draft's own source report (None: nothing left out)."""
        if flt is None or not flt.excluded:
            return None
        ids = [i for i, e in enumerate(self.table.entries) if e["id"] in flt.excluded]
        return np.isin(self.table.column("entry"), np.array(ids, dtype=np.uint32))

    def _problem_tokens(self, draft: DraftView, wait: bool) -> list[str]:
        if self._problems is None or self._problems[0] != draft.problems:
            text = "\n".join(draft.problems)[:PROBLEM_CHARS]
            self._problems = (draft.problems, self.query_tokens(text, wait) if text else [])
        return self._problems[1]

    def _fold(
        self, ranked: list[tuple[float, int]], n: int, flt: DraftFilter | None = None
    ) -> list[Suggestion]:
        """The n best passages, near-duplicates (same template, or mostly the same words,
        or a sentence of a paragraph already kept) folded into the best of them, and text
        the draft already holds left out."""
        table = self.table
        kept: list[tuple[float, int, frozenset[str]]] = []
        seen_templates: set[str] = set()
        for score, doc in ranked:
            template = table.template_of(doc)
            if template in seen_templates:
                continue
            seen_templates.add(template)
            sh = shingles(template)
            if any(same(sh, other) for _, _, other in kept):
                continue
            if flt is not None and flt.already_written(table.text_of(doc)):
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
                    year=p.year or None,
                    entry=p.entry,
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
    draft: DraftView | None = None,
) -> list[Suggestion]:
    """Suggestions from the user's library (see :meth:`Suggester.suggest`; the GUI passes
    wait=False so that a query never waits for jieba's first load)."""
    return default_suggester().suggest(
        query, section=section, area=area, n=n, wait=wait, draft=draft
    )
