"""Hostile and broken inputs: each ends in exit 2 with a one-line message, quickly."""

from __future__ import annotations

import io
import os
import time
import zipfile

import docx
import pytest

from conftest import SEEDS, run_cli
from drafter.core.errors import InputError
from drafter.core.reading.importer import import_file

SEED_003 = next(SEEDS.glob("003_*.txt"))


def _valid_docx(tmp_path):
    d = docx.Document()
    d.add_paragraph("一、主要举措和成效")
    d.add_paragraph("推行行政执法三项制度。")
    path = tmp_path / "ok.docx"
    d.save(path)
    return path


def _rewrite_part(src, dst, part, data: bytes):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == part else zin.read(info))
    return dst


def make_doc(tmp_path):
    p = tmp_path / "report.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    return p


def make_wps(tmp_path):
    p = tmp_path / "report.wps"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    return p


def make_encrypted_docx(tmp_path):
    p = tmp_path / "locked.docx"  # password-protected Word files are OLE containers
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    return p


def make_pdf(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    return p


def make_corrupt_zip(tmp_path):
    good = _valid_docx(tmp_path).read_bytes()
    p = tmp_path / "corrupt.docx"
    p.write_bytes(good[: len(good) // 2])
    return p


def make_zip_bomb(tmp_path):
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            chunk = b" " * (1 << 20)
            for _ in range(200):  # 200 MB of blanks, ~200 KB compressed
                fh.write(chunk)
    return p


def make_xxe(tmp_path):
    good = _valid_docx(tmp_path)
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _rewrite_part(good, tmp_path / "xxe.docx", "word/document.xml", xml)


def make_billion_laughs(tmp_path):
    good = _valid_docx(tmp_path)
    ents = "".join(
        f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 12)
    )
    xml = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY l0 "ha">' + ents + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l11;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    return _rewrite_part(good, tmp_path / "laughs.docx", "word/document.xml", xml)


def make_empty_txt(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    return p


def make_empty_docx(tmp_path):
    p = tmp_path / "empty.docx"
    p.write_bytes(b"")
    return p


def make_blank_txt(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_bytes(" \r\n\u3000\n".encode())
    return p


def make_huge_txt(tmp_path):
    p = tmp_path / "huge.txt"
    line = SEED_003.read_bytes()
    with p.open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(line)
    return p


def make_junk_txt(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(os.urandom(200_000))
    return p


def make_junk_docx(tmp_path):
    p = tmp_path / "junk.docx"
    p.write_bytes(os.urandom(200_000))
    return p


def make_zip_not_word(tmp_path):
    p = tmp_path / "photos.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.jpg", os.urandom(1000))
    p.write_bytes(buf.getvalue())
    return p


CASES = {
    "doc": (make_doc, "另存为"),
    "wps": (make_wps, "另存为"),
    "pdf": (make_pdf, "PDF"),
    "encrypted_docx": (make_encrypted_docx, "加密"),
    "corrupt_zip": (make_corrupt_zip, "损坏"),
    "zip_bomb": (make_zip_bomb, "压缩炸弹"),
    "xxe": (make_xxe, "实体"),
    "billion_laughs": (make_billion_laughs, "实体"),
    "empty_txt": (make_empty_txt, "空"),
    "empty_docx": (make_empty_docx, "空"),
    "blank_txt": (make_blank_txt, "空"),
    "huge_txt": (make_huge_txt, "过大"),
    "junk_txt": (make_junk_txt, "不是文本文件"),
    "junk_docx": (make_junk_docx, "损坏"),
    "zip_not_word": (make_zip_not_word, "不是 Word 文档"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_raises_input_error(tmp_path, case):
    make, words = CASES[case]
    path = make(tmp_path)
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        import_file(path)
    assert time.monotonic() - start < 10
    assert words in info.value.reason
    assert info.value.source == str(path)


@pytest.mark.parametrize(
    "case", ["doc", "pdf", "zip_bomb", "xxe", "huge_txt", "junk_txt", "empty_txt", "corrupt_zip"]
)
def test_bad_input_on_the_command_line(tmp_path, case):
    make, words = CASES[case]
    path = make(tmp_path)
    out = tmp_path / "draft.fzbg.json"
    start = time.monotonic()
    proc = run_cli("import", str(path), "-o", str(out), timeout=60)
    assert time.monotonic() - start < 30
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert str(path) in lines[0] and words in lines[0]
    assert not out.exists()


def test_entities_stay_unresolved_even_past_the_dtd_check(tmp_path, monkeypatch):
    """Defence in depth: with the DTD check switched off, the entity is still not expanded."""
    from drafter.core.reading import docx_reader

    monkeypatch.setattr(docx_reader, "_check_head", lambda *a: None)
    path = make_xxe(tmp_path)
    report = import_file(path, roll_forward=False).report
    assert "root:" not in report.plain_text()
    assert report.plain_text() == ""


def test_convert_hint_only_when_libreoffice_is_installed(tmp_path, monkeypatch):
    from drafter.core.reading import source_read

    path = make_doc(tmp_path)
    monkeypatch.setattr(source_read, "soffice_path", lambda: None)
    with pytest.raises(InputError) as info:
        import_file(path)
    assert "--convert" not in info.value.reason
    monkeypatch.setattr(source_read, "soffice_path", lambda: "/usr/bin/soffice")
    with pytest.raises(InputError) as info:
        import_file(path)
    assert "--convert" in info.value.reason


def test_convert_without_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    from drafter.core.reading import source_read

    monkeypatch.setattr(source_read, "soffice_path", lambda: None)
    with pytest.raises(InputError) as info:
        source_read.convert_with_libreoffice(make_doc(tmp_path))
    assert "LibreOffice" in info.value.reason
