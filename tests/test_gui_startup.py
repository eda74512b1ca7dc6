"""The window appears before jieba has loaded; jieba and the phrase index load in the background."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from drafter.core.model import tokenizer
from drafter.gui.app import make_app, open_window

app = make_app()
window = open_window()
print("shown", window.isVisible(), "jieba", tokenizer.is_loaded(), flush=True)

def ready(what):
    if window.indicators_ready and window.suggestions_ready:
        print("warm", "jieba", tokenizer.is_loaded(), flush=True)
        window.close()

window.warmedUp.connect(ready)
QTimer.singleShot(120000, app.quit)
sys.exit(app.exec())
"""


def test_window_shows_before_jieba_loads(drafter_home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=str(drafter_home))
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=180
    )
    lines = out.stdout.splitlines()
    assert lines[0] == "shown True jieba False", out.stderr[-2000:]
    assert lines[1] == "warm jieba True"
    assert out.returncode == 0
