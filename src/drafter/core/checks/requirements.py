"""A reviewing office's requirements file (JSON): its own outline, the indicators it wants
this year, and wording to add to the canonical list.

    {"name": "…", "issued_by": "…", "year": 2024,
     "skeleton": {"base": "standard", "mode": "merge|replace",
                  "sections": [{"id": "S2", "heading": "…", "guidance": "…", "required": true,
                                "areas": [{"id": "A", "title": "…"}]}]},
     "indicators": {"G4": {"gov": "required", "dept": "recommended"}},
     "wording": ["…", {"canonical": "…", "variants": ["…"]}]}

Every key is checked; a mistake is a DrafterError naming the file, the place and the reason
(exit 2 on the command line, a message box in the GUI). docs/requirements.md documents it;
templates/requirements_example.json is a complete example.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.core.checks.wording import Phrase, parse_phrases
from drafter.core.errors import DrafterError
from drafter.core.model.indicators import load_catalog
from drafter.core.model.model import AREA_IDS, SECTION_IDS, Report
from drafter.core.model.skeleton import (
    Skeleton,
    SkeletonNode,
    load_skeleton,
    report_on,
    skeleton_for_year,
    skeleton_ids,
)

LEVELS = ("required", "recommended")
_TOP = {"name", "issued_by", "year", "skeleton", "indicators", "wording", "about"}
_SKELETON = {"base", "mode", "sections"}
_SECTION = {"id", "title", "heading", "guidance", "required", "areas"}
_AREA = {"id", "title", "heading", "guidance"}


@dataclass
class Requirements:
    path: Path
    name: str
    issued_by: str = ""
    year: int | None = None
    base: str | None = None  # shipped skeleton the outline starts from (None: by year)
    mode: str = "merge"
    sections: list[dict] = field(default_factory=list)
    levels: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> kind -> level
    phrases: list[Phrase] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How the GUI names it: its name and the file."""
        return f"{self.name}（{self.path.name}）"

    # ----- the outline ------------------------------------------------------------------
    def skeleton(self, year: int) -> Skeleton:
        """The base skeleton with this file's sections merged in (or replacing it)."""
        base = load_skeleton(self.base or skeleton_for_year(year))
        by_id = {n.id: n for n in base.sections}
        given = [self._node(s, by_id.get(s["id"])) for s in self.sections]
        if self.mode == "replace":
            nodes = given
        else:
            over = {n.id: n for n in given}
            nodes = [over.pop(n.id, n) for n in base.sections] + list(over.values())
            nodes.sort(key=lambda n: SECTION_IDS.index(n.id))
        return replace(base, sections=tuple(nodes), name=f"{base.name}（{self.name}）")

    def _node(self, d: dict, base: SkeletonNode | None) -> SkeletonNode:
        title = d.get("title") or (base.title if base else d.get("heading", d["id"]))
        # merge keeps the base's work areas unless listed; replace has only those listed
        areas = base.areas if base and self.mode == "merge" else ()
        if "areas" in d:
            old = {a.id: a for a in (base.areas if base else ())}
            areas = tuple(
                SkeletonNode(
                    id=a["id"],
                    title=a.get("title") or old[a["id"]].title,
                    heading=a.get("heading") or a.get("title") or old[a["id"]].heading,
                    guidance=a.get("guidance", old[a["id"]].guidance if a["id"] in old else ""),
                    example_headings=old[a["id"]].example_headings if a["id"] in old else (),
                    indicators=old[a["id"]].indicators if a["id"] in old else (),
                    section=d["id"],
                )
                for a in d["areas"]
            )
        return SkeletonNode(
            id=d["id"],
            title=title,
            heading=d.get("heading") or (base.heading if base else title),
            guidance=d.get("guidance", base.guidance if base else ""),
            example_headings=base.example_headings if base else (),
            indicators=base.indicators if base else (),
            required=bool(d.get("required", base.required if base else True)),
            areas=areas,
        )

    def required_sections(self, year: int) -> dict[str, bool]:
        return {n.id: n.required for n in self.skeleton(year).sections}

    def new_report(self, organ: str, year: int, kind: str) -> Report:
        """An empty report laid out on this outline."""
        return report_on(self.skeleton(year), organ, year, kind)

    # ----- indicators -------------------------------------------------------------------
    def apply_levels(self, statuses: dict[str, dict], kind: str) -> None:
        """Set each indicator's level (required/recommended) for kind as this file says."""
        for ind_id, by_kind in self.levels.items():
            if ind_id in statuses and kind in by_kind:
                statuses[ind_id]["level"] = by_kind[kind]


def _fail(path: Path, where: str, why: str) -> DrafterError:
    return DrafterError(str(path), f"{where}：{why}" if where else why)


def _unknown(path: Path, where: str, d: dict, allowed: set[str]) -> None:
    extra = sorted(set(d) - allowed)
    if extra:
        known = "、".join(sorted(allowed - {"about"}))
        raise _fail(path, where, f"不认识的字段“{'、'.join(extra)}”（可用：{known}）")


