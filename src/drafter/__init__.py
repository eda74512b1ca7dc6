"""法治政府建设年度报告起草助手 — a drafting assistant for the annual rule-of-law government report."""

__version__ = "0.1.0"
