"""Skeleton definitions (templates/skeletons/*.json): the sections a report walks through."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from drafter.core.errors import DrafterError
from drafter.core.model.model import Metadata, Report, Section
from drafter.resources import template_path


@dataclass(frozen=True)
class SkeletonNode:
    """A section (S1…S5) or, inside S1, a work area (A…J) of a skeleton."""

    id: str
    title: str
    heading: str
    guidance: str
    example_headings: tuple[str, ...]
    indicators: tuple[str, ...]
    required: bool = True
    areas: tuple[SkeletonNode, ...] = ()
    section: str = ""  # for an area: its parent section id

    @property
    def key(self) -> str:
        return f"{self.section}.{self.id}" if self.section else self.id

    def all_indicators(self) -> list[str]:
        ids = list(self.indicators)
        for a in self.areas:
            ids.extend(i for i in a.indicators if i not in ids)
        return ids


@dataclass(frozen=True)
class Skeleton:
    id: str
    name: str
    description: str
    gangyao: str | None
    first_year: int | None
    last_year: int | None
    sections: tuple[SkeletonNode, ...] = field(default_factory=tuple)

    def node(self, key: str) -> SkeletonNode | None:
        """The node for "S2" or "S1.E"."""
        for s in self.sections:
            if s.key == key:
                return s
            for a in s.areas:
                if a.key == key:
                    return a
        return None

    def nodes(self) -> list[SkeletonNode]:
        out = []
        for s in self.sections:
            out.append(s)
            out.extend(s.areas)
        return out

    def fits_year(self, year: int) -> bool:
        lo = self.first_year or 0
        hi = self.last_year or 9999
        return lo <= year <= hi


def _node(d: dict, section: str = "") -> SkeletonNode:
    return SkeletonNode(
        id=d["id"],
        title=d["title"],
        heading=d.get("heading") or d["title"],
        guidance=d.get("guidance", ""),
        example_headings=tuple(d.get("example_headings", [])),
        indicators=tuple(d.get("indicators", [])),
        required=bool(d.get("required", True)),
        areas=tuple(_node(a, d["id"]) for a in d.get("areas", [])),
        section=section,
    )


@cache
def load_skeleton(skeleton_id: str) -> Skeleton:
    path = template_path("skeletons", f"{skeleton_id}.json")
    if not path.is_file():
        known = "、".join(skeleton_ids())
        raise DrafterError(skeleton_id, f"没有这个报告结构（可选：{known}）")
    d = json.loads(path.read_text(encoding="utf-8"))
    return Skeleton(
        id=d["id"],
        name=d["name"],
        description=d.get("description", ""),
        gangyao=d.get("gangyao"),
        first_year=d.get("first_year"),
        last_year=d.get("last_year"),
        sections=tuple(_node(s) for s in d["sections"]),
    )


def skeleton_ids() -> list[str]:
    order = {"standard": 0, "gangyao2015": 1, "brief": 2}
    ids = [p.stem for p in template_path("skeletons").glob("*.json")]
    return sorted(ids, key=lambda i: (order.get(i, 9), i))


def all_skeletons() -> list[Skeleton]:
    return [load_skeleton(i) for i in skeleton_ids()]


def skeleton_for_year(year: int) -> str:
    """The default skeleton for a report year: the 2021-2025 纲要 from 2021 on."""
    return "standard" if year >= 2021 else "gangyao2015"


def heading_for(node: SkeletonNode, year: int) -> str:
    return node.heading.format(year=year, next_year=year + 1)


def new_report(organ: str, year: int, kind: str = "gov", skeleton_id: str | None = None) -> Report:
    """An empty report laid out on a skeleton, with the usual title and closing."""
    return report_on(load_skeleton(skeleton_id or skeleton_for_year(year)), organ, year, kind)


def report_on(sk: Skeleton, organ: str, year: int, kind: str = "gov") -> Report:
    """An empty report laid out on the given skeleton (also a requirements file's outline)."""
    sections = []
    for node in sk.sections:
        sec = Section(section=node.id, heading=heading_for(node, year))
        sec.children = [Section(section=node.id, area=a.id, heading=a.heading) for a in node.areas]
        sections.append(sec)
    meta = Metadata(
        organ=organ,
        organ_kind=kind,
        year=year,
        title=f"{organ}关于{year}年度法治政府建设情况的报告",
        closing="特此报告。",
        signature=organ,
    )
    return Report(metadata=meta, skeleton=sk.id, sections=sections)
