"""Screenshots of the real app for the README, taken under Xvfb.

    python docs/take_screenshots.py

re-runs itself inside ``xvfb-run`` (a 1280x860 virtual screen, the xcb platform) and saves
docs/start_page.png, docs/section_page.png and docs/check_page.png. It uses a private
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
    pump(app, 400)
    path = DOCS / name
    window.grab().save(str(path))
    print(f"saved {path}")


def open_section_page(app, window) -> None:
    """A report started from a seed, on work area G with some text typed."""
    window.new_report("渭南高新区管委会", "gov", 2021, "standard")
    target = next(s for s in window.report.walk() if s.key == "S1.G")
    window.show_page(target.id)
    editor = window.section_page.editor
    editor.insert_paragraph("全年共收到行政复议申请【填：数字】件，依法受理【填：数字】件。")


def inside() -> int:
    from drafter.gui.app import make_app, open_window

    app = make_app()
    window = open_window()
    window.resize(1240, 820)
    window.move(0, 0)
    shoot(app, window, "start_page.png")
    open_section_page(app, window)
    shoot(app, window, "section_page.png")
    window.show_page("check")
    shoot(app, window, "check_page.png")
    window.dirty = False
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(inside() if "--inside" in sys.argv else outside())
