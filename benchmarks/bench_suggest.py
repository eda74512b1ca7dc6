"""Benchmark of the phrase library's ranking on a library of 1,000 reports.

The reports are recombined from the seeds: each synthetic report takes, for every section
and work area the seeds cover, paragraphs stitched from sentences of seed paragraphs with the
same label, with fresh figures and years. Prints, side by side for our own index (pure
Python), bm25s (numpy/scipy) and rank-bm25 on the same tokens: index build time,
cached-index load time, query p50/p95, peak memory; and the leave-one-seed-out quality
measure on the seeds.

    python benchmarks/bench_suggest.py [--reports 1000] [--queries 200]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="bench-suggest-"))

from throwaway_seeds import leave_one_out, seed_library  # noqa: E402

from drafter.core import tokenizer  # noqa: E402
from drafter.core.passage import Passage, split_sentences  # noqa: E402
from drafter.core.retrieval import Suggester  # noqa: E402

PLACES = "东城 西城 南山 北湖 清河 长宁 江北 海安 临川 新华 白云 青山 明水 安平 永和".split()
ORGANS = "司法局 市场监管局 政务服务办 应急管理局 生态环境局 人民政府 交通运输局".split()


class SyntheticLibrary:
    """N reports recombined from the seed passages (texts and templates stay consistent)."""

    def __init__(self, base: list[Passage], reports: int, seed: int = 7):
        self.reports = reports
        self.rng_seed = seed
        self.groups: dict[tuple, list[tuple[str, str]]] = {}
        for p in base:
            if p.kind == "sentence":
                continue
            key = (p.kind, p.section, p.area, p.indicators)
            sents = list(zip(split_sentences(p.text), split_sentences(p.template), strict=False))
            self.groups.setdefault((p.kind, p.section, p.area), []).append((key, sents))

    def fingerprint(self) -> str:
        return f"synthetic-{self.reports}-{self.rng_seed}"

    def passages(self):
        rng = random.Random(self.rng_seed)
        keys = sorted(self.groups, key=str)
        for r in range(self.reports):
            organ = rng.choice(PLACES) + rng.choice("区市县") + rng.choice(ORGANS)
            year = rng.randint(2019, 2024)
            entry = f"synthetic-{r}"
            for key in keys:
                for _ in range(rng.randint(1, 3)):
                    (kind, section, area, indicators), _ = rng.choice(self.groups[key])
                    pool = [s for _, sents in self.groups[key] for s in sents]
                    sents = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
                    texts = [_refigure(t, rng, year) for t, _ in sents]
                    tpls = [m for _, m in sents]
                    yield Passage(
                        "".join(texts),
                        "".join(tpls),
                        kind,
                        section,
                        area,
                        indicators,
                        organ,
                        year,
                        entry,
                    )
                    if len(texts) > 1:
                        for t, m in zip(texts, tpls, strict=True):
                            yield Passage(
                                t, m, "sentence", section, area, indicators, organ, year, entry
                            )


def _refigure(text: str, rng: random.Random, year: int) -> str:
    text = re.sub(r"(19|20)\d{2}(?=年)", str(year), text)
    return re.sub(
        r"(?<![\d年])\d{1,4}(?=[件项个次人%家户条名])", lambda m: str(rng.randint(1, 999)), text
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-rank-bm25", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    tokenizer.load()
    print(f"jieba + domain dictionary load: {time.perf_counter() - t0:.2f} s")

    t0 = time.perf_counter()
    base = list(seed_library().passages())
    print(f"seed library: {len(base)} passages, built in {time.perf_counter() - t0:.2f} s")

    # ---- quality: leave one seed out
    hits, total, per_seed = leave_one_out()
    print(
        f"leave-one-seed-out: top-5 holds a passage of the same work area for "
        f"{hits}/{total} = {hits / total:.1%} of the held-out paragraphs"
    )
    for name, (h, t) in per_seed.items():
        print(f"   {name}: {h}/{t}")

    lib = SyntheticLibrary(base, args.reports)
    rng = random.Random(3)
    queries = [p.text for p in base if p.kind == "paragraph"]
    queries = rng.sample(queries, min(len(queries), args.queries // 2))
    queries += [
        p.text
        for p in rng.sample([p for p in base if p.kind == "sentence"], args.queries - len(queries))
    ]
    query_tokens = [tokenizer.search_tokens(q) for q in queries]

    # ---- our index: build, cache, reload
    cache = Path(tempfile.mkdtemp(prefix="bench-index-"))
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    sug = Suggester(lib, cache_dir=cache)
    sug.ensure_index()
    build = time.perf_counter() - t0
    _, build_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n_docs = sug.index.n_docs
    size = sum(f.stat().st_size for f in cache.glob("*.bin")) / 2**20
    print(
        f"\nlibrary: {args.reports} reports, {n_docs} passages, "
        f"{len(sug.index.terms)} terms, {len(sug.index.docs)} postings, cache {size:.0f} MB"
    )
    del sug
    gc.collect()

    tracemalloc.start()
    t0 = time.perf_counter()
    sug = Suggester(lib, cache_dir=cache)
    sug.ensure_index()
    load = time.perf_counter() - t0
    _, load_peak = tracemalloc.get_traced_memory()
    times_tok, times_rank = [], []
    for q, toks in zip(queries, query_tokens, strict=True):
        t1 = time.perf_counter()
        sug.suggest(q, section="S1", area="G", n=5)
        times_tok.append((time.perf_counter() - t1) * 1000)
        t1 = time.perf_counter()
        sug.index.scores(toks)
        times_rank.append((time.perf_counter() - t1) * 1000)
    _, query_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = [
        (
            "own index (pure Python)",
            build,
            load,
            times_rank,
            times_tok,
            max(load_peak, query_peak) / 2**20,
            build_peak / 2**20,
        )
    ]

    # ---- bm25s and rank-bm25 on the same tokens
    docs_tokens = [tokenizer.search_tokens(sug.table.get(i).text) for i in range(n_docs)]
    try:
        rows.append(_bench_bm25s(docs_tokens, query_tokens))
    except ImportError:
        print("bm25s not installed: pip install bm25s")
    if not args.skip_rank_bm25:
        try:
            rows.append(_bench_rank_bm25(docs_tokens, query_tokens[:20]))
        except ImportError:
            print("rank-bm25 not installed: pip install rank-bm25")

    print(
        f"\n{'engine':28} {'build s':>8} {'load s':>7} {'rank p50':>9} {'rank p95':>9} "
        f"{'suggest p50':>11} {'suggest p95':>11} {'mem MB':>7} {'build MB':>8}"
    )
    for name, b, ld, tr, tt, mem, bmem in rows:
        sp = f"{pct(tt, 0.5):9.2f}ms {pct(tt, 0.95):9.2f}ms" if tt else f"{'-':>11} {'-':>11}"
        print(
            f"{name:28} {b:8.2f} {ld:7.3f} {pct(tr, 0.5):7.2f}ms {pct(tr, 0.95):7.2f}ms "
            f"{sp} {mem:7.0f} {bmem:8.0f}"
        )
    print(
        f"(rank = scoring pre-tokenised queries; suggest = tokenise + rank + boost + fold;"
        f" mem = tracemalloc peak while loading and querying; process max RSS {peak_mb():.0f} MB)"
    )
    return 0


def _bench_bm25s(docs_tokens, query_tokens):
    import bm25s

    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in d] for d in docs_tokens]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    build = time.perf_counter() - t0
    _, build_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    path = tempfile.mkdtemp(prefix="bench-bm25s-")
    retriever.save(path)
    del retriever, ids
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    retriever = bm25s.BM25.load(path, mmap=False)
    load = time.perf_counter() - t0
    times = []
    for toks in query_tokens:
        q = [vocab[t] for t in toks if t in vocab]
        t1 = time.perf_counter()
        if q:
            retriever.get_scores(q)
        times.append((time.perf_counter() - t1) * 1000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return ("bm25s (numpy, scipy)", build, load, times, [], peak / 2**20, build_peak / 2**20)


def _bench_rank_bm25(docs_tokens, query_tokens):
    from rank_bm25 import BM25Okapi

    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    bm = BM25Okapi(docs_tokens)
    build = time.perf_counter() - t0
    times = []
    for toks in query_tokens:
        t1 = time.perf_counter()
        bm.get_scores(toks)
        times.append((time.perf_counter() - t1) * 1000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (
        f"rank-bm25 ({len(query_tokens)} queries)",
        build,
        float("nan"),
        times,
        [],
        peak / 2**20,
        peak / 2**20,
    )


if __name__ == "__main__":
    sys.exit(main())
