"""Benchmark of the phrase library's ranking on a library of 1,000 reports.

The reports are recombined from the seeds' labelled passages (core.library.corpus.Library): each
synthetic report takes, for every section and work area the seeds cover, paragraphs stitched
from 1-4 sentences of seed paragraphs with the same label, with fresh figures and years.

Printed, on the same tokens: index build time, cached-index load time, query p50/p95 and
peak memory for
  - our index scored with numpy (what core.library.retrieval uses),
  - the same index scored in pure Python (array), exactly and with a postings budget,
  - bm25s (numpy + scipy),
  - rank-bm25 (on a subset of the queries: it scores every document in Python);
then the full suggester (tokenise + rank + boost + fold) and the leave-one-seed-out measure.

    python benchmarks/bench_suggest.py [--reports 1000] [--queries 200]
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from array import array
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="bench-suggest-"))

from drafter.core.library.bm25_index import BM25Builder, BM25Index  # noqa: E402
from drafter.core.library.corpus import Library  # noqa: E402
from drafter.core.library.passage import Passage, split_sentences  # noqa: E402
from drafter.core.library.retrieval import Suggester  # noqa: E402
from drafter.core.library.suggest_quality import leave_one_seed_out  # noqa: E402
from drafter.core.model import tokenizer  # noqa: E402

PLACES = "东城 西城 南山 北湖 清河 长宁 江北 海安 临川 新华 白云 青山 明水 安平 永和".split()
ORGANS = "司法局 市场监管局 政务服务办 应急管理局 生态环境局 人民政府 交通运输局".split()
RANK_BM25_QUERIES = 10  # it scores every passage in Python: seconds a query at 1,000 reports
SHORT_QUERIES = ["行政复议", "出庭应诉率", "规范性文件合法性审核", "谁执法谁普法", "权责清单"]


class SyntheticLibrary:
    """N reports recombined from the seed passages (texts and templates stay consistent)."""

    def __init__(self, base: list[Passage], reports: int, seed: int = 7):
        self.reports = reports
        self.rng_seed = seed
        self.pools: dict[tuple, list[tuple[str, str, tuple]]] = {}
        for p in base:
            if p.kind == "sentence":
                continue
            pairs = zip(split_sentences(p.text), split_sentences(p.template), strict=False)
            pool = self.pools.setdefault((p.kind, p.section, p.area), [])
            pool.extend((t, m, p.indicators) for t, m in pairs)

    def fingerprint(self) -> str:
        return f"synthetic-{self.reports}-{self.rng_seed}"

    def passages(self):
        rng = random.Random(self.rng_seed)
        keys = sorted(self.pools, key=str)
        for r in range(self.reports):
            organ = rng.choice(PLACES) + rng.choice("区市县") + rng.choice(ORGANS)
            year = rng.randint(2019, 2024)
            entry = f"synthetic-{r}"
            for kind, section, area in keys:
                pool = self.pools[(kind, section, area)]
                for _ in range(rng.randint(1, 3)):
                    picked = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
                    texts = [_refigure(t, rng, year) for t, _, _ in picked]
                    tpls = [m for _, m, _ in picked]
                    inds = tuple(sorted({i for _, _, ind in picked for i in ind}))
                    yield Passage(
                        "".join(texts), "".join(tpls), kind, section, area, inds, organ, year, entry
                    )
                    if len(picked) > 1:
                        for t, m, ind in zip(texts, tpls, [x[2] for x in picked], strict=True):
                            yield Passage(t, m, "sentence", section, area, ind, organ, year, entry)


def _refigure(text: str, rng: random.Random, year: int) -> str:
    text = re.sub(r"(19|20)\d{2}(?=年)", str(year), text)
    return re.sub(
        r"(?<![\d年])\d{1,4}(?=[件项个次人%家户条名])", lambda m: str(rng.randint(1, 999)), text
    )


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


class Times(list):
    """Wall-clock milliseconds per call, with the CPU milliseconds beside them (on a busy
    shared machine the CPU time is the steadier figure)."""

    cpu: list[float]


def timed(fn, queries) -> Times:
    out = Times()
    out.cpu = []
    for q in queries:
        c0, t0 = time.process_time(), time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
        out.cpu.append((time.process_time() - c0) * 1000)
    return out


# ---- the same index, scored in pure Python ------------------------------------------------


class PurePythonScorer:
    """Our postings as ``array`` objects, accumulated in a dict (no numpy)."""

    def __init__(self, index: BM25Index):
        self.term_ids = index.term_ids
        self.starts = array("q", index.starts.tobytes())
        self.docs = array("I", index.docs.tobytes())
        self.weights = array("f", index.weights.tobytes())
        self.idfs = array("f", index.idfs.tobytes())

    def top(self, tokens, k=200, budget=None):
        qtf = Counter(t for t in tokens if t in self.term_ids)
        terms = sorted(qtf, key=lambda t: -self.idfs[self.term_ids[t]])
        cap = max(500, budget // len(terms)) if budget and terms else None
        acc: dict[int, float] = {}
        get = acc.get
        for t in terms:
            tid = self.term_ids[t]
            lo, hi = self.starts[tid], self.starts[tid + 1]
            if cap:  # strongest postings first would need impact order: take the first cap
                hi = min(hi, lo + cap)
            qw = 1.0 + math.log(qtf[t])
            for d, w in zip(self.docs[lo:hi], self.weights[lo:hi], strict=False):
                acc[d] = get(d, 0.0) + w * qw
        return heapq.nlargest(k, acc.items(), key=lambda kv: kv[1])


# ---- serve-only pass (a fresh process: its memory is the loaded index and the queries) ----


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB (Linux /proc; else getrusage).

    ru_maxrss survives exec on Linux (a child started by a big parent reports the parent's
    peak), so /proc's VmHWM is read when there is one."""
    try:
        status = Path("/proc/self/status").read_text()
        val = {
            k: int(v.split()[0]) / 1024
            for k, v in (line.split(":", 1) for line in status.splitlines() if ":" in line)
            if k in ("VmRSS", "VmHWM")
        }
        return val["VmRSS"], val["VmHWM"]
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak


