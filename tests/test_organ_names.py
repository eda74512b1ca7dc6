"""No other office's name in a template: every form in which a library report names itself
(full name, short name, its coined abbreviation, 我办 / 本办, its places and people) is
blanked or made neutral, in every template of every seed and of a report the clerk adds."""

from __future__ import annotations

import pytest

import suggest_fixtures
from drafter.core.library.corpus import Library
from drafter.core.library.organ_names import organ_forms, split_place
from drafter.core.library.seeds import load_seeds
from drafter.core.library.templating import make_template

seed_cache = suggest_fixtures.seed_cache
seed_passages = suggest_fixtures.seed_passages
warm_home = suggest_fixtures.warm_home

# The forms each seed uses of itself (read from the seeds by hand), by organ.
SEED_FORMS = {
    "津南区政务服务办": ["津南", "区政务服务办", "政务服务办", "我办", "本办"],
    "韶关市武江区政务服务数据管理局": ["韶关", "武江", "区政数局", "政务服务数据管理局", "我局"],
    "营口市营商环境建设局": ["营口", "营商环境建设局", "我局"],
    "渭南高新区管委会": ["渭南"],
    "静海区": ["静海"],
}

# A report in the shape of the seeds (our own words): it calls itself 滨海区司法局, 区司法局,
# 滨司局 is not used, 我局 and 本局, names its place and its signer.
OWN_REPORT = """滨海区司法局关于2023年度法治政府建设情况的报告
滨司发〔2024〕3号　签发人：周立文
2023年，滨海区司法局在区委、区政府的领导下，扎实推进法治政府建设，现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导
区司法局党组把法治政府建设列入年度重点工作，本局主要负责人带头学法，全年召开专题会议4次。
（二）推进严格规范公正文明执法
我局全面落实行政执法三项制度，组织全局执法人员参加滨海区执法资格考试，通过率达到98%。
二、存在的不足和原因
我局执法人员数量偏少，基层司法所力量与任务不相适应。
三、下一年度工作安排
区司法局将继续加强执法队伍建设，本局全年组织执法培训不少于6次。
滨海区司法局
2024年1月20日
"""
OWN_FORMS = ["滨海", "区司法局", "司法局", "我局", "本局", "周立文"]


def test_short_forms_and_places_of_an_organ_name():
    assert split_place("韶关市武江区政务服务数据管理局") == (
        ["韶关市", "武江区"],
        "政务服务数据管理局",
    )
    assert split_place("住房和城乡建设局") == ([], "住房和城乡建设局")
    forms = organ_forms("津南区政务服务办", "市政务服务办指导下，区政务服务办牵头…")
    assert {"津南区政务服务办", "区政务服务办", "政务服务办"} <= set(forms.names)
    # The superior (市政务服务办) is not taken for the organ's own abbreviation.
    assert "市政务服务办" not in forms.names
    coined = organ_forms("韶关市武江区政务服务数据管理局", "下一步区政数局将围绕…")
    assert "区政数局" in coined.names
    # A government's name is its place: nothing generic is taken for a name.
    assert organ_forms("滨海县人民政府").names == ("滨海县人民政府",)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("我办认真落实本办年度计划。", "我单位认真落实本单位年度计划。"),
        ("本办法自印发之日起施行，我办理了备案。", "本办法自印发之日起施行，我办理了备案。"),
    ],
)
def test_self_references_become_neutral(text, expected):
    forms = organ_forms("津南区政务服务办")
    assert make_template(text, forms.names, 2021, self_refs=forms) == expected


def _leaks(passages, forms):
    return [(form, p.template) for p in passages for form in forms if form in p.template]


def test_no_seed_template_holds_its_organs_names(seed_passages):
    seeds = {f"seed-{s.file.rsplit('.', 1)[0]}": s for s in load_seeds()}
    assert set(seeds) == set(seed_passages)
    for entry_id, passages in seed_passages.items():
        organ = seeds[entry_id].organ
        assert passages, organ
        assert _leaks(passages, SEED_FORMS[organ]) == [], organ
        # … and none of the forms the library learns of it, whatever it finds.
        text = seeds[entry_id].path.read_text(encoding="utf-8")
        assert _leaks(passages, organ_forms(organ, text).names) == [], organ


def test_no_template_of_an_added_report_holds_its_names(warm_home, tmp_path):
    path = tmp_path / "滨海区司法局2023年度报告.txt"
    path.write_text(OWN_REPORT, encoding="utf-8")
    library = Library.open()
    entry = library.add(path)
    passages = library.entry_passages(entry)
    assert entry.organ == "滨海区司法局"
    assert len(passages) >= 5
    assert _leaks(passages, OWN_FORMS) == []
    plan = next(p for p in passages if p.section == "S4" and p.kind != "sentence")
    assert plan.template.startswith("【填：单位名称】将继续加强执法队伍建设，本单位全年")
