"""TEMPORARY: seed passages split by hand until the importer and indicator detection land."""

from __future__ import annotations

import re

from drafter.core.passage import Passage, split_sentences
from drafter.core.retrieval import Suggester
from drafter.core.seeds import load_seeds
from drafter.core.templating import make_template

AREAS = [
    ("G", "复议 应诉 诉讼 调解 信访 矛盾纠纷"),
    ("I", "普法 学法 宣传教育 法治思维 培训 旁听"),
    ("E", "执法"),
    ("D", "决策 法律顾问"),
    ("C", "规范性文件 制度体系"),
    ("H", "监督 政务公开 公开 审计"),
    ("B", "职能 审批 放管服 营商 清单 政务服务 证照"),
    ("A", "领导 习近平法治思想 组织 第一责任人 保障"),
    ("F", "应急 突发"),
]
H1 = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*(.*)$")
H2 = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[)）]\s*(.*)$")


def _area(heading: str) -> str | None:
    for area, words in AREAS:
        if any(w in heading for w in words.split()):
            return area
    return None


def _section(heading: str) -> str | None:
    if "问题" in heading or "不足" in heading:
        return "S2"
    if "第一责任人" in heading:
        return "S3"
    if "下一步" in heading or "计划" in heading or "安排" in heading:
        return "S4"
    if "其他" in heading:
        return "S5"
    return None


class ThrowawaySeedLibrary:
    def __init__(self, skip: str | None = None, only: str | None = None):
        self.seeds = [
            s for s in load_seeds() if s.file != skip and (only is None or s.file == only)
        ]

    def fingerprint(self) -> str:
        return "throwaway-" + ",".join(s.file for s in self.seeds)

    def passages(self):
        for seed in self.seeds:
            yield from seed_passages(seed)


def seed_passages(seed):
    section, area, h1area = None, None, None
    seen_h1 = False
    for line in seed.path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if len(line) < 8:
            continue
        m = H1.match(line)
        if m and len(m.group(2)) < 40:
            seen_h1 = True
            section = _section(m.group(2)) or "S1"
            h1area = area = _area(m.group(2)) if section == "S1" else None
            continue
        m = H2.match(line)
        if m and len(m.group(2)) < 40:
            s = _section(m.group(2))
            if s:
                section, area = s, None
            elif section == "S1":
                area = _area(m.group(2)) or h1area
            continue
        if not seen_h1 and "报告如下" not in line:
            continue
        kind = "opening" if not seen_h1 else "paragraph"
        sec = section if seen_h1 else None
        ar = (area or _area(line[:30])) if sec == "S1" else None
        sents = split_sentences(line)
        tpls = [make_template(s, [seed.organ], seed.year) for s in sents]
        yield Passage(line, "".join(tpls), kind, sec, ar, (), seed.organ, seed.year, seed.file)
        if len(sents) > 1:
            for s, t in zip(sents, tpls, strict=True):
                yield Passage(s, t, "sentence", sec, ar, (), seed.organ, seed.year, seed.file)


def seed_library():
    return ThrowawaySeedLibrary()


def leave_one_out():
    import tempfile
    from pathlib import Path

    hits = total = 0
    per = {}
    for seed in load_seeds():
        sug = Suggester(ThrowawaySeedLibrary(skip=seed.file), cache_dir=Path(tempfile.mkdtemp()))
        h = t = 0
        for p in seed_passages(seed):
            if p.kind != "paragraph" or not p.area:
                continue
            res = sug.suggest(p.text, n=5)
            t += 1
            h += any(r.area == p.area for r in res)
        per[seed.file] = (h, t)
        hits += h
        total += t
    return hits, total, per
