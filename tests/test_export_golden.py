"""Golden files: the exported XML of one seed (003, 渭南高新区), byte for byte after normalising.

Compared: word/document.xml, styles.xml, settings.xml, fontTable.xml and the odd/even footers,
pretty-printed, with rsid attributes dropped (the exporter writes no timestamps into these
parts; docProps/core.xml, which holds them, is not compared).

When a layout change is intended, regenerate the files and review the diff:

    DRAFTER_REGEN_GOLDEN=1 python -m pytest -q tests/test_export_golden.py
    # or: python tests/test_export_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from drafter.core.writing.exporter import ExportOptions, export_docx  # noqa: E402
from export_fixtures import seed_report  # noqa: E402

GOLDEN = HERE / "golden" / "export_003"
SEED = "003_9cb397488837d2a1.txt"
OPTIONS = ExportOptions(header=True, record=True, page_numbers=True)
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def normalise(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for el in root.iter():
        for attr in list(el.attrib):
            if etree.QName(attr).localname.startswith("rsid"):
                del el.attrib[attr]
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def exported_parts(tmp: Path) -> dict[str, bytes]:
    report = seed_report(SEED)
    path = tmp / "golden.docx"
    export_docx(report, path, OPTIONS)
    with zipfile.ZipFile(path) as z:
        out = {
            "document.xml": z.read("word/document.xml"),
            "styles.xml": z.read("word/styles.xml"),
            "settings.xml": z.read("word/settings.xml"),
            "fontTable.xml": z.read("word/fontTable.xml"),
        }
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{RELS_NS}}}Relationship")}
        body_sect = etree.fromstring(out["document.xml"]).findall(f".//{{{W_NS}}}sectPr")[0]
        for ref in body_sect.findall(f"{{{W_NS}}}footerReference"):
            kind = {"default": "odd", "even": "even"}[ref.get(f"{{{W_NS}}}type")]
            out[f"footer_{kind}.xml"] = z.read("word/" + target[ref.get(f"{{{R_NS}}}id")])
    return {name: normalise(data) for name, data in out.items()}


def regenerate(tmp: Path) -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, data in exported_parts(tmp).items():
        (GOLDEN / name).write_bytes(data)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("golden")
    if os.environ.get("DRAFTER_REGEN_GOLDEN"):
        regenerate(tmp)
    return exported_parts(tmp)


@pytest.mark.parametrize(
    "name",
    [
        "document.xml",
        "styles.xml",
        "settings.xml",
        "fontTable.xml",
        "footer_odd.xml",
        "footer_even.xml",
    ],
)
def test_export_matches_golden_file(parts, name):
    golden = GOLDEN / name
    assert golden.exists(), f"missing {golden}: regenerate (see this module's docstring)"
    expected = golden.read_bytes().decode("utf-8").splitlines()
    actual = parts[name].decode("utf-8").splitlines()
    assert actual == expected


def test_export_is_deterministic(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert exported_parts(tmp_path / "a") == exported_parts(tmp_path / "b")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        regenerate(Path(d))
    print(f"golden files written to {GOLDEN}")
