"""core/ never imports Qt: importing every core module in a fresh interpreter loads no Qt."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import drafter.core as core
for m in pkgutil.walk_packages(core.__path__, "drafter.core."):
    importlib.import_module(m.name)
bad = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(",".join(bad))
"""


def test_core_imports_no_qt():
    res = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""
