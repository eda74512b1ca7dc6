"""Title breaking (GB/T 9704 7.3.1) and the word index it segments with."""

from __future__ import annotations

import re

import pytest

from drafter.core.library.seeds import load_seeds
from drafter.core.model import tokenizer, word_index
from drafter.core.writing.title_lines import split_title


@pytest.fixture(scope="module")
def jieba_tok():
    import jieba

    from drafter.core.model.domain_words import domain_terms, freq_for

    tok = jieba.Tokenizer()
    for w in domain_terms():
        tok.add_word(w, freq=freq_for(w))
    return tok


def test_word_index_cuts_as_jieba_does_on_seed_sentences(jieba_tok):
    sentences = []
    for seed in load_seeds():
        for s in re.split("[。\n]", seed.path.read_text(encoding="utf-8")):
            if s.strip():
                sentences.append(s.strip()[:40])
    assert len(sentences) > 300
    for s in sentences[::3]:
        assert word_index.cut(s) == jieba_tok.lcut(s, HMM=False), s


def test_word_index_is_built_once_in_the_user_cache(drafter_home):
    path = word_index.index_path()
    assert path is not None and path.exists()
    assert word_index.index_path() == path


@pytest.mark.parametrize(
    "title,lines",
    [
        ("2019年静海区法治政府建设情况报告", ["2019年静海区法治政府建设情况报告"]),
        (
            "渭南高新区管委会关于2020年度法治政府建设工作的报告",
            ["渭南高新区管委会关于2020年度", "法治政府建设工作的报告"],
        ),
        (
            "营口市营商环境建设局关于2022年度法治政府建设情况的报告",
            ["营口市营商环境建设局关于", "2022年度法治政府建设情况的报告"],
        ),
    ],
)
def test_long_titles_split_into_balanced_lines_between_words(title, lines):
    assert split_title(title, 20) == lines


def test_a_year_stays_with_its_nian_and_punctuation_never_starts_a_line():
    title = "某某县人民政府关于2021年度法治政府建设情况和2022年工作打算的报告"
    lines = split_title(title, 20)
    assert "".join(lines) == title
    for a, b in zip(lines, lines[1:], strict=False):
        assert not re.search(r"\d$", a) or not b.startswith(("年", "月"))
        assert b[0] not in "，。、；：）》”"
    assert all(len(x) <= 20 for x in lines)


def test_bracketed_names_stay_whole_when_they_fit():
    title = "关于贯彻落实《法治政府建设实施纲要》情况的报告和下一年度打算"
    lines = split_title(title, 20)
    assert any("《法治政府建设实施纲要》" in x for x in lines)


def test_a_hand_broken_title_keeps_its_lines():
    assert split_title("第一行\n第二行", 20) == ["第一行", "第二行"]


def test_very_long_titles_take_three_lines():
    title = "某某市某某区某某街道办事处关于2021年度推进法治政府建设和依法行政工作情况以及2022年工作安排的报告"
    lines = split_title(title, 20)
    assert len(lines) == 3 and "".join(lines) == title
    assert max(map(len, lines)) - min(map(len, lines)) <= 6


@pytest.fixture
def no_jieba_dict(monkeypatch):
    """As if jieba's dict.txt were missing (the word index cannot be built)."""
    monkeypatch.setattr(word_index, "_jieba_dict", lambda: None)
    monkeypatch.setattr(word_index, "_built", {})
    word_index._key.cache_clear()
    yield
    word_index._key.cache_clear()


def test_without_the_dictionary_file_jieba_itself_cuts(no_jieba_dict, jieba_tok):
    title = "渭南高新区管委会关于2020年度法治政府建设工作的报告"
    assert word_index.index_path() is None
    assert word_index.cut(title) is None
    assert tokenizer.words(title) == jieba_tok.lcut(title, HMM=False)
    assert split_title(title, 20) == ["渭南高新区管委会关于2020年度", "法治政府建设工作的报告"]
