"""The phrase library in the background: warm-up of jieba, the indicator rules and the
suggestion index after the window shows, and the index rebuilt when the library changes."""

from __future__ import annotations

from PySide6.QtCore import QObject


class LibraryFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def warm_up(self) -> None:
        """Load jieba, the indicator rules and the phrase index off the GUI thread."""
        w = self.window

        def indicators(_progress):
            from drafter.core.model.indicators import warm_up

            warm_up()

        def suggestions(_progress):
            from drafter.core.library.retrieval import warm_up

            warm_up()

        def indicators_done(_result) -> None:
            w.indicators_ready = True
            if w.workspace is not None:
                w.section_page.indicators_ready = True
            if w.report is not None:
                w.refresh_all_statuses()
                w.section_page.refresh_indicators()
            w.warmedUp.emit("indicators")

        def suggestions_done(_result) -> None:
            w.suggestions_ready = True
            if w.workspace is not None:
                w.section_page.suggest_panel.set_ready()
            w.warmedUp.emit("suggestions")

        def failed(exc, tb) -> None:
            w.statusBar().showMessage(f"参考表述库载入失败：{exc}", 10000)

        w.jobs.run(indicators, on_done=indicators_done, on_error=failed)
        w.jobs.run(suggestions, on_done=suggestions_done, on_error=failed)

    def reload_library(self) -> None:
        """The phrase library changed: rebuild the suggestion index off the GUI thread."""
        w = self.window

        def work(_progress):
            from drafter.core.library.retrieval import default_suggester

            suggester = default_suggester()
            from drafter.core.library.corpus import Library

            suggester.library = Library.open()
            suggester.invalidate()
            suggester.ensure_index()

        def done(_result) -> None:
            if w.workspace is not None:
                w.section_page.ask_suggestions()

        w.jobs.run(work, on_done=done, on_error=w.show_error)
