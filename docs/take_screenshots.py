"""Screenshots of the real app for the README, taken under Xvfb.

    python docs/take_screenshots.py

re-runs itself inside ``xvfb-run`` (a 1280x860 virtual screen, the xcb platform) and saves
docs/start_page.png, docs/import_summary.png, docs/section_page.png, docs/navigator_menu.png,
docs/move_dialog.png and docs/check_page.png. It uses a private
DRAFTER_HOME so the user's own settings and drafts are neither read nor changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
SEED = "003_9cb397488837d2a1.txt"  # 渭南高新区 2020, has 版头 and figures


def outside() -> int:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env["QT_QPA_PLATFORM"] = "xcb"
    env.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="drafter-shots-"))
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x860x24", sys.executable, __file__, "--inside"]
    return subprocess.call(cmd, env=env)


def pump(app, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app, window, name: str) -> None:
    if hasattr(window, "statusBar"):
        window.statusBar().clearMessage()
    pump(app, 400)
    path = DOCS / name
    window.grab().save(str(path))
    print(f"saved {path}")


def shoot_screen(app, window, name: str) -> None:
    """The screen where the window is, popups (menus, dialogs) included."""
    pump(app, 400)
    frame = window.frameGeometry()
    shot = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    path = DOCS / name
    shot.save(str(path))
    print(f"saved {path}")


def wait_for(app, condition, seconds: float = 120) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the app")
        pump(app, 50)


def inside() -> int:
    from drafter.gui.app import make_app, open_window

    app = make_app()
    window = open_window()
    window.resize(1240, 820)
    window.move(0, 0)
    wait_for(app, lambda: window.indicators_ready and window.suggestions_ready)

    # A draft started from last year's report and saved, so the start page lists it.
    window.import_source(str(ROOT / "seeds" / SEED))
    window.jobs.wait()
    dialog = window.import_dialog
    dialog.resize(760, 600)
    shoot(app, dialog, "import_summary.png")
    dialog.accept()
    draft = Path(os.environ["DRAFTER_HOME"]) / "渭南高新区2021年度报告.fzbg.json"
    window.save_to(draft)
    window.settings.default_organ = "渭南高新区管委会"
    window.go_start()
    window.start_page.organ_edit.setText("渭南高新区管委会")
    shoot(app, window, "start_page.png")

    # Work area G: rolled-forward text with last year's figures marked, indicators ticking.
    window.open_draft(str(draft))
    section = window.report.find("S1.G")
    window.show_page(section.id)
    editor = window.section_page.editor
    stale = next(p for p in section.paragraphs if p.stale_figures)
    editor.goto_paragraph(stale.id, 0)
    wait_for(app, lambda: window.section_page.suggest_panel.listing.count() > 0)
    shoot(app, window, "section_page.png")

    # The navigator's context menu on S1, its 添加 list open: the areas the 2021 纲要 has
    # that last year's report lacked.
    from PySide6.QtCore import QPoint

    nav = window.navigator
    item = nav.items[window.report.find("S1").id]
    nav.setCurrentItem(item)
    window.structure_flow.update_actions()
    menu = window.structure_flow.navigator_menu(window.report.find("S1").id)
    menu.popup(nav.viewport().mapToGlobal(nav.visualItemRect(item).center()))
    pump(app, 300)
    add = menu.actions()[0]
    menu.setActiveAction(add)
    geometry = menu.actionGeometry(add)
    add.menu().popup(menu.mapToGlobal(QPoint(menu.width() - 4, geometry.top())))
    shoot_screen(app, window, "navigator_menu.png")
    add.menu().hide()
    menu.hide()

    # 移到…: a paragraph of S1.A about the 第一责任人 duties, on its way to S3.
    from drafter.gui.structure_actions import s3_paragraphs
    from drafter.gui.structure_flow import select_paragraphs

    pid = s3_paragraphs(window.report)[0]
    window.show_page(window.report.find_paragraph(pid)[0].id)
    select_paragraphs(window.section_page.editor, pid)
    move = window.structure_flow.open_move_dialog()
    move.choose(window.report.find("S3").id)
    shoot_screen(app, window, "move_dialog.png")
    move.reject()

    window.run_check()
    wait_for(app, lambda: window.check_result is not None)
    shoot(app, window, "check_page.png")
    window.dirty = False
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(inside() if "--inside" in sys.argv else outside())
