"""The start page: 新建报告, 从去年报告开始, 打开草稿, recent drafts, and a recovered autosave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from drafter.core.model.skeleton import all_skeletons, skeleton_for_year
from drafter.core.storage import Recovery
from drafter.gui.uiload import child, embed_ui

KINDS = [("gov", "人民政府（地方各级政府）"), ("dept", "政府部门")]


def default_year(today: dt.date | None = None) -> int:
    """The year a clerk is most likely reporting on: reports are drafted from November
    (the year's work nearly done) to March (due before 3月1日 / 4月1日)."""
    today = today or dt.date.today()
    return today.year if today.month >= 11 else today.year - 1


class StartPage(QWidget):
    createRequested = Signal(str, str, int, str)  # organ, kind, year, skeleton id
    importRequested = Signal()
    openRequested = Signal()
    recentRequested = Signal(str)
    restoreRequested = Signal(object)  # Recovery
    discardRequested = Signal(object)  # Recovery

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = embed_ui("start_page", self)
        f = self.form
        self.organ_edit = child(f, QLineEdit, "organEdit")
        self.kind_combo = child(f, QComboBox, "kindCombo")
        self.year_spin = child(f, QSpinBox, "yearSpin")
        self.skeleton_combo = child(f, QComboBox, "skeletonCombo")
        self.skeleton_hint = child(f, QLabel, "skeletonHint")
        self.create_button = child(f, QPushButton, "createButton")
        self.recent_list = child(f, QListWidget, "recentList")
        self.recovery_box = child(f, QGroupBox, "recoveryBox")
        self.recovery_label = child(f, QLabel, "recoveryLabel")
        self.requirements_label = child(f, QLabel, "requirementsLabel")
        self.requirements_label.hide()
        self.recovery: Recovery | None = None

        for kind, label in KINDS:
            self.kind_combo.addItem(label, kind)
        self.skeletons = {s.id: s for s in all_skeletons()}
        for sk in self.skeletons.values():
            self.skeleton_combo.addItem(sk.name, sk.id)
        self.year_spin.setValue(default_year())
        self.year_spin.valueChanged.connect(self._year_changed)
        self.skeleton_combo.currentIndexChanged.connect(self._skeleton_changed)
        self._year_changed(self.year_spin.value())

        self.kind_chosen = False  # the clerk picked a kind: stop guessing it from the name
        self.kind_combo.activated.connect(lambda _i: setattr(self, "kind_chosen", True))
        self.organ_edit.textEdited.connect(self._guess_kind)
        self.create_button.clicked.connect(self._create)
        self.organ_edit.returnPressed.connect(self._create)
        child(f, QPushButton, "importButton").clicked.connect(self.importRequested)
        child(f, QPushButton, "openButton").clicked.connect(self.openRequested)
        self.recent_list.itemActivated.connect(
            lambda item: self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        child(f, QPushButton, "restoreButton").clicked.connect(
            lambda: self.recovery and self.restoreRequested.emit(self.recovery)
        )
        child(f, QPushButton, "discardRecoveryButton").clicked.connect(
            lambda: self.recovery and self.discardRequested.emit(self.recovery)
        )
        self.recovery_box.hide()

    def set_defaults(self, organ: str, kind: str) -> None:
        """The settings' default organ and kind, unless the clerk has entered an organ
        (its kind, chosen or guessed, stays with it)."""
        if self.organ_edit.text():
            return
        self.organ_edit.setText(organ)
        i = self.kind_combo.findData(kind)
        if i >= 0:
            self.kind_combo.setCurrentIndex(i)

    def set_requirements(self, name: str) -> None:
        """The reviewing office's requirements in use ("" = none): new reports follow them."""
        self.requirements_label.setText(f"审核部门要求：{name}（新建报告按其提纲，检查按其要求）")
        self.requirements_label.setVisible(bool(name))
        self.skeleton_combo.setEnabled(not name)

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for p in paths:
            path = Path(p)
            if not path.exists():
                continue
            name = path.name.removesuffix(".json").removesuffix(".fzbg")
            when = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%m月%d日 %H:%M")
            item = QListWidgetItem(f"{name}　　修改于 {when}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            item = QListWidgetItem("（还没有保存过草稿）")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)

    def set_recovery(self, recovery: Recovery | None) -> None:
        self.recovery = recovery
        if recovery is None:
            self.recovery_box.hide()
            return
        when = dt.datetime.fromtimestamp(recovery.saved_at).strftime("%Y年%m月%d日 %H:%M")
        name = Path(recovery.draft_path).name if recovery.draft_path else "未命名草稿"
        title = recovery.report.metadata.title or recovery.report.metadata.organ
        self.recovery_label.setText(
            f"程序上次没有正常关闭。{when} 自动保存了《{title}》（{name}）的未保存修改，可以恢复后继续编辑。"
        )
        self.recovery_box.show()

    def _guess_kind(self, organ: str) -> None:
        """人民政府/管委会/区县 → 人民政府; 局/办/委… → 政府部门 (core's one rule)."""
        if self.kind_chosen:
            return
        from drafter.core.reading.front_matter import organ_kind

        i = self.kind_combo.findData(organ_kind(organ))
        if i >= 0:
            self.kind_combo.setCurrentIndex(i)

    def _year_changed(self, year: int) -> None:
        i = self.skeleton_combo.findData(skeleton_for_year(year))
        if i >= 0:
            self.skeleton_combo.setCurrentIndex(i)
        self._skeleton_changed()

    def _skeleton_changed(self, *_args) -> None:
        sk = self.skeletons.get(self.skeleton_combo.currentData())
        self.skeleton_hint.setText(sk.description if sk else "")

    def _create(self) -> None:
        organ = self.organ_edit.text().strip()
        if not organ:
            self.organ_edit.setFocus()
            self.organ_edit.setPlaceholderText("请先填写机关名称")
            return
        self.createRequested.emit(
            organ,
            self.kind_combo.currentData(),
            self.year_spin.value(),
            self.skeleton_combo.currentData(),
        )
