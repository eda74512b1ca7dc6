"""A compact BM25 inverted index (numpy arrays) and its on-disk form.

Each term's postings hold the documents and their precomputed BM25 weights, so a query is
a gather of a few slices and one ``numpy.bincount``: exact BM25, a few milliseconds on a
library of 1,000 reports (benchmarks/bench_suggest.py compares it with the same index scored
in pure Python, with bm25s and with rank-bm25). The file is a small JSON header followed by
raw arrays and UTF-8 blobs: loading it maps arrays onto the bytes read, without jieba.
"""

from __future__ import annotations

import json
import math
import os
import struct
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

K1 = 1.2
B = 0.75
MAGIC = b"DRAFTER-BM25\n"
FORMAT_VERSION = 1


class BM25Builder:
    """Collects documents (as token lists) and produces a :class:`BM25Index`."""

    def __init__(self) -> None:
        self._postings: dict[str, tuple[array, array]] = {}
        self._lengths = array("I")

    def add(self, tokens: list[str]) -> int:
        doc = len(self._lengths)
        self._lengths.append(len(tokens))
        postings = self._postings
        for term, tf in Counter(tokens).items():
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("I"), array("H"))
            entry[0].append(doc)
            entry[1].append(min(tf, 65535))
        return doc

    def build(self) -> BM25Index:
        n = len(self._lengths)
        lengths = np.frombuffer(self._lengths, dtype=np.uint32).astype(np.float64)
        avgdl = float(lengths.mean()) if n else 1.0
        norm = K1 * (1 - B + B * lengths / avgdl) if n else lengths
        terms = sorted(self._postings)
        counts = np.fromiter((len(self._postings[t][0]) for t in terms), dtype=np.int64)
        starts = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        docs = np.empty(int(starts[-1]), dtype=np.uint32)
        tfs = np.empty(int(starts[-1]), dtype=np.float64)
        for i, term in enumerate(terms):
            d_arr, tf_arr = self._postings.pop(term)
            docs[starts[i] : starts[i + 1]] = np.frombuffer(d_arr, dtype=np.uint32)
            tfs[starts[i] : starts[i + 1]] = np.frombuffer(tf_arr, dtype=np.uint16)
        idfs = np.log(1 + (n - counts + 0.5) / (counts + 0.5))
        term_of = np.repeat(np.arange(len(terms)), counts)
        weights = idfs[term_of] * tfs * (K1 + 1) / (tfs + norm[docs])
        return BM25Index(
            terms, starts, docs, weights.astype(np.float32), idfs.astype(np.float32), n
        )


class BM25Index:
    def __init__(self, terms: list[str], starts, docs, weights, idfs, n_docs: int):
        self.terms = terms
        self.term_ids = {t: i for i, t in enumerate(terms)}
        self.starts = starts
        self.docs = docs
        self.weights = weights
        self.idfs = idfs
        self.n_docs = n_docs

    def __contains__(self, term: str) -> bool:
        return term in self.term_ids

    def scores(self, tokens: Iterable[str]) -> np.ndarray:
        """BM25 scores of all documents for the query (float64, one per document).

        A query word repeated counts 1 + ln(count) times.
        """
        qtf = Counter(t for t in tokens if t in self.term_ids)
        if not qtf:
            return np.zeros(self.n_docs)
        starts, docs, weights = self.starts, self.docs, self.weights
        parts_d, parts_w = [], []
        for term, count in qtf.items():
            tid = self.term_ids[term]
            lo, hi = starts[tid], starts[tid + 1]
            parts_d.append(docs[lo:hi])
            w = weights[lo:hi]
            parts_w.append(w * (1.0 + math.log(count)) if count > 1 else w)
        return np.bincount(
            np.concatenate(parts_d), weights=np.concatenate(parts_w), minlength=self.n_docs
        )


# ---- on-disk form -----------------------------------------------------------------------


def write_file(path: Path, header: dict, blobs: dict[str, bytes | np.ndarray]) -> None:
    """Header (JSON) + named blobs (bytes or numpy arrays), written atomically."""
    layout = {}
    offset = 0
    raw = []
    for name, blob in blobs.items():
        is_array = isinstance(blob, np.ndarray)
        data = np.ascontiguousarray(blob).tobytes() if is_array else blob
        typecode = blob.dtype.str if is_array else ""
        layout[name] = [offset, len(data), typecode]
        raw.append(data)
        offset += len(data)
    head = json.dumps(
        {**header, "format": FORMAT_VERSION, "blobs": layout}, ensure_ascii=False
    ).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC)
            f.write(struct.pack("<Q", len(head)))
            f.write(head)
            for data in raw:
                f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_file(path: Path) -> tuple[dict, dict[str, memoryview | np.ndarray]]:
    """The header and the blobs of a file written by :func:`write_file` (ValueError if bad):
    views on the bytes read, nothing copied."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError("not an index file")
    pos = len(MAGIC)
    (head_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    header = json.loads(data[pos : pos + head_len].decode("utf-8"))
    if header.get("format") != FORMAT_VERSION:
        raise ValueError("index format changed")
    base = pos + head_len
    blobs: dict[str, memoryview | np.ndarray] = {}
    view = memoryview(data)
    for name, (offset, length, typecode) in header["blobs"].items():
        chunk = view[base + offset : base + offset + length]
        if len(chunk) != length:
            raise ValueError("index file truncated")
        # Arrays are views on the bytes read (read-only, no copy).
        blobs[name] = np.frombuffer(chunk, dtype=np.dtype(typecode)) if typecode else chunk
    return header, blobs


def index_blobs(index: BM25Index) -> dict[str, bytes | np.ndarray]:
    return {
        "terms": "\n".join(index.terms).encode("utf-8"),
        "starts": index.starts,
        "docs": index.docs,
        "weights": index.weights,
        "idfs": index.idfs,
    }


def index_from_blobs(blobs: dict, n_docs: int) -> BM25Index:
    terms_blob = str(blobs["terms"], "utf-8")
    terms = terms_blob.split("\n") if terms_blob else []
    return BM25Index(terms, blobs["starts"], blobs["docs"], blobs["weights"], blobs["idfs"], n_docs)