def load_requirements(path: str | Path) -> Requirements:
    """Read and validate a requirements file; DrafterError naming the place of a mistake."""
    path = Path(path)
    if path.suffix.lower() not in (".json",):
        raise _fail(path, "", "要求文件应是 JSON 文件（.json）")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise _fail(path, "", "文件不存在") from None
    except OSError as exc:
        raise _fail(path, "", f"无法读取（{exc.strerror or exc}）") from None
    except UnicodeDecodeError:
        raise _fail(path, "", "不是 UTF-8 编码的文本") from None
    except ValueError as exc:
        raise _fail(path, "", f"不是有效的 JSON（第{exc.lineno}行：{exc.msg}）") from None
    if not isinstance(data, dict):
        raise _fail(path, "", "应是一个 JSON 对象（{…}）")
    _unknown(path, "", data, _TOP)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, "name", "请写明要求的名称（如“某市司法局2024年度报告要求”）")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 1990 <= year <= 2100):
        raise _fail(path, "year", f"“{year}”不是合理的年度")
    req = Requirements(path, name.strip(), str(data.get("issued_by", "")).strip(), year)
    if "skeleton" in data:
        _read_skeleton(path, data["skeleton"], req)
    if "indicators" in data:
        req.levels = _read_levels(path, data["indicators"])
    if "wording" in data:
        req.phrases = parse_phrases(data["wording"], f"{path} wording")
    return req


def _read_skeleton(path: Path, sk: object, req: Requirements) -> None:
    if not isinstance(sk, dict):
        raise _fail(path, "skeleton", "应是一个对象（含 sections）")
    _unknown(path, "skeleton", sk, _SKELETON)
    base = sk.get("base")
    if base is not None and base not in skeleton_ids():
        raise _fail(
            path, "skeleton.base", f"没有“{base}”这个结构（可选：{'、'.join(skeleton_ids())}）"
        )
    mode = sk.get("mode", "merge")
    if mode not in ("merge", "replace"):
        raise _fail(
            path, "skeleton.mode", f"“{mode}”应为 merge（改写其中几节）或 replace（整体替换）"
        )
    sections = sk.get("sections")
    if not isinstance(sections, list) or not sections:
        raise _fail(path, "skeleton.sections", "应是非空的章节列表")
    seen: set[str] = set()
    for i, s in enumerate(sections):
        where = f"skeleton.sections 第{i + 1}项"
        if not isinstance(s, dict):
            raise _fail(path, where, "应是一个对象")
        _unknown(path, where, s, _SECTION)
        sid = s.get("id")
        if sid not in SECTION_IDS:
            raise _fail(path, where, f"id“{sid}”应为 {'、'.join(SECTION_IDS)} 之一")
        if sid in seen:
            raise _fail(path, where, f"{sid} 出现了两次")
        seen.add(sid)
        for key in ("title", "heading", "guidance"):
            if key in s and not isinstance(s[key], str):
                raise _fail(path, f"{where} {key}", "应是文字")
        if "heading" in s:
            try:
                s["heading"].format(year=2000, next_year=2001)
            except (KeyError, IndexError, ValueError):
                raise _fail(
                    path, f"{where} heading", "只能用 {year}、{next_year} 两个占位符"
                ) from None
        if "required" in s and not isinstance(s["required"], bool):
            raise _fail(path, f"{where} required", "应为 true 或 false")
        if mode == "replace" and not (s.get("title") or s.get("heading")):
            raise _fail(path, where, "整体替换（replace）时每一节都要有 title 或 heading")
        areas = s.get("areas")
        if areas is not None:
            if sid != "S1" or not isinstance(areas, list):
                raise _fail(path, f"{where} areas", "只有 S1 可分工作领域，且应是列表")
            for j, a in enumerate(areas):
                aw = f"{where} areas 第{j + 1}项"
                if not isinstance(a, dict):
                    raise _fail(path, aw, "应是一个对象")
                _unknown(path, aw, a, _AREA)
                if a.get("id") not in AREA_IDS:
                    raise _fail(path, aw, f"id“{a.get('id')}”应为 A…J 之一")
                if not isinstance(a.get("title"), str) or not a["title"].strip():
                    raise _fail(path, aw, "请写明工作领域的 title")
    req.base, req.mode, req.sections = base, mode, sections


def _read_levels(path: Path, inds: object) -> dict[str, dict[str, str]]:
    if not isinstance(inds, dict):
        raise _fail(path, "indicators", "应是“指标编号: {gov, dept}”的对象")
    catalog = load_catalog()
    out: dict[str, dict[str, str]] = {}
    for ind_id, levels in inds.items():
        where = f"indicators.{ind_id}"
        if ind_id not in catalog:
            raise _fail(path, where, "指标目录中没有这个编号（见 drafter skeletons --json）")
        if isinstance(levels, str):
            levels = {"gov": levels, "dept": levels}
        if not isinstance(levels, dict) or not levels:
            raise _fail(path, where, '应是 {"gov": …, "dept": …} 或一个级别')
        _unknown(path, where, levels, {"gov", "dept"})
        for kind, level in levels.items():
            if level not in LEVELS:
                raise _fail(path, f"{where}.{kind}", f"“{level}”应为 required 或 recommended")
        out[ind_id] = dict(levels)
    return out


def section_findings(req: Requirements, year: int, found: dict[str, bool]) -> tuple[set[str], list]:
    """What the office's outline changes in the required sections: (codes to drop, findings
    to add). A section it marks not required, or leaves out of an outline that replaces the
    skeleton, draws no "-missing"; one it adds as required (S5) does."""
    from drafter.core.checks.finding import Finding

    outline = req.required_sections(year)
    drop = {f"{sid}-missing" for sid in SECTION_IDS if sid not in outline}  # replaced away
    add = []
    for sid, required in outline.items():
        if not required:
            drop.add(f"{sid}-missing")
        elif sid == "S5" and not found.get("S5"):
            add.append(
                Finding(
                    "S5-missing",
                    "error",
                    f"缺少审核部门要求的内容：S5「其他需要报告的情况」（{req.name}）。",
                    "按审核部门的提纲单列一节；没有需要报告的，写“无”。",
                    section="S5",
                )
            )
    return drop, add
