"""Paragraphs keep who they are through cut and paste, also into another section.

Copying or cutting whole paragraphs in the section editor puts, beside the plain text, what
each paragraph is in the model (id, kind, level, run-in lead, last year's text and figures)
under :data:`MIME`. Pasting them where their id is no longer in use (they were cut) makes
those lines the same paragraphs again, so last year's text stays beside them; a copy pasted
while the original is still there is new text.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor

from drafter.core.model.model import Paragraph

MIME = "application/x-drafter-paragraphs"
_FIELDS = {f.name for f in fields(Paragraph)}


def add_paragraphs(editor, cursor: QTextCursor, mime: QMimeData) -> None:
    """Record in ``mime`` the paragraphs whose whole line the selection covers."""
    from drafter.gui.editor import block_data

    start, end = cursor.selectionStart(), cursor.selectionEnd()
    doc = editor.document()
    out = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        text = block.text()
        whole = block.position() >= start and block.position() + len(text) <= end
        data = block_data(block)
        para = editor.paragraph_by_id.get(data.pid) if data is not None else None
        if whole and text.strip() and para is not None:
            record = asdict(para)
            record["line"] = text.strip()
            out.append(record)
        block = block.next()
    if out:
        mime.setData(MIME, json.dumps(out, ensure_ascii=False).encode("utf-8"))


def restore_paragraphs(editor, mime: QMimeData) -> int:
    """After a paste: lines that read exactly as a recorded paragraph whose id is free again
    become that paragraph. Returns how many did."""
    from drafter.gui.editor import ParaData, block_data

    if not mime.hasFormat(MIME):
        return 0
    try:
        records = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return 0
    blocks = []
    block = editor.document().firstBlock()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    restored = 0
    for record in records:
        pid = record.get("id")
        if not pid or editor.id_in_use(pid):
            continue
        if any((d := block_data(b)) is not None and d.pid == pid for b in blocks):
            continue  # the paragraph is still here (a copy, or the cut was undone)
        match = next(
            (b for b in blocks if b.text().strip() == record.get("line") and not block_data(b)),
            None,
        )
        if match is None:
            continue
        para = Paragraph(**{k: v for k, v in record.items() if k in _FIELDS})
        match.setUserData(ParaData(para.id, para.kind, para.level, para.lead))
        editor.paragraph_by_id[para.id] = para
        editor.highlighter.rehighlightBlock(match)
        restored += 1
    if restored:
        editor.compute_numbers()
    return restored
