"""Word boundaries without jieba: the word index (core.model.word_index) against jieba itself.

Prints, in a fresh user cache: the index's one-time build and its size; segmenting every seed
sentence through tokenizer.words() from the index (cold, then with the looked-up substrings
remembered); loading jieba with the domain dictionary (what `check` and `import` used to pay
at every start) and segmenting the same sentences with it (HMM off); whether the two agree on
every sentence; and peak memory of each way in a fresh process.

    python benchmarks/bench_words.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ["DRAFTER_HOME"] = tempfile.mkdtemp(prefix="bench-words-")
os.environ.pop("DRAFTER_CACHE", None)

from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.model import tokenizer, word_index  # noqa: E402

PEAK = """
import sys
sys.path.insert(0, {src!r})
from drafter.core.model import tokenizer
{load}
for s in {sentences!r}:
    tokenizer.words(s)
# VmHWM: this process's own peak (ru_maxrss would count the parent's pages before exec)
hwm = [x for x in open("/proc/self/status") if x.startswith("VmHWM")][0].split()[1]
print(int(hwm) // 1024)
"""


def seed_sentences() -> list[str]:
    out = []
    for seed in load_seeds():
        text = seed.path.read_text(encoding="utf-8")
        out.extend(s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip())
    return out


def peak_mb(load: str, sentences: list[str]) -> str:
    code = PEAK.format(src=str(ROOT / "src"), load=load, sentences=sentences[:50])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def main() -> None:
    sentences = seed_sentences()
    chars = sum(map(len, sentences))
    t0 = time.perf_counter()
    path = word_index.index_path()
    build = time.perf_counter() - t0
    print(f"word index build (once per machine): {build:.2f} s, {path.stat().st_size / 1e6:.1f} MB")
    print(f"{len(sentences)} seed sentences, {chars} characters")
    t0 = time.perf_counter()
    from_index = [tokenizer.words(s) for s in sentences]
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sentences:
        tokenizer.words(s)
    warm = time.perf_counter() - t0
    print(
        f"tokenizer.words from the index: {cold:.3f} s cold ({cold / len(sentences) * 1000:.2f} ms "
        f"a sentence), {warm:.3f} s with the substrings remembered"
    )
    t0 = time.perf_counter()
    tokenizer.load()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    from_jieba = [tokenizer.words(s) for s in sentences]
    jieba_time = time.perf_counter() - t0
    print(
        f"jieba load with the domain dictionary: {load:.2f} s; then the sentences: {jieba_time:.3f} s"
    )
    same = sum(a == b for a, b in zip(from_index, from_jieba, strict=True))
    print(f"identical segmentation: {same}/{len(sentences)} sentences")
    print(
        f"peak RSS in a fresh process: index {peak_mb('', sentences)} MB, "
        f"jieba {peak_mb('tokenizer.load()', sentences)} MB"
    )


if __name__ == "__main__":
    main()
