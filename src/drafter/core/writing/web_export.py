"""网页版: the report for publication on the organ's website (published by 4月1日).

Title and body only: no 版头 (发文机关标志, 发文字号, 签发人), no 版记 (抄送, 印发), no
主送机关; headings numbered as in the .docx, empty sections left out as there, the 落款
(署名 and date) under the body. As .html (a plain page, headings in bold) or .txt (one
paragraph a line). The CLI and the GUI remind the clerk to remove anything 涉密 first.
"""

from __future__ import annotations

import html
from pathlib import Path

from drafter.core.errors import DrafterError, ExportError
from drafter.core.model.model import Report
from drafter.core.storage import atomic_write_bytes
from drafter.core.writing.closing import signature_texts
from drafter.core.writing.export_outline import printable

WEB_SUFFIXES = (".html", ".htm", ".txt")
SECRET_REMINDER = (
    "网页版用于公开发布：发布前请删除涉密、敏感和不宜公开的内容（如人名、电话、具体案件）。"
)


def _lines(report: Report) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(kind, text)]) with kind "heading" or "body"."""
    printed, _ = printable(report)
    out: list[tuple[str, str]] = []
    for b in printed.blocks():
        if b.kind == "heading":
            out.append(("heading", b.number + b.text))
        elif b.lead or b.number:
            out.append(("lead", f"{b.number}{b.lead}\x00{b.text}"))
        else:
            out.append(("body", b.text))
    meta = report.metadata
    if meta.closing.strip():
        out.append(("body", meta.closing.strip()))
    name, date = signature_texts(meta)
    out.append(("signature", name))
    out.append(("signature", date))
    return meta.title.strip() or "（无标题）", out


def web_text(report: Report) -> str:
    title, lines = _lines(report)
    body = []
    for kind, text in lines:
        text = text.replace("\x00", "")
        body.append(text if kind == "signature" else "　　" + text)
    return "\n".join([title, "", *body]) + "\n"


def web_html(report: Report) -> str:
    title, lines = _lines(report)
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        "<style>body{max-width:42em;margin:2em auto;font-size:16px;line-height:1.8}"
        "h1{text-align:center;font-size:22px}p{text-indent:2em;margin:0}"
        "p.sig{text-align:right;text-indent:0}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for kind, text in lines:
        if kind == "heading":
            parts.append(f"<p><strong>{esc(text)}</strong></p>")
        elif kind == "lead":
            lead, rest = text.split("\x00", 1)
            parts.append(f"<p><strong>{esc(lead)}</strong>{esc(rest)}</p>")
        elif kind == "signature":
            parts.append(f'<p class="sig">{esc(text)}</p>')
        else:
            parts.append(f"<p>{esc(text)}</p>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def export_web(report: Report, path: str | Path) -> Path:
    """Write the 网页版 as .html/.htm or .txt (by suffix), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WEB_SUFFIXES:
        raise ExportError(str(path), "网页版应以 .html 或 .txt 结尾")
    if path.is_dir():
        raise ExportError(str(path), "这是一个文件夹，不能作为导出文件")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(str(path), "导出位置的文件夹不存在")
    if not isinstance(report, Report):
        raise ExportError(str(path), "没有可导出的报告")
    try:
        text = web_text(report) if suffix == ".txt" else web_html(report)
    except DrafterError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise ExportError(str(path), f"草稿内容无法导出（{exc}）") from None
    atomic_write_bytes(path, text.encode("utf-8"), error=ExportError, action="导出")
    return path
