"""The section editor: one QPlainTextEdit per section, one text block per model paragraph.

Each block carries a :class:`ParaData` (paragraph id, kind, heading level, run-in lead), so the
text maps back to the model's paragraphs robustly: a block split by Enter keeps its id on the
part that holds the text, pasted lines become new body paragraphs, and empty lines are dropped.
Headings are marked (bold, coloured), blanks "【填：…】" and figures still carrying last year's
value are highlighted, and Tab / Shift+Tab select the next / previous blank.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from drafter.core.model.blanks import BLANK_RE
from drafter.core.model.model import Paragraph, Section, heading_number, new_id

BLANK_BG = QColor("#ffe3b3")
STALE_BG = QColor("#fff3a0")
FIND_BG = QColor("#b9dcff")
HEADING_FG = QColor("#1f3f73")
LEAD_FG = QColor("#1f3f73")
EDIT_DEBOUNCE_MS = 400


class ParaData(QTextBlockUserData):
    """What a text block is in the model: paragraph id, kind ("body"/"heading"), level, lead."""

    def __init__(self, pid: str, kind: str = "body", level: int = 0, lead: str = ""):
        super().__init__()
        self.pid = pid
        self.kind = kind
        self.level = level
        self.lead = lead

    def copy(self, pid: str | None = None) -> ParaData:
        return ParaData(pid or self.pid, self.kind, self.level, self.lead)


def block_data(block: QTextBlock) -> ParaData | None:
    data = block.userData()
    return data if isinstance(data, ParaData) else None


class _Highlighter(QSyntaxHighlighter):
    def __init__(self, editor: SectionEditor):
        super().__init__(editor.document())
        self.editor = editor
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setForeground(HEADING_FG)
        self.lead = QTextCharFormat()
        self.lead.setFontWeight(QFont.Weight.Bold)
        self.lead.setForeground(LEAD_FG)
        self.blank = QTextCharFormat()
        self.blank.setBackground(BLANK_BG)
        self.blank.setFontUnderline(True)
        self.stale = QTextCharFormat()
        self.stale.setBackground(STALE_BG)
        self.stale.setToolTip("去年的数字，请更新")

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        data = block_data(self.currentBlock())
        if data is not None and data.kind == "heading":
            self.setFormat(0, len(text), self.heading)
        elif data is not None and data.lead and text.startswith(data.lead):
            self.setFormat(0, len(data.lead), self.lead)
        if data is not None:
            para = self.editor.paragraph_by_id.get(data.pid)
            for fig in para.stale_figures if para else ():
                start = text.find(fig)
                while fig and start >= 0:
                    self.setFormat(start, len(fig), self.stale)
                    start = text.find(fig, start + len(fig))
        for m in BLANK_RE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self.blank)


class _Gutter(QWidget):
    """The strip left of the text where heading numbers ("（一）", "1.") are shown."""

    def __init__(self, editor: SectionEditor):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.editor.paint_gutter(event)


class SectionEditor(QPlainTextEdit):
    """Edits one Section's paragraphs; emits ``edited`` (debounced) and ``currentParagraphChanged``."""

    edited = Signal()  # the text changed and stayed still for EDIT_DEBOUNCE_MS
    changed = Signal()  # any change at all (marks the draft dirty)
    currentParagraphChanged = Signal(str)  # paragraph id under the cursor

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sectionEditor")
        self.section: Section | None = None
        self.heading_base = 1  # GB/T 9704 level of the section's own heading
        self.paragraph_by_id: dict[str, Paragraph] = {}
        self._loading = False
        self._current_pid = ""
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        font = self.font()
        font.setPointSizeF(12)
        self.setFont(font)
        self.highlighter = _Highlighter(self)
        self.gutter = _Gutter(self)
        self.numbers: dict[int, str] = {}  # block number -> heading number shown in the gutter
        self.updateRequest.connect(self._update_gutter)
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(EDIT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.edited)
        self.document().contentsChanged.connect(self._on_changed)
        self.cursorPositionChanged.connect(self._on_cursor)
        self.setPlaceholderText(
            "在此撰写本节内容。每段一行；小标题用“设为小标题”标记（Ctrl+1…Ctrl+3）。"
        )

    # ----- model <-> text ---------------------------------------------------------------
    def load(self, section: Section, heading_base: int = 1) -> None:
        """Show a section's paragraphs, one block each; the undo history starts afresh.

        ``heading_base`` is the level of the section's own heading (1 for S2, 2 for an area).
        """
        self._loading = True
        self.section = section
        self.heading_base = heading_base
        self.paragraph_by_id = {p.id: p for p in section.paragraphs}
        doc = self.document()
        doc.clear()
        cursor = QTextCursor(doc)
        for i, p in enumerate(section.paragraphs):
            if i:
                cursor.insertBlock()
            cursor.insertText(p.lead + p.text if p.kind == "body" else p.text)
            cursor.block().setUserData(ParaData(p.id, p.kind, p.level, p.lead))
        doc.clearUndoRedoStacks()
        doc.setModified(False)
        self.highlighter.rehighlight()
        self.compute_numbers()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._loading = False
        self._current_pid = ""
        self._on_cursor()

    def paragraphs(self) -> list[Paragraph]:
        """The editor's text as model paragraphs (existing ones reused by id, in order).

        A block without an id whose text is exactly that of a known paragraph no longer in
        the text (a deletion undone, a paragraph cut and pasted) is that paragraph again, so
        its last-year text and kind survive.
        """
        blocks = []
        block = self.document().firstBlock()
        while block.isValid():
            if block.text().strip():
                blocks.append(block)
            block = block.next()
        in_text = {d.pid for b in blocks if (d := block_data(b)) is not None}
        gone = {_full_text(p): p for pid, p in self.paragraph_by_id.items() if pid not in in_text}
        out: list[Paragraph] = []
        seen: set[str] = set()
        for block in blocks:
            text = block.text().strip()
            data = block_data(block)
            if data is None or data.pid in seen:
                known = gone.pop(text, None)
                data = (
                    ParaData(known.id, known.kind, known.level, known.lead)
                    if known is not None
                    else ParaData(new_id())
                )
                block.setUserData(data)
                self.highlighter.rehighlightBlock(block)
            seen.add(data.pid)
            para = self.paragraph_by_id.get(data.pid) or Paragraph(id=data.pid)
            para.kind = data.kind
            para.level = data.level
            if data.kind == "heading":
                para.lead, para.text = "", text
            else:
                lead = _split_lead(text, data.lead)
                para.lead, para.text = lead, text[len(lead) :]
                if not lead:
                    para.level = 0
            out.append(para)
        # Paragraphs deleted stay known: an undo brings their text back.
        self.paragraph_by_id.update((p.id, p) for p in out)
        return out

    def commit(self) -> None:
        """Write the text back into the section being edited."""
        if self.section is not None:
            self.section.paragraphs = self.paragraphs()

    # ----- paragraph kinds ----------------------------------------------------------------
    def set_heading_level(self, level: int) -> None:
        """Mark the paragraph under the cursor as a sub-heading ``level`` steps below the
        section's own heading (1 = the next level down; 0 = body text)."""
        block = self.textCursor().block()
        old = block_data(block)
        pid = old.pid if old else new_id()
        if level <= 0:
            block.setUserData(ParaData(pid, "body", 0, ""))
        else:
            absolute = min(4, self.heading_base + level)
            block.setUserData(ParaData(pid, "heading", absolute, ""))
        self.highlighter.rehighlightBlock(block)
        self.compute_numbers()
        self._on_changed()

    def current_paragraph_id(self) -> str:
        data = block_data(self.textCursor().block())
        return data.pid if data else ""

    def current_text(self) -> str:
        return self.textCursor().block().text()

    def goto_paragraph(self, pid: str, start: int | None = None, end: int | None = None) -> bool:
        """Put the cursor on a paragraph (selecting start…end of its text, lead excluded)."""
        block = self.document().firstBlock()
        while block.isValid():
            data = block_data(block)
            if data is not None and data.pid == pid:
                offset = len(data.lead) if data.kind == "body" and data.lead else 0
                cursor = QTextCursor(block)
                if start is not None:
                    length = block.length() - 1
                    cursor.setPosition(block.position() + min(offset + start, length))
                    if end is not None and end > start:
                        cursor.setPosition(
                            block.position() + min(offset + end, length),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                self.setTextCursor(cursor)
                self.centerCursor()
                self.setFocus()
                return True
            block = block.next()
        return False

    def insert_paragraph(self, text: str) -> None:
        """Insert text as a new body paragraph after the current one and select its first blank."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        else:
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
        start = cursor.block().position()
        cursor.insertText(text)
        cursor.block().setUserData(ParaData(new_id()))
        cursor.endEditBlock()
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        if not self.next_blank():
            cursor.setPosition(start + len(text))
            self.setTextCursor(cursor)

    # ----- blanks ---------------------------------------------------------------------------
    def next_blank(self, backwards: bool = False) -> bool:
        """Select the next (or previous) "【填：…】" blank, wrapping around; False if none."""
        text = self.toPlainText()
        spans = [(m.start(), m.end()) for m in BLANK_RE.finditer(text)]
        if not spans:
            return False
        cursor = self.textCursor()
        if backwards:
            here = cursor.selectionStart()
            before = [s for s in spans if s[0] < here]
            start, end = before[-1] if before else spans[-1]
        else:
            here = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
            after = [s for s in spans if s[0] >= here]
            start, end = after[0] if after else spans[0]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    # ----- find -------------------------------------------------------------------------------
    def find_text(self, needle: str, backwards: bool = False, wrap: bool = True) -> bool:
        """Select the next match after the cursor (wrapping if asked); highlight every match."""
        self.highlight_matches(needle)
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if self.find(needle, flags):
            return True
        if not wrap:
            return False
        cursor = self.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start
        )
        self.setTextCursor(cursor)
        return self.find(needle, flags)

    def highlight_matches(self, needle: str) -> None:
        selections = []
        if needle:
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_BG)
            cursor = self.document().find(needle)
            while not cursor.isNull() and len(selections) < 500:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
                cursor = self.document().find(needle, cursor)
        self.setExtraSelections(selections)

    # ----- heading numbers in the gutter ------------------------------------------------------
    def gutter_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("（十）") + 6

    def compute_numbers(self) -> None:
        """Number the sub-headings and run-in leads as the exported document will."""
        counters = [0] * 6
        numbers = {}
        block = self.document().firstBlock()
        while block.isValid():
            data = block_data(block)
            level = 0
            if data is not None and block.text().strip():
                if data.kind == "heading" or (data.lead and data.level):
                    level = max(1, min(4, data.level))
            if level:
                counters[level] += 1
                for i in range(level + 1, len(counters)):
                    counters[i] = 0
                numbers[block.blockNumber()] = heading_number(level, counters[level])
            block = block.next()
        if numbers != self.numbers:
            self.numbers = numbers
            self.gutter.update()

    def paint_gutter(self, event) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), QColor("#f6f6f4"))
        painter.setPen(HEADING_FG)
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            number = self.numbers.get(block.blockNumber())
            if number and block.isVisible():
                painter.drawText(
                    0,
                    top + int(self.document().documentMargin()),
                    self.gutter.width() - 4,
                    height,
                    Qt.AlignmentFlag.AlignRight,
                    number,
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def _update_gutter(self, rect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    # ----- events -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            backwards = key == Qt.Key.Key_Backtab
            if self.next_blank(backwards):
                return
            event.ignore()
            self.focusNextPrevChild(not backwards)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._split_block()
            return
        super().keyPressEvent(event)

    def _split_block(self) -> None:
        """Enter: the block's id and kind stay with the part that has the text."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        block = cursor.block()
        at_start = cursor.positionInBlock() == 0 and block.text() != ""
        data = block_data(block)
        cursor.insertBlock()
        if at_start and data is not None:
            block.setUserData(ParaData(new_id()))
            cursor.block().setUserData(data.copy())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _on_changed(self) -> None:
        if self._loading:
            return
        self.compute_numbers()
        self.changed.emit()
        self._debounce.start()

    def _on_cursor(self) -> None:
        pid = self.current_paragraph_id()
        if pid != self._current_pid and not self._loading:
            self._current_pid = pid
            self.currentParagraphChanged.emit(pid)


def _full_text(p: Paragraph) -> str:
    return (p.text if p.kind == "heading" else p.lead + p.text).strip()


def _split_lead(text: str, lead: str) -> str:
    """The run-in heading at the start of a body paragraph's text ("" if none)."""
    if not lead:
        return ""
    if text.startswith(lead):
        return lead
    # The lead was edited: it still runs up to the first full stop.
    stop = text.find("。")
    return text[: stop + 1] if 0 <= stop < len(text) - 1 else ""
