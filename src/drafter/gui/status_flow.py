"""Section statuses in the navigator (empty, in progress, missing indicators, done), kept up
to date as the clerk writes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from drafter.core.model.model import Section
from drafter.gui.status import LABELS, section_status


class StatusFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def present_indicators(self, section: Section) -> set[str] | None:
        """Indicator ids the section's text covers (None until the rules are warm)."""
        w = self.window
        if not w.indicators_ready:
            return None
        return w.detection.present(section)

    def refresh_status(self, section: Section) -> str:
        w = self.window
        node = w.skeleton.node(section.key) if w.skeleton else None
        status = section_status(w.report, section, node, self.present_indicators(section))
        w.navigator.set_status(section.id, status)
        return status

    def refresh_all(self) -> None:
        w = self.window
        for sec in w.report.walk():
            self.refresh_status(sec)

    def refresh_current(self) -> None:
        w = self.window
        section = w.section_page.section
        if w.report is None or section is None or section is w.opening_section:
            return
        w.section_page.commit()
        status = self.refresh_status(section)
        for sec in w.report.sections:  # a parent's status follows its areas
            if sec is not section and any(c is section for c in sec.walk()):
                self.refresh_status(sec)
        w.section_page.set_status_text(f"本节状态：{LABELS[status]}")
