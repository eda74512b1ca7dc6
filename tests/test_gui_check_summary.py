"""The check page's one-line summary tells the clerk whether the report may go out."""

from __future__ import annotations

from drafter.core.checks import CheckResult
from drafter.core.checks.finding import Finding
from drafter.gui.check_page import CheckPage


def show(qtbot, findings) -> str:
    page = CheckPage()
    qtbot.addWidget(page)
    page.show_result(CheckResult(findings=findings, sections={}, indicators={}), None)
    return page.summary.text()


def test_summary_without_errors_does_not_ask_to_correct_errors(qtbot):
    warning = Finding("halfwidth-punct", "warning", "中文正文使用全角标点", section="S2")
    text = show(qtbot, [warning])
    assert text.startswith("共发现：提醒 1 项。")
    assert "错误须改正" not in text and "没有错误" in text


def test_summary_with_an_error_asks_to_correct_it(qtbot):
    error = Finding("S2-missing", "error", "缺少“存在的不足和原因”", section="S2")
    text = show(qtbot, [error])
    assert "错误 1 项" in text and "错误须改正后再报送" in text
