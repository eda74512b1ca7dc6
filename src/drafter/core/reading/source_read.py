"""Reading a source document into paragraphs: .txt decoding, format sniffing, size caps.

.txt files come in UTF-8 (with or without BOM), GB18030/GBK or UTF-16; .docx goes through
core/reading/docx_reader.py. Anything else (.doc, .wps, .pdf, images, binary junk) is refused with
a message telling the clerk to save the file as .docx, and, when LibreOffice is installed,
:func:`convert_with_libreoffice` turns .doc/.wps/.rtf/.odt into .docx.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from drafter.core.bounded_read import READ_CHUNK, checked_size, read_capped
from drafter.core.errors import InputError

__all__ = ["READ_CHUNK", "checked_size", "read_capped"]  # kept here for the readers

MAX_TEXT_BYTES = 8 * 1024 * 1024  # a report is ~20 KB; 8 MB is far beyond any real one
MAX_PARAGRAPHS = 20_000  # a long report has ~500; checks and export stay within seconds
CONVERTIBLE = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")

_SAVE_AS = "请在 Word 或 WPS 中打开后“另存为” .docx（Word 文档）再导入"


def soffice_path() -> str | None:
    """The LibreOffice command, if installed."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert_hint() -> str:
    return "；也可加 --convert 用 LibreOffice 自动转换" if soffice_path() else ""


def sniff(head: bytes) -> str:
    """What the first bytes of a file say it is: docx/zip, ole (doc/wps), pdf, rtf, text."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def refuse_unsupported(path: Path, head: bytes) -> None:
    """Raise InputError for formats the importer does not read."""
    name = str(path)
    ext = path.suffix.lower()
    kind = sniff(head)
    if kind == "zip":
        return  # a Word 2007+ file whatever its name says (.doc/.wps renamed): read it
    if kind == "pdf" or ext == ".pdf":
        raise InputError(name, f"不能直接导入 PDF 文件，{_SAVE_AS}，或复制正文存为 .txt")
    if kind == "ole" and ext in (".docx", ".docm"):
        raise InputError(name, f"文档已加密或是旧版格式，请取消密码保护后{_SAVE_AS}")
    if kind == "ole" or ext in (".doc", ".wps", ".dot", ".wpt"):
        raise InputError(name, f"这是旧版 Word/WPS 格式（.doc/.wps），{_SAVE_AS}{_convert_hint()}")
    if kind == "rtf" or ext in (".rtf", ".odt"):
        raise InputError(name, f"不支持 {ext or 'RTF'} 格式，{_SAVE_AS}{_convert_hint()}")


def decode_text(raw: bytes, name: str) -> str:
    """Decode a .txt file: BOMs, UTF-8, UTF-16 without BOM, GB18030; junk is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _checked(_decode(raw[3:], "utf-8", name), name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_decode(raw, "utf-16", name), name)
    if b"\x00" in raw[:4096]:
        even, odd = raw[0:4096:2].count(0), raw[1:4096:2].count(0)
        order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
        for enc in order:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text[:20000]) >= 0.9:
                return _checked(text, name)
        # a few stray NUL bytes in an ordinary text file (an editor's or a copy's debris)
        nuls = raw.count(0)
        if nuls <= max(16, len(raw) // 1000):
            return decode_text(raw.replace(b"\x00", b""), name)
        raise InputError(name, "不是文本文件（含有二进制内容）")
    try:
        return _checked(raw.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            name, "无法识别文本编码（请另存为 UTF-8 或 GB18030 编码的 .txt）"
        ) from None
    return _checked(text, name, legacy=True)


def _plausible(text: str) -> float:
    """Share of characters that ordinary Chinese documents are made of."""
    if not text:
        return 0.0
    ok = sum(
        1
        for c in text
        if "\u4e00" <= c <= "\u9fff"
        or " " <= c <= "~"
        or c in "\r\n\t"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u2010" <= c <= "\u206f"
    )
    return ok / len(text)


def _decode(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(name, f"文本编码损坏（按 {encoding.upper()} 无法解码）") from None


def _checked(text: str, name: str, legacy: bool = False) -> str:
    """Refuse decoded text that is not plausibly a document (binary junk, mojibake)."""
    sample = text[:200_000]
    if not sample.strip():
        raise InputError(name, "文件是空的")
    bad = sum(
        1
        for c in sample
        if (unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn") and c not in "\r\n\t\f")
        or c == "\ufffd"
    )
    if bad > max(3, len(sample) // 100):
        raise InputError(name, "不是文本文件（含有大量控制字符或无法识别的字符）")
    if legacy:
        cjk = [c for c in sample if "\u3400" <= c <= "\u9fff"]
        if cjk:
            rare = 0
            for c in cjk:
                try:
                    c.encode("gb2312")
                except UnicodeEncodeError:
                    rare += 1
            if rare > 0.2 * len(cjk):
                raise InputError(name, "不是文本文件（解码后多为生僻字，像是二进制内容）")
    return text


def read_text_file(path: Path) -> str:
    """A .txt file's text, size-capped and decoded."""
    name = str(path)
    raw = read_capped(path, MAX_TEXT_BYTES, "不像是一份年度报告")
    refuse_unsupported(path, raw[:16])
    if sniff(raw[:8]) == "zip":
        raise InputError(
            name, "这是一个压缩包或 Word 文档，不是文本文件（Word 文档请用 .docx 扩展名）"
        )
    return decode_text(raw, name)


def text_paragraphs(text: str, name: str = "text") -> list[str]:
    """Lines of a text file (any line ending), as they are; more than MAX_PARAGRAPHS
    non-empty lines are refused."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > MAX_PARAGRAPHS and sum(1 for x in lines if x.strip()) > MAX_PARAGRAPHS:
        raise InputError(
            name, f"段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告，已拒绝读取"
        )
    return lines


def convert_with_libreoffice(path: str | Path, timeout: float = 120) -> Path:
    """Convert .doc/.wps/.rtf/.odt to .docx with LibreOffice; returns the new file.

    The .docx is written to a fresh temporary folder (the caller may move it). Raises
    InputError when LibreOffice is missing, times out or produces nothing.
    """
    import shutil
    import subprocess
    import tempfile

    src = Path(path)
    exe = soffice_path()
    if not exe:
        raise InputError(str(src), f"未安装 LibreOffice，无法自动转换；{_SAVE_AS}")
    if not src.is_file():
        raise InputError(str(src), "文件不存在")
    out_dir = Path(tempfile.mkdtemp(prefix="drafter-convert-"))
    profile = Path(tempfile.mkdtemp(prefix="drafter-lo-profile-"))
    cmd = [
        exe,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out_dir),
        str(src.resolve()),
    ]
    try:
        subprocess.run(
            cmd,
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "HOME": str(profile)},
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            str(src), f"LibreOffice 转换超时（{timeout:.0f} 秒）；{_SAVE_AS}"
        ) from None
    except OSError as exc:
        raise InputError(str(src), f"无法启动 LibreOffice（{exc.strerror}）") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / (src.stem + ".docx")
    if not result.is_file() or result.stat().st_size == 0:
        raise InputError(str(src), f"LibreOffice 未能转换此文件；{_SAVE_AS}")
    return result