def serve_only(cache_dir: str, reports: int, queries_file: str) -> None:
    base = list(Library.open().passages())
    lib = SyntheticLibrary(base, reports)
    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    tokenizer.load()
    gc.collect()
    rss_before = rss_mb()[0]
    tracemalloc.start()
    t0 = time.perf_counter()
    sug = Suggester(lib, cache_dir=Path(cache_dir))
    sug.ensure_index()
    load = time.perf_counter() - t0
    for q in queries:
        sug.suggest(q, section="S1", area="G")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = rss_mb()[1]
    print(
        json.dumps(
            {
                "load": load,
                "traced_peak_mb": peak / 2**20,
                "rss_mb": rss,
                "rss_before_mb": rss_before,
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--serve-only", nargs=2, metavar=("CACHE", "QUERIES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_only:
        serve_only(args.serve_only[0], args.reports, args.serve_only[1])
        return 0

    t0 = time.perf_counter()
    tokenizer.load()
    print(f"jieba + domain dictionary load: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    base = list(Library.open().passages())
    seed_chars = sum(len(p.text) for p in base if p.kind != "sentence")
    print(
        f"seed library: {len(base)} passages from 5 reports ({seed_chars} characters) "
        f"read, labelled and templated in {time.perf_counter() - t0:.2f} s"
    )

    t0 = time.perf_counter()
    quality = leave_one_seed_out()
    print(
        f"leave-one-seed-out: the top 5 hold a passage of the paragraph's work area for "
        f"{quality.hits}/{quality.total} = {quality.rate:.1%} of held-out paragraphs "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    for name, (h, t) in quality.per_seed.items():
        print(f"   {name}: {h}/{t}")
    areas = Counter(p.area for p in base if p.kind == "paragraph" and p.area)
    top_area, top_count = areas.most_common(1)[0]
    print(
        f"   (baseline: always offering area {top_area}, the most common, would score "
        f"{top_count / sum(areas.values()):.1%})"
    )

    lib = SyntheticLibrary(base, args.reports)
    rng = random.Random(3)
    paragraphs = [p.text for p in base if p.kind == "paragraph"]
    sentences = [p.text for p in base if p.kind == "sentence"]
    queries = rng.sample(paragraphs, min(len(paragraphs), args.queries // 2))
    queries += rng.sample(sentences, args.queries - len(queries))
    query_tokens = [tokenizer.search_tokens(q) for q in queries]

    # ---- documents and their tokens (shared by every engine)
    t0 = time.perf_counter()
    docs = list(lib.passages())
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc_tokens = [tokenizer.search_tokens(p.text) for p in docs]
    t_tok = time.perf_counter() - t0
    n_chars = sum(len(p.text) for p in docs)
    print(
        f"\nlibrary: {args.reports} reports, {len(docs)} passages ({n_chars / 1e6:.1f} M "
        f"characters), generated in {t_gen:.1f} s, tokenised in {t_tok:.1f} s "
        f"({n_chars / t_tok / 1000:.0f} k chars/s)"
    )
    del docs

    rows = []
    # our index
    t0 = time.perf_counter()
    builder = BM25Builder()
    for toks in doc_tokens:
        builder.add(toks)
    index = builder.build()
    t_build = time.perf_counter() - t0
    print(f"index: {len(index.terms)} terms, {len(index.docs)} postings")
    rank = timed(index.scores, query_tokens)
    rows.append(("own index, numpy scoring", t_build, rank, "exact"))
    pure = PurePythonScorer(index)
    rows.append(("own index, pure Python", t_build, timed(pure.top, query_tokens), "exact"))
    rows.append(
        (
            "own index, pure Python 40k",
            t_build,
            timed(lambda q: pure.top(q, budget=40000), query_tokens),
            "budget",
        )
    )

    try:
        import bm25s

        gc.collect()
        t0 = time.perf_counter()
        vocab: dict[str, int] = {}
        ids = [[vocab.setdefault(t, len(vocab)) for t in d] for d in doc_tokens]
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
        t_bm25s = time.perf_counter() - t0
        del ids
        path = tempfile.mkdtemp(prefix="bench-bm25s-")
        retriever.save(path)
        t0 = time.perf_counter()
        retriever = bm25s.BM25.load(path, mmap=False)
        t_bm25s_load = time.perf_counter() - t0
        q_ids = [[vocab[t] for t in toks if t in vocab] or [0] for toks in query_tokens]
        rows.append(
            (
                "bm25s",
                t_bm25s,
                timed(retriever.get_scores, q_ids),
                f"exact, load {t_bm25s_load:.3f} s",
            )
        )
    except ImportError:
        print("bm25s not installed (pip install bm25s): skipped")
    try:
        from rank_bm25 import BM25Okapi

        t0 = time.perf_counter()
        okapi = BM25Okapi(doc_tokens)
        t_okapi = time.perf_counter() - t0
        rows.append(
            (
                f"rank-bm25 ({min(RANK_BM25_QUERIES, len(query_tokens))} queries)",
                t_okapi,
                timed(okapi.get_scores, query_tokens[:RANK_BM25_QUERIES]),
                "exact (Okapi idf)",
            )
        )
    except ImportError:
        print("rank-bm25 not installed (pip install rank-bm25): skipped")
    del doc_tokens

    print(
        f"\n{'ranking on the same tokens':30} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'cpu p50':>8} {'cpu p95':>8}  notes"
    )
    for name, b, t, note in rows:
        print(
            f"{name:30} {b:8.2f} {pct(t, 0.5):8.2f} {pct(t, 0.95):8.2f} "
            f"{pct(t.cpu, 0.5):8.2f} {pct(t.cpu, 0.95):8.2f}  {note}"
        )

    # ---- the full suggester: build + cache, cached load, suggest
    cache = Path(tempfile.mkdtemp(prefix="bench-index-"))
    t0 = time.perf_counter()
    sug = Suggester(lib, cache_dir=cache)
    sug.ensure_index()
    t_full = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in cache.glob("*.bin")) / 2**20
    del sug
    gc.collect()
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        sug = Suggester(lib, cache_dir=cache)
        sug.ensure_index()
        loads.append(time.perf_counter() - t0)
    long_q = timed(lambda q: sug.suggest(q, section="S1", area="G"), queries)
    short_q = timed(sug.suggest, SHORT_QUERIES * 20)
    print(
        f"\nsuggester over {args.reports} reports: build (tokenise + index + save) "
        f"{t_full:.1f} s, cache file {size:.0f} MB, cached load median "
        f"{sorted(loads)[2]:.3f} s (no jieba needed)"
    )
    # For a draft (rolled forward from a seed): its own text is left out, and in S4 the
    # plans are also found through its S2 items.
    from drafter.core.library.draft_context import DraftView
    from drafter.core.library.seeds import load_seeds
    from drafter.core.reading.importer import import_file

    view = DraftView.of(import_file(load_seeds()[3].path).report)
    draft_q = timed(lambda q: sug.suggest(q, section="S1", area="G", draft=view), queries)
    plan_q = timed(
        lambda q: sug.suggest(q, section="S4", draft=view), ["下一步工作计划", *SHORT_QUERIES] * 20
    )
    for label, t in (
        ("paragraph/sentence queries", long_q),
        ("keyword queries", short_q),
        ("paragraph queries with a draft", draft_q),
        ("S4 queries with a draft's S2", plan_q),
    ):
        print(
            f"suggest (tokenise + rank + boost + fold), {label}: wall p50 {pct(t, 0.5):.2f} ms, "
            f"p95 {pct(t, 0.95):.2f} ms; cpu p50 {pct(t.cpu, 0.5):.2f} ms, "
            f"p95 {pct(t.cpu, 0.95):.2f} ms"
        )

    qfile = cache / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--reports",
            str(args.reports),
            "--serve-only",
            str(cache),
            str(qfile),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    mem = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"memory (fresh process, load the cached index + {len(queries)} queries): traced peak "
        f"{mem['traced_peak_mb']:.0f} MB (index + queries), process peak RSS "
        f"{mem['rss_mb']:.0f} MB, of which {mem['rss_before_mb']:.0f} MB before loading the "
        f"index (Python, numpy, jieba with the domain dictionary, the seed library)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
