"""Shared test set-up: offscreen Qt, a private user-data home, the seed reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Test this checkout's sources (also in subprocesses), whatever drafter is installed.
sys.path.insert(0, str(ROOT / "src"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
)


@pytest.fixture(autouse=True)
def drafter_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data/config/cache folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120):
    """Run the installed CLI in a subprocess; returns CompletedProcess (text)."""
    import subprocess

    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=e,
        timeout=timeout,
    )
