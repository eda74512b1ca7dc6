"""Property tests: whatever the text or .docx content, the importer returns or raises InputError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.core.errors import InputError
from drafter.core.reading.importer import build_report, import_file

FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "1.", "2、", "3．", "（1）", "一是", "二是",
    "。", "，", ",", "：", ":", "报告", "关于2021年度法治政府建设情况的报告", "存在的问题",
    "下一步工作计划", "党政主要负责人履行推进法治建设第一责任人职责情况", "其他需要报告的情况",
    "行政复议48件", "2021年", "2022年", "〔2021〕3号", "签发人：张三", "特此报告。",
    "某某区人民政府：", "2022年2月11日", "今天是:", "您所在的位置:首页 > 公告", "【填：标题】",
    "加强组织领导", "\n", "\n", "\n", " ", "\u3000", "《纲要(2021-2025年)》", "100%", "近50万人次",
]  # fmt: skip

report_lines = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=80
).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _import_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"src{suffix}"
        path.write_bytes(data)
        try:
            result = import_file(path)
        except InputError as exc:
            assert exc.reason and "\n" not in exc.one_line()
            return
        report = result.report
        assert result.paragraphs >= 0
        report.blocks()
        report.to_dict()


@SETTINGS
@given(report_lines)
def test_report_like_text_builds_a_report(text):
    built, debris = build_report(text.split("\n"))
    blocks = built.report.blocks()
    assert all(b.section in ("", "S1", "S2", "S3", "S4", "S5") for b in blocks)
    assert all(not d.strip() == "" for d in debris)


@SETTINGS
@given(report_lines, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_random_text_files(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    _import_bytes(data, ".txt")


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_as_txt(data):
    _import_bytes(data, ".txt")


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_as_docx(data):
    _import_bytes(data, ".docx")


def _xml_safe(s: str) -> str:
    return "".join(
        c for c in s if c in "\t\n" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
    )


@SETTINGS
@given(st.lists(report_lines.map(_xml_safe), max_size=30), st.booleans())
def test_random_docx_content(paragraphs, with_table):
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if with_table and paragraphs:
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = paragraphs[0][:20]
    buf = io.BytesIO()
    d.save(buf)
    _import_bytes(buf.getvalue(), ".docx")


@SETTINGS
@given(st.data())
def test_damaged_docx(data):
    d = docx.Document()
    d.add_paragraph("一、主要举措和成效")
    d.add_paragraph("全年收到行政复议申请48件。")
    buf = io.BytesIO()
    d.save(buf)
    raw = bytearray(buf.getvalue())
    for _ in range(data.draw(st.integers(1, 20))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    _import_bytes(bytes(raw), ".docx")


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_document_xml(xml):
    d = docx.Document()
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = xml if info.filename == "word/document.xml" else zin.read(info)
            zout.writestr(info.filename, body)
    _import_bytes(out.getvalue(), ".docx")
