"""Checking the draft: run the checks on a snapshot off the GUI thread, show the findings,
and jump from a finding to the paragraph (or section) it is about."""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject

from drafter.gui.page_ids import CHECK, META, OPENING


class CheckFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.result = None  # the last CheckResult

    def run(self) -> None:
        """Check a snapshot of the report off the GUI thread; show the findings."""
        w = self.window
        if w.report is None:
            return
        w.commit()
        snapshot = copy.deepcopy(w.report)
        if w.current_page != CHECK:
            w.show_page(CHECK)
        w.check_page.show_running()
        requirements_file = w.settings.requirements_file  # the reviewing office's, if chosen

        def work(_progress):
            from drafter.core.checks import run_checks
            from drafter.core.checks.requirements import load_requirements

            req = load_requirements(requirements_file) if requirements_file else None
            return run_checks(snapshot, requirements=req)

        def done(result) -> None:
            self.result = result
            w.check_page.show_result(result, w.skeleton)
            w.navigator.set_check_summary(result.count("error"), result.count("warning"))
            w.checked.emit(result)

        w.jobs.run(work, on_done=done, on_error=w.show_error, title="正在检查报告…", parent=w)

    def jump_to_finding(self, finding) -> None:
        """Show the paragraph (or section) a finding is about, its span selected."""
        w = self.window
        report = w.report
        if report is None:
            return
        if finding.paragraph:
            found = report.find_paragraph(finding.paragraph)
            if found is not None:
                section, _para = found
                w.show_page(section.id if section is not None else OPENING)
                w.section_page.editor.goto_paragraph(finding.paragraph, finding.start, finding.end)
                return
        key = finding.section
        if not key and finding.indicator:
            from drafter.core.model.indicators import load_catalog

            ind = load_catalog().get(finding.indicator)
            key = f"S1.{ind.area}" if ind else None
        target = report.find(key) if key else None
        if target is None and key:
            target = report.find(key.split(".")[0])
        w.show_page(target.id if target is not None else META)
