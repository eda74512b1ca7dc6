"""Sentence templates in templates/ are data a user may edit: a hostile one is refused within a
fraction of a second with a message naming it, and the app's own templates still render."""

from __future__ import annotations

import time

import pytest

from drafter.core.errors import DrafterError
from drafter.core.library import templating

HOSTILE = {
    "nested": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "range_budget": "{% for i in range(10000000) %}{{ i }}{% endfor %}",
    "string_bomb": "{{ '行政复议' * 100000000 }}",
    "power": "{{ 10 ** 100000000 }}",
    "wide_format": "{{ '%99999999d' | format(1) }}",
    "wide_center": "{{ '字' | center(999999999) }}",
    "output": "{% for i in range(9000) %}{{ '依法行政' * 2000 }}{% endfor %}",
    "recursive": "{% for x in [[1]] recursive %}{{ loop(x) }}{% endfor %}",
}


@pytest.fixture
def sentences(tmp_path, monkeypatch):
    folder = tmp_path / "sentences"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / f"{name}.j2").write_text(text, encoding="utf-8")
    (folder / "fine.j2").write_text(
        "共办理{{件数}}件{% for x in ['一', '二'] %}{{ x }}{% endfor %}。", encoding="utf-8"
    )
    monkeypatch.setattr(templating, "template_path", lambda *_parts: folder)
    templating._environment.cache_clear()
    yield folder
    templating._environment.cache_clear()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_templates_are_refused_quickly(sentences, name):
    t0 = time.process_time()
    with pytest.raises(DrafterError) as e:
        templating._render(f"{name}.j2", {})
    assert time.process_time() - t0 < 2.0
    assert e.value.source == f"{name}.j2" and "句式模板" in e.value.reason
    assert len(e.value.one_line()) < 400


def test_an_ordinary_template_with_one_loop_still_renders(sentences):
    assert templating._render("fine.j2", {"件数": "12"}) == "共办理12件一二。"


def test_the_shipped_templates_render():
    templating._environment.cache_clear()
    assert templating.standard_sentence("G1", {"收到件数": "48"}).startswith(
        "全年共收到行政复议申请48件"
    )
