"""Reading an exported .docx back for the tests: parts as lxml trees, paragraphs, runs."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
W = f"{{{NS['w']}}}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def wval(el, attr: str = "val"):
    return None if el is None else el.get(W + attr)


@dataclass
class Run:
    text: str
    fonts: dict[str, str]
    size_half_points: int
    spacing: int
    bold: bool
    color: str | None


@dataclass
class Para:
    el: etree._Element
    style: str | None
    text: str
    runs: list[Run]

    def ppr(self, tag: str):
        return self.el.find(f"w:pPr/w:{tag}", NS)

    @property
    def line(self) -> tuple[int | None, str | None]:
        sp = self.ppr("spacing")
        return (int(wval(sp, "line")) if wval(sp, "line") else None, wval(sp, "lineRule"))

    def indent(self, side: str) -> int:
        return int(wval(self.ppr("ind"), side) or 0)

    @property
    def align(self) -> str | None:
        return wval(self.ppr("jc"))


def run_of(r) -> Run:
    rpr = r.find("w:rPr", NS)
    fonts_el = rpr.find("w:rFonts", NS)
    fonts = {k: wval(fonts_el, k) for k in ("ascii", "hAnsi", "eastAsia", "cs")}
    pieces = []
    for child in r:
        if child.tag == W + "t":
            pieces.append(child.text or "")
        elif child.tag == W + "br":
            pieces.append("\n")
        elif child.tag == W + "tab":
            pieces.append("\t")
    text = "".join(pieces)
    return Run(
        text=text,
        fonts=fonts,
        size_half_points=int(wval(rpr.find("w:sz", NS))),
        spacing=int(wval(rpr.find("w:spacing", NS)) or 0),
        bold=rpr.find("w:b", NS) is not None,
        color=wval(rpr.find("w:color", NS)),
    )


def paragraphs(root) -> list[Para]:
    out = []
    for p in root.iter(W + "p"):
        runs = [run_of(r) for r in p.findall("w:r", NS)]
        out.append(
            Para(
                el=p,
                style=wval(p.find("w:pPr/w:pStyle", NS)),
                text="".join(r.text for r in runs),
                runs=[r for r in runs if r.text],
            )
        )
    return out


def body_paragraphs(path: Path) -> list[Para]:
    return paragraphs(part(path, "word/document.xml"))
