"""Hostile and malformed inputs, generated on the spot (no fixture files).

Used by the tests (tests/test_hostile_*.py) and by benchmarks/bench_hostile.py. Every
maker takes a folder and returns the path it wrote. Drafts are built from a small valid
draft with one field made wrong; source files are small .docx/.txt files crafted to blow
up a careless reader.
"""

from __future__ import annotations

import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
)
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
NUMBERING_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def base_draft() -> dict:
    """A small valid draft as its JSON dict (two sections, a heading and body paragraphs)."""
    para = {"text": "推行行政执法三项制度，全年办理行政复议案件12件。", "kind": "body", "level": 0,
            "lead": "", "id": "p1", "last_year_text": None, "stale_figures": []}  # fmt: skip
    head = {**para, "text": "深化行政执法体制改革", "kind": "heading", "level": 2, "id": "p2"}
    return {
        "schema": 1,
        "metadata": {
            "organ": "某县司法局",
            "organ_kind": "dept",
            "year": 2023,
            "title": "某县司法局2023年法治政府建设年度报告",
            "closing": "特此报告。",
            "date": "2024-01-20",
            "attachments": [],
        },  # fmt: skip
        "skeleton": "standard",
        "opening": [dict(para, id="o1")],
        "sections": [
            {
                "section": "S1",
                "area": None,
                "heading": "主要举措和成效",
                "runin": False,
                "id": "s1",
                "paragraphs": [head, para, dict(para, id="p3")],
                "children": [],
            },  # fmt: skip
            {
                "section": "S2",
                "area": None,
                "heading": "存在的不足",
                "runin": False,
                "id": "s2",
                "paragraphs": [dict(para, id="p4")],
                "children": [],
            },  # fmt: skip
        ],
        "indicators": {"G4": {"na_reason": None, "figures": {}}},
        "last_year": {"year": 2022, "source": "去年.docx", "plans": ["加强培训"], "figures": {}},
    }


