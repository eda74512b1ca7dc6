"""Suggested phrasing: passages from the phrase library ranked for the section and the paragraph
under the cursor, inserted as templates whose "【填：…】" blanks Tab walks through.

Queries run on the job pool (never on the GUI thread); only the newest answer is shown. Each
query carries the draft (core/draft_context.DraftView), so the clerk's own source report and
text already in the draft never come back; each suggestion shows its source and year.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton

from drafter.core.library.draft_context import DraftView
from drafter.core.library.suggestion import Suggestion
from drafter.gui.jobs import Jobs

ROLE = Qt.ItemDataRole.UserRole
MAX_QUERY = 200


def source_label(s: Suggestion) -> str:
    """Where a suggestion comes from, with its year ("静海区2019年度报告")."""
    if s.year:
        return s.source if str(s.year) in s.source else f"{s.source}（{s.year}年度）"
    return s.source


class SuggestPanel(QObject):
    """Drives the 参考表述 tab's widgets (list, status line, insert button)."""

    insertRequested = Signal(str)
    updated = Signal()  # a new list of suggestions is shown

    def __init__(self, jobs: Jobs, listing: QListWidget, status: QLabel, button: QPushButton):
        super().__init__(listing)
        self.jobs = jobs
        self.listing = listing
        self.status = status
        self.button = button
        self.ready = False
        self.enabled = True
        self._serial = 0
        self._pending: tuple[str, str | None, str | None, DraftView | None] | None = None
        self.status.setText("正在载入表述库……（载入完成前可照常撰写）")
        self.button.clicked.connect(self.insert_current)
        self.listing.itemDoubleClicked.connect(lambda _item: self.insert_current())
        self.listing.currentItemChanged.connect(
            lambda cur, _prev: self.button.setEnabled(cur is not None)
        )
        self.button.setEnabled(False)
        self.listing.setSpacing(4)

    def set_ready(self) -> None:
        self.ready = True
        if self._pending is not None:
            self.request(*self._pending)

    def request(
        self,
        query: str,
        section: str | None,
        area: str | None,
        draft: DraftView | None = None,
    ) -> None:
        """Ask for suggestions for this text in this section of this draft (latest request
        wins)."""
        self._pending = (query, section, area, draft)
        if not self.enabled:
            self.status.setText("参考表述已在设置中关闭。")
            return
        if not self.ready:
            return
        self._serial += 1
        serial = self._serial
        query = query[-MAX_QUERY:]

        def work(_progress):
            from drafter.core.library.retrieval import default_suggester

            return default_suggester().suggest(
                query, section=section, area=area, n=8, wait=False, draft=draft
            )

        self.jobs.run(
            work,
            on_done=lambda result: self._show(serial, result, bool(query.strip())),
            on_error=lambda exc, _tb: self._failed(serial, exc),
        )

    def _show(self, serial: int, suggestions, by_text: bool) -> None:
        if serial != self._serial:
            return  # an older answer: a newer question is on its way
        self.listing.clear()
        for s in suggestions:
            item = QListWidgetItem(f"{s.template}\n（来源：{source_label(s)}）")
            item.setData(ROLE, s.template)
            item.setToolTip(s.text)
            self.listing.addItem(item)
        if suggestions:
            where = "光标所在段落" if by_text else "本节"
            self.status.setText(
                f"按{where}排序的参考表述。双击或点“插入”，年份、数字、机关名称留作待填。"
            )
        else:
            self.status.setText("没有找到相近的表述。")
        self.updated.emit()

    def _failed(self, serial: int, exc: BaseException) -> None:
        if serial == self._serial:
            self.status.setText(f"参考表述暂不可用：{exc}")

    def insert_current(self) -> None:
        item = self.listing.currentItem()
        if item is not None:
            self.insertRequested.emit(item.data(ROLE))
