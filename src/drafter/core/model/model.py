"""The report model: Report, Metadata, Section, Paragraph, and their JSON form.

A report is a tree of sections keyed by the skeleton's IDs (S1…S5, and inside S1 the work
areas A…J). Headings are stored without their numbers ("一、", "（一）", …): numbers are
computed from the tree by :meth:`Report.blocks`, the flattened document order that the
exporter, the checker and the GUI all read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from drafter.core.errors import DraftError
from drafter.core.model.punctuation import wording

SCHEMA_VERSION = 1

SECTION_IDS = ("S1", "S2", "S3", "S4", "S5")
AREA_IDS = tuple("ABCDEFGHIJ")
ORGAN_KINDS = ("gov", "dept")

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numeral for 1…99 as used in heading numbers (一, 十, 十一, 二十三)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The GB/T 9704 number prefix for the n-th heading of a level (1…4)."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def new_id() -> str:
    return os.urandom(6).hex()  # 48 random bits, as uuid4().hex[:12] gave (without uuid's import)


@dataclass
class Paragraph:
    """A paragraph of body text, or a sub-heading below the skeleton's sections.

    kind "body": ``text`` is the paragraph; ``lead`` (with ``level``) is a run-in heading
    printed before it on the same line ("（一）加强组织领导。为推动…").
    kind "heading": a heading of ``level`` (1…4) with ``text`` as its words.
    """

    text: str = ""
    kind: str = "body"
    level: int = 0
    lead: str = ""
    id: str = field(default_factory=new_id)
    # Roll-forward: last year's wording of this paragraph, and the figures in it that
    # still carry last year's value (as written last year, e.g. "48件").
    last_year_text: str | None = None
    stale_figures: list[str] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def unchanged_from_last_year(self) -> bool:
        if self.last_year_text is None:
            return False
        return self.last_year_text == self.text or wording(self.last_year_text) == wording(
            self.text
        )


@dataclass
class Section:
    """A section of the report mapped to a skeleton section (and work area inside S1)."""

    section: str
    area: str | None = None
    heading: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    # The heading is run in with the first paragraph ("（一）加强组织领导。为推动…").
    runin: bool = False
    id: str = field(default_factory=new_id)

    @property
    def key(self) -> str:
        return f"{self.section}.{self.area}" if self.area else self.section

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self) -> str:
        """All words of the section and its children, headings included."""
        parts = [self.heading] if self.heading else []
        for p in self.paragraphs:
            parts.append(p.lead + p.text)
        parts.extend(c.text() for c in self.children)
        return "\n".join(x for x in parts if x)


@dataclass
class Metadata:
    organ: str = ""
    organ_kind: str = "gov"
    year: int = 0
    title: str = ""
    recipient: str = ""  # 主送机关, without the closing colon
    doc_number: str = ""  # 发文字号
    signer: str = ""  # 签发人
    closing: str = ""  # 结语, e.g. 特此报告。
    signature: str = ""  # 落款 organ
    date: str = ""  # 成文日期, ISO yyyy-mm-dd
    note: str = ""  # 附注, without brackets
    attachments: list[str] = field(default_factory=list)  # 附件说明 items
    cc: str = ""  # 抄送
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期, ISO yyyy-mm-dd


@dataclass
class IndicatorState:
    """What the clerk said about one indicator: 不适用 with a reason, figures entered."""

    na_reason: str | None = None
    figures: dict[str, str] = field(default_factory=dict)

    @property
    def not_applicable(self) -> bool:
        return self.na_reason is not None


@dataclass
class LastYear:
    """What a rolled-forward draft keeps of last year's report."""

    year: int = 0
    source: str = ""
    # Last year's S4 (plans for this year), kept as a checklist for this year's S1.
    plans: list[str] = field(default_factory=list)
    # Figures last year's report gave, per indicator id: [{"text", "value", "unit"}].
    figures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Block:
    """One paragraph of the document in reading order, as the exporter prints it."""

    kind: str  # "heading" | "body"
    level: int  # heading level 1…4 (for body: level of its run-in lead, else 0)
    number: str  # heading number prefix ("一、"), "" for plain body
    text: str  # heading words, or body text
    lead: str  # run-in heading words ("" if none)
    section: str  # S1…S5 or "" for the opening
    area: str | None
    paragraph: Paragraph | None  # None for a section's own heading
    owner: Section | None