def _draft_with(change: Callable[[dict], object]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        d = copy.deepcopy(base_draft())
        change(d)
        p = folder / f"{make.__name__}.fzbg.json"
        p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        return p

    return make


def _set(path: str, value) -> Callable[[dict], None]:
    """A change setting the field at a dotted path ("sections.0.paragraphs.1.level")."""

    def change(d: dict) -> None:
        keys = path.split(".")
        node = d
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _nested(depth: int) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        sec = {"section": "S1", "heading": "x", "paragraphs": [], "children": []}
        for _ in range(depth):
            sec = {"section": "S1", "heading": "x", "paragraphs": [], "children": [sec]}
        d["sections"] = [sec]

    return change


def _raw_draft(name: str, text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / f"{name}.fzbg.json"
        p.write_text(text, encoding="utf-8", errors="surrogatepass")
        return p

    make.__name__ = name
    return make


_good = json.dumps(base_draft(), ensure_ascii=False)

BAD_DRAFTS: dict[str, Callable[[Path], Path]] = {}
for _name, _change in {
    "figures_list": _set("last_year.figures", [1, 2]),
    "closing_number": _set("metadata.closing", 12),
    "level_string": _set("sections.0.paragraphs.0.level", "二"),
    "paragraphs_string": _set("sections.1.paragraphs", "正文"),
    "paragraph_number": _set("sections.1.paragraphs.0", 7),
    "section_id_number": _set("sections.0.section", 5),
    "section_id_unknown": _set("sections.0.section", "S9"),
    "area_unknown": _set("sections.0.area", "Z"),
    "children_number": _set("sections.0.children", 3),
    "metadata_list": _set("metadata", ["某县"]),
    "opening_object": _set("opening", {"text": "x"}),
    "indicators_list": _set("indicators", ["G4"]),
    "indicator_figures_list": _set("indicators.G4.figures", ["12件"]),
    "na_reason_number": _set("indicators.G4.na_reason", 0),
    "stale_figures_number": _set("sections.0.paragraphs.1.stale_figures", 3),
    "attachments_string": _set("metadata.attachments", "附件一"),
    "organ_kind_unknown": _set("metadata.organ_kind", "army"),
    "skeleton_traversal": _set("skeleton", "../../etc/passwd"),
    "skeleton_number": _set("skeleton", 3),
    "last_year_list": _set("last_year", [2022]),
    "last_year_year_string": _set("last_year.year", "二〇二二"),
    "plans_number": _set("last_year.plans", 5),
    "date_number": _set("metadata.date", 20240120),
    "runin_string": _set("sections.0.runin", "yes"),
    "nested_450": _nested(450),
    "year_negative": _set("metadata.year", -5),
    "year_float": _set("metadata.year", 2023.0),
    "year_fraction": _set("metadata.year", 2023.5),
    "text_null": _set("sections.0.paragraphs.1.text", None),
    "kind_unknown": _set("sections.0.paragraphs.1.kind", "table"),
}.items():
    _change_fn = _draft_with(_change)
    _change_fn.__name__ = _name
    BAD_DRAFTS[_name] = _change_fn

BAD_DRAFTS.update(
    {
        "year_infinity": _raw_draft(
            "year_infinity", _good.replace('"year": 2023', '"year": Infinity')
        ),
        "year_nan": _raw_draft("year_nan", _good.replace('"year": 2023', '"year": NaN')),
        "year_5000_digits": _raw_draft(
            "year_5000_digits", _good.replace('"year": 2023', '"year": ' + "9" * 5000)
        ),
        "lone_surrogate": _raw_draft(
            "lone_surrogate", _good.replace("全年办理", "全年\\ud800办理")
        ),
        "schema_string": _raw_draft("schema_string", _good.replace('"schema": 1', '"schema": "1"')),
        "schema_huge": _raw_draft("schema_huge", _good.replace('"schema": 1', '"schema": 1e400')),
        "top_list": _raw_draft("top_list", "[1, 2, 3]"),
        "deep_json": _raw_draft(
            "deep_json", '{"schema": 1, "x": ' + "[" * 100000 + "]" * 100000 + "}"
        ),
        "truncated": _raw_draft("truncated", _good[: len(_good) // 2]),
    }
)

# Repairs a clerk would agree to: the draft opens with a note.
REPAIRABLE = {"closing_number", "lone_surrogate", "date_number", "skeleton_traversal",
              "skeleton_number", "attachments_string", "text_null", "year_float",
              "na_reason_number"}  # fmt: skip


# ----- .docx builders --------------------------------------------------------------------


def _docx(
    folder: Path,
    name: str,
    body: str,
    numbering: str | None = None,
    main_name: str = "word/document.xml",
    extra: list[tuple[str, bytes]] | None = None,
) -> Path:
    """A minimal Word package written by hand (so that every part can be made hostile)."""
    ct = _CT_HEAD + f'<Override PartName="/{main_name}" ContentType="{MAIN_CT}"/>'
    rels = ""
    if numbering is not None:
        ct += f'<Override PartName="/word/numbering.xml" ContentType="{NUMBERING_CT}"/>'
        rels = f'<Relationship Id="rId1" Type="{_REL}/numbering" Target="/word/numbering.xml"/>'
    ct += "</Types>"
    pkg_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="{main_name}"/>'
        "</Relationships>"
    )
    folder_, _, leaf = main_name.rpartition("/")
    doc_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )
    document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    p = folder / name
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", pkg_rels)
        z.writestr(f"{folder_}/_rels/{leaf}.rels", doc_rels)
        z.writestr(main_name, document)
        if numbering is not None:
            z.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        for n, data in extra or []:
            z.writestr(n, data)
    return p


def _p(text: str, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if num:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _report_body() -> str:
    lines = ["某县司法局2023年法治政府建设年度报告", "一、主要举措和成效",
             "推行行政执法三项制度，全年办理行政复议案件12件。", "二、存在的不足",
             "执法人员培训不够。"]  # fmt: skip
    return "".join(_p(x) for x in lines)


def docx_ok(folder: Path) -> Path:
    return _docx(folder, "ok.docx", _report_body())


def docx_numbering_huge_start(folder: Path) -> Path:
    """Roman, letter and decimal lists starting at 2,147,483,647 (Word's int range)."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{v}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{i + 1}."/></w:lvl>'
        for i, (fmt, v) in enumerate(
            [("upperRoman", 2147483647), ("lowerLetter", 2147483647), ("decimal", -99999999999)]
        )
    )
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{lvls}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="999999999"/></w:lvlOverride></w:num>'
    )
    body = _report_body() + "".join(_p("段落", (1, i % 3)) for i in range(3000))
    return _docx(folder, "numbering.docx", body, numbering)


def docx_lvltext_long(folder: Path) -> Path:
    """A list level whose text repeats its number 20,000 times, used by 2,000 paragraphs."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 20000}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = _report_body() + "".join(_p("段落", (1, 0)) for _ in range(2000))
    return _docx(folder, "lvltext.docx", body, numbering)


def docx_main_not_xml(folder: Path) -> Path:
    """The main part named word/content.bin (declared by Override), 100 MB uncompressed."""
    p = folder / "main_bin.docx"
    ct = _CT_HEAD + f'<Override PartName="/word/content.bin" ContentType="{MAIN_CT}"/></Types>'
    pkg_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/content.bin"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", pkg_rels)
        with z.open("word/content.bin", "w", force_zip64=True) as fh:
            fh.write(f"<w:document {W}><w:body>".encode())
            chunk = _p("一" * 1000).encode() * 100
            for _ in range(100 * 1024 * 1024 // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return p


def docx_main_not_xml_entities(folder: Path) -> Path:
    """Entity expansion (billion laughs) in a main part not named .xml."""
    p = folder / "main_bin_entities.docx"
    lol = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    doc = f'<?xml version="1.0"?>{lol}]><w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'
    ct = _CT_HEAD + f'<Override PartName="/word/main.dat" ContentType="{MAIN_CT}"/></Types>'
    pkg_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/main.dat"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", pkg_rels)
        z.writestr("word/main.dat", doc)
    return p


def docx_zip_bomb_media(folder: Path) -> Path:
    """A valid document with a 256 MB zeros "image" beside it."""
    p = docx_ok(folder).rename(folder / "bomb.docx")
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/media/image1.png", "w", force_zip64=True) as fh:
            zeros = b"\0" * (16 * 1024 * 1024)
            for _ in range(16):
                fh.write(zeros)
    return p


def docx_nested_tables(folder: Path, depth: int = 40, rows: int = 3) -> Path:
    """Tables nested 40 deep, each level with several rows of text."""
    inner = _p("最里层的单元格文字" * 5)
    for d in range(depth):
        cells = "".join(f"<w:tr><w:tc>{_p(f'第{d}层第{r}行')}</w:tc></w:tr>" for r in range(rows))
        inner = f"<w:tbl>{cells}<w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return _docx(folder, "nested_tables.docx", _report_body() + inner * 20)


def docx_100k_paragraphs(folder: Path) -> Path:
    body = _report_body() + "".join(_p(f"第{i}段推行行政执法三项制度。") for i in range(100_000))
    return _docx(folder, "many_paragraphs.docx", body)


def docx_duplicate_entry(folder: Path) -> Path:
    """word/document.xml twice: the first copy a report, the second one other words."""
    p = docx_ok(folder).rename(folder / "duplicate.docx")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(p, "a") as z:
            z.writestr(
                "word/document.xml",
                f"<w:document {W}><w:body>{_p('第二份副本')}</w:body></w:document>",
            )
    return p


def docx_many_entries(folder: Path) -> Path:
    p = docx_ok(folder).rename(folder / "many_entries.docx")
    with zipfile.ZipFile(p, "a") as z:
        for i in range(5000):
            z.writestr(f"customXml/item{i}", b"x")
    return p


# ----- .txt and other paths ---------------------------------------------------------------

REPORT_LINES = ["某县司法局2023年法治政府建设年度报告", "一、主要举措和成效",
                "推行行政执法三项制度，全年办理行政复议案件12件。", "二、存在的不足",
                "执法人员培训不够。", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                "主要负责人带头学法。", "四、下一年度工作安排", "加强执法培训。"]  # fmt: skip


def txt_with_nul(folder: Path) -> Path:
    p = folder / "nul.txt"
    text = "\n".join(REPORT_LINES)
    p.write_bytes(
        text.encode("utf-8").replace("行政执法".encode(), "行政\0执法".encode(), 1) + b"\0\0"
    )
    return p


def txt_direction_marks(folder: Path) -> Path:
    p = folder / "marks.txt"
    p.write_text("\n".join("\u200f\u202a" + x if x[:1] in "一二三四" else x for x in REPORT_LINES),
                 encoding="utf-8")  # fmt: skip
    return p


def txt_100k_lines(folder: Path) -> Path:
    p = folder / "many_lines.txt"
    p.write_text("\n".join(REPORT_LINES + [f"第{i}段推行行政执法三项制度。" for i in range(100_000)]),
                 encoding="utf-8")  # fmt: skip
    return p


def fifo(folder: Path) -> Path:
    p = folder / "pipe.txt"
    os.mkfifo(p)
    return p


def long_name(folder: Path) -> Path:
    return folder / ("很长的名字" * 30 + ".docx")  # 450 bytes: the name itself is refused


def big_json(folder: Path, mb: int = 70) -> Path:
    p = folder / "big.fzbg.json"
    d = base_draft()
    d["opening"] = [{"text": "字" * 1000} for _ in range(mb * 1024 // 3)]
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


HOSTILE_SOURCES: dict[str, Callable[[Path], Path]] = {
    f.__name__: f
    for f in (
        docx_numbering_huge_start,
        docx_lvltext_long,
        docx_main_not_xml,
        docx_main_not_xml_entities,
        docx_zip_bomb_media,
        docx_nested_tables,
        docx_100k_paragraphs,
        docx_duplicate_entry,
        docx_many_entries,
        txt_with_nul,
        txt_direction_marks,
        txt_100k_lines,
        fifo,
        long_name,
    )
}


# ----- running the CLI under watch ------------------------------------------------------


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run_measured(
    args: list[str], cwd: Path, env: dict, timeout: float = 30
) -> tuple[int | None, str, float, float, float]:
    """`python -m drafter ARGS` in a subprocess under a 3 GB address-space limit: (exit
    code or None when killed at the timeout, stderr, wall seconds, CPU seconds, peak RSS
    in MB)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(
            [sys.executable, "-m", "drafter", *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
            preexec_fn=_limit_memory,
        )
        code = None
        while time.perf_counter() - t0 < timeout:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.02)
        if code is None:
            p.kill()
            _pid, _status, ru = os.wait4(p.pid, 0)
        p.returncode = code if code is not None else -9
        seconds = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        return code, stderr, seconds, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024
