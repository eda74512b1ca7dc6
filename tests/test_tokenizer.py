"""core.model.tokenizer.words: one segmentation for the process, answered from the word index
(no jieba load) with exactly jieba's result, from any thread."""

from __future__ import annotations

import re
import sys
import textwrap
import threading

import pytest

from conftest import SEEDS
from drafter.core.library.seeds import load_seeds
from drafter.core.model import domain_words, tokenizer, word_index


def seed_sentences() -> list[str]:
    out = []
    for seed in load_seeds():
        text = seed.path.read_text(encoding="utf-8")
        out.extend(s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip())
    return out


@pytest.fixture(scope="module")
def jieba_reference():
    """jieba itself with the domain dictionary, HMM off: what words() must return."""
    import jieba

    tok = jieba.Tokenizer()
    for w, n in domain_words.domain_frequencies().items():
        tok.add_word(w, freq=n)
    return lambda s: tok.lcut(s, HMM=False)


def test_words_from_the_index_are_jiebas_on_every_seed_sentence(jieba_reference):
    sentences = seed_sentences()
    assert len(sentences) > 400
    for s in sentences:
        expected = jieba_reference(s)
        assert word_index.cut(s) == expected, s
        assert tokenizer.words(s) == expected, s


def test_domain_terms_stay_whole():
    assert "行政复议案件" in tokenizer.words("全年办理行政复议案件48件")
    assert "出庭应诉率" in tokenizer.words("行政机关负责人出庭应诉率达到100%")


def test_words_agree_from_several_threads(jieba_reference):
    sentences = seed_sentences()[:120]
    results: dict[int, list[list[str]]] = {}

    def work(k: int) -> None:
        results[k] = [tokenizer.words(s) for s in sentences[k::2] + sentences]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, got in results.items():
        expected = [jieba_reference(s) for s in sentences[k::2] + sentences]
        assert got == expected


def test_check_and_import_never_load_jieba(tmp_path):
    """The commands that only need word boundaries run on the word index."""
    import subprocess

    seed = sorted(SEEDS.glob("*.txt"))[3]
    code = textwrap.dedent(
        f"""
        import sys
        from drafter.core.checks import check_path
        from drafter.core.reading.importer import import_file
        _report, result = check_path({str(seed)!r})
        imported = import_file({str(seed)!r})
        print(len(result.findings) > 0, len(imported.headings) > 0,
              "jieba" in sys.modules, "numpy" in sys.modules, "jinja2" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True", "False", "False", "False"]


def test_the_index_is_used_once_built(drafter_home):
    assert word_index.cut("依法行政") == ["依法行政"]
    path = word_index.index_path()
    assert path is not None and path.is_relative_to(drafter_home)


def test_an_index_of_an_older_format_is_replaced(tmp_path, monkeypatch):
    from drafter.core import paths

    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "fresh-cache"))
    old = paths.user_cache_dir() / "jieba-words-0000000000000000.sqlite3"
    old.write_bytes(b"stale")
    path = word_index.index_path()
    assert path is not None and path.exists() and path != old
    assert not old.exists()
    assert word_index.cut("行政复议") == ["行政复议"]
