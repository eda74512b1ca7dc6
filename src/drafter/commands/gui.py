"""`drafter gui [DRAFT]` (and bare `drafter`): open the desktop app."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("gui", help="打开图形界面（默认）")
    p.add_argument("draft", nargs="?", metavar="DRAFT", help="要打开的草稿")
    p.set_defaults(func=run)


def run(args) -> int:
    from drafter.gui.app import run_app  # Qt is imported only here

    return run_app(args.draft)