@dataclass
class Report:
    metadata: Metadata = field(default_factory=Metadata)
    skeleton: str = "standard"
    opening: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    indicators: dict[str, IndicatorState] = field(default_factory=dict)
    last_year: LastYear | None = None

    # ----- navigation -------------------------------------------------------------
    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def find(self, key: str) -> Section | None:
        """The first section with this key ("S2", "S1.E")."""
        return next((s for s in self.walk() if s.key == key), None)

    def find_paragraph(self, paragraph_id: str) -> tuple[Section | None, Paragraph] | None:
        for p in self.opening:
            if p.id == paragraph_id:
                return None, p
        for s in self.walk():
            for p in s.paragraphs:
                if p.id == paragraph_id:
                    return s, p
        return None

    def paragraphs(self) -> Iterator[Paragraph]:
        yield from self.opening
        for s in self.walk():
            yield from s.paragraphs

    def indicator(self, indicator_id: str) -> IndicatorState:
        return self.indicators.setdefault(indicator_id, IndicatorState())

    # ----- document order with numbers --------------------------------------------
    def blocks(self) -> list[Block]:
        """The report's body in reading order with heading numbers computed.

        Section headings take their level from their depth (top = 1, "一、"); a section
        with an empty heading is transparent (its children keep their own depth).
        Sub-headings inside paragraphs keep their stored level. Counters reset below
        each heading, as GB/T 9704 numbering does.
        """
        out: list[Block] = []
        counters = [0, 0, 0, 0, 0]

        def bump(level: int) -> str:
            level = max(1, min(level, 4))
            counters[level] += 1
            for i in range(level + 1, 5):
                counters[i] = 0
            return heading_number(level, counters[level])

        for p in self.opening:
            out.append(Block("body", 0, "", p.text, "", "", None, p, None))

        def emit(sec: Section, depth: int) -> None:
            level = depth
            paras = list(sec.paragraphs)
            if sec.heading:
                number = bump(level)
                if sec.runin and paras and paras[0].kind == "body":
                    first = paras.pop(0)
                    out.append(
                        Block(
                            "body",
                            level,
                            number,
                            first.text,
                            sec.heading,
                            sec.section,
                            sec.area,
                            first,
                            sec,
                        )
                    )
                else:
                    out.append(
                        Block(
                            "heading",
                            level,
                            number,
                            sec.heading,
                            "",
                            sec.section,
                            sec.area,
                            None,
                            sec,
                        )
                    )
                child_depth = depth + 1
            else:
                child_depth = depth
            for p in paras:
                if p.kind == "heading":
                    out.append(
                        Block(
                            "heading",
                            p.level,
                            bump(p.level),
                            p.text,
                            "",
                            sec.section,
                            sec.area,
                            p,
                            sec,
                        )
                    )
                elif p.lead:
                    out.append(
                        Block(
                            "body",
                            p.level,
                            bump(p.level),
                            p.text,
                            p.lead,
                            sec.section,
                            sec.area,
                            p,
                            sec,
                        )
                    )
                else:
                    out.append(Block("body", 0, "", p.text, "", sec.section, sec.area, p, sec))
            for child in sec.children:
                emit(child, child_depth)

        for s in self.sections:
            emit(s, 1)
        return out

    def plain_text(self) -> str:
        """The body as plain text, one paragraph a line, with heading numbers."""
        lines = []
        for b in self.blocks():
            lines.append(f"{b.number}{b.lead}{b.text}" if b.lead else f"{b.number}{b.text}")
        return "\n".join(lines)

    # ----- JSON ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        # An indicator nothing was said about (a page only looked at it) is not stored.
        d["indicators"] = {
            k: v for k, v in d["indicators"].items() if v["na_reason"] is not None or v["figures"]
        }
        d = {"schema": SCHEMA_VERSION, **d}
        return d

    @classmethod
    def from_dict(cls, data: Any, source: str = "draft") -> Report:
        check_schema_version(data, source)
        try:
            return _report_from(data)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            raise DraftError(source, f"草稿内容损坏：{str(exc)[:200]}") from None
        except RecursionError:
            raise DraftError(source, "草稿内容损坏：章节嵌套过深") from None


def _pick(cls: type, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__} 应为对象")
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _paragraph_from(d: Any) -> Paragraph:
    p = Paragraph(**_pick(Paragraph, d))
    if not isinstance(p.text, str) or not isinstance(p.lead, str):
        raise ValueError("段落文字应为字符串")
    p.stale_figures = [str(x) for x in p.stale_figures]
    return p


def _section_from(d: Any) -> Section:
    kw = _pick(Section, d)
    kw["paragraphs"] = [_paragraph_from(p) for p in kw.get("paragraphs", [])]
    kw["children"] = [_section_from(c) for c in kw.get("children", [])]
    sec = Section(**kw)
    if sec.section not in SECTION_IDS:
        raise ValueError(f"未知的章节编号 {sec.section!r}")
    if sec.area is not None and sec.area not in AREA_IDS:
        raise ValueError(f"未知的工作领域编号 {sec.area!r}")
    return sec


def _report_from(data: dict[str, Any]) -> Report:
    meta = Metadata(**_pick(Metadata, data.get("metadata", {})))
    meta.year = int(meta.year)
    if meta.organ_kind not in ORGAN_KINDS:
        raise ValueError(f"未知的机关类型 {meta.organ_kind!r}")
    meta.attachments = [str(a) for a in meta.attachments]
    indicators = {
        str(k): IndicatorState(**_pick(IndicatorState, v))
        for k, v in (data.get("indicators") or {}).items()
    }
    last = data.get("last_year")
    last_year = LastYear(**_pick(LastYear, last)) if last else None
    return Report(
        metadata=meta,
        skeleton=str(data.get("skeleton", "standard")),
        opening=[_paragraph_from(p) for p in data.get("opening", [])],
        sections=[_section_from(s) for s in data.get("sections", [])],
        indicators=indicators,
        last_year=last_year,
    )


def check_schema_version(data: Any, source: str) -> None:
    """The envelope: a JSON object with a schema version this program reads."""
    if not isinstance(data, dict):
        raise DraftError(source, "不是报告草稿文件（内容不是 JSON 对象）")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DraftError(source, "不是报告草稿文件（缺少 schema 版本号）")
    if schema > SCHEMA_VERSION:
        raise DraftError(
            source,
            f"草稿由较新版本的程序保存（格式版本 {schema}，本程序支持到 {SCHEMA_VERSION}），请升级后再打开",
        )
    if schema < 1:
        raise DraftError(source, f"未知的草稿格式版本 {schema}")
