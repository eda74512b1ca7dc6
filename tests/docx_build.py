"""Builds .docx files from the seeds' text for the import tests (python-docx).

- ``typed_docx``: one Word paragraph per line, numbers typed in the text;
- ``autonumbered_docx``: heading numbers removed from the text and produced by Word's
  automatic list numbering instead (numbering.xml: chineseCounting "%1、", "（%2）",
  decimal "%3.", "（%4）"), as clerks' Word files often have them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from drafter.core.reading.outline import parse_number

ABSTRACT_ID = "90"
NUM_ID = "91"

_LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
]


def _numbering_xml() -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def typed_docx(lines: list[str], path: Path, title_centered: bool = True) -> Path:
    d = docx.Document()
    for i, line in enumerate(lines):
        p = d.add_paragraph(line)
        if title_centered and i < 4 and "报告" in line and len(line) < 40:
            p.alignment = 1
            for r in p.runs:
                r.font.size = Pt(22)
    d.save(path)
    return path


def autonumbered_docx(lines: list[str], path: Path) -> Path:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_numbering_xml()))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'
        )
    )
    seen: dict[int, int] = {}
    for line in lines:
        num = parse_number(line.strip(), seen)
        if num is None:
            d.add_paragraph(line)
            continue
        seen[num.kind] = num.value
        for k in range(num.kind + 1, 5):
            seen.pop(k, None)
        p = d.add_paragraph(num.rest)
        ppr = p._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{num.kind - 1}"/>'
                f'<w:numId w:val="{NUM_ID}"/></w:numPr>'
            )
        )
    d.save(path)
    return path


def numbered_paragraph_texts(path: Path) -> list[str]:
    """The paragraphs' own text (without list numbers), for checking the builder."""
    return [p.text for p in docx.Document(str(path)).paragraphs]


__all__ = ["autonumbered_docx", "typed_docx", "numbered_paragraph_texts", "qn"]
