"""Walking the report's sections: previous/next, by id, depth, and find across sections."""

from __future__ import annotations

from PySide6.QtCore import QObject

from drafter.core.model.model import Section
from drafter.gui.page_ids import CHECK, META


class SectionWalk(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def step(self, step: int) -> None:
        w = self.window
        current = w.current_page if w.current_page not in (META, CHECK) else ""
        target = w.navigator.neighbour(current, step) if current else w.navigator.order[0]
        if target:
            w.show_page(target)

    def depth(self, section: Section) -> int:
        """1 for a top-level section, 2 for a work area inside it, and so on."""
        w = self.window

        def depth_in(sections: list[Section], level: int) -> int:
            for s in sections:
                if s is section:
                    return level
                found = depth_in(s.children, level + (1 if s.heading else 0))
                if found:
                    return found
            return 0

        return depth_in(w.report.sections, 1) if w.report else 1

    def by_id(self, section_id: str) -> Section | None:
        w = self.window
        if w.report is None:
            return None
        return next((s for s in w.report.walk() if s.id == section_id), None)

    def find(self) -> None:
        w = self.window
        if w.report is None:
            return
        if w.pages.currentWidget() is not w.section_page:
            self.step(1)
        w.section_page.show_find(w.section_page.editor.textCursor().selectedText())

    def find_in_next_sections(self, needle: str) -> None:
        """Continue a search in the sections after this one, wrapping round to this one."""
        w = self.window
        w.commit()
        order = list(w.navigator.order)
        here = w.current_page if w.current_page in order else None
        start = order.index(here) + 1 if here else 0
        candidates = order[start:] + order[:start]
        for sid in candidates:
            section = self.by_id(sid)
            if section is not None and any(needle in p.lead + p.text for p in section.paragraphs):
                wrapped = here is not None and order.index(sid) <= order.index(here)
                if sid != w.current_page:
                    w.show_page(sid)
                w.section_page.find_from_start(needle, "已从头继续查找" if wrapped else "")
                return
        w.section_page.find_from_start(needle)
