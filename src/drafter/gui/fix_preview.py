"""The before/after view shown before a fix is made: each changed text with what goes struck
through in red and what comes in green, a few characters of context around each change."""

from __future__ import annotations

import difflib
import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QWidget

from drafter.core.fixing import FixRecord
from drafter.gui.uiload import child, embed_ui

CONTEXT = 8  # characters shown either side of a change
SHOWN = 200  # records listed at most (the count says how many there are)


def diff_html(before: str, after: str) -> str:
    """The changes of one text as HTML: context, <del> what goes, <ins> what comes."""
    parts = []
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            text = before[i1:i2]
            if len(text) > 2 * CONTEXT:
                head = text[:CONTEXT] if n else ""
                tail = text[-CONTEXT:] if n < len(ops) - 1 else ""
                text_html = html.escape(head) + ("…" if head or tail else "") + html.escape(tail)
            else:
                text_html = html.escape(text)
            parts.append(text_html)
            continue
        if i2 > i1:
            parts.append(
                "<span style='color:#c0392b;text-decoration:line-through'>"
                f"{html.escape(before[i1:i2]).replace(' ', '␣')}</span>"
            )
        if j2 > j1:
            parts.append(f"<span style='color:#1e7a34;'>{html.escape(after[j1:j2])}</span>")
    return "".join(parts)


def records_html(records: list[FixRecord], names: dict[str, str]) -> str:
    rows = []
    for r in records[:SHOWN]:
        where = r.section or "开头"
        label = names.get(r.code, r.code)
        if r.code in ("section-order", "S3-inside"):
            body = f"{html.escape(r.before)} → {html.escape(r.after)}"
        else:
            body = diff_html(r.before, r.after)
        rows.append(
            f"<p style='margin:4px 0'><span style='color:#777'>{where}·{html.escape(label)}</span>"
            f"<br>{body}</p>"
        )
    if len(records) > SHOWN:
        rows.append(f"<p style='color:#777'>……另有 {len(records) - SHOWN} 段</p>")
    return "".join(rows)


class FixPreview(QDialog):
    """Lists what a fix would change; OK (修正) makes it."""

    def __init__(
        self,
        title: str,
        records: list[FixRecord],
        places: int,
        names: dict[str, str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.form = embed_ui("fix_preview", self)
        self.records = records
        paragraphs = len({(r.section, r.paragraph) for r in records})
        child(self.form, QLabel, "summaryLabel").setText(
            f"{title}：共 {places} 处，涉及 {paragraphs} 段。请核对修正前后的文字。"
        )
        self.view = child(self.form, QTextBrowser, "diffView")
        self.view.setHtml(records_html(records, names))
        buttons = child(self.form, QDialogButtonBox, "buttonBox")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("修正")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
