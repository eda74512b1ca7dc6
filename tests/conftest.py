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


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory) -> Path:
    """The one-folder pyinstaller bundle, built once per test session by packaging/build.sh
    with this interpreter (which has the bundle extra): <tmp>/dist/drafter."""
    import subprocess

    base = tmp_path_factory.mktemp("bundle")
    dist, work = base / "dist", base / "work"
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh"), str(dist), str(work)],
        capture_output=True,
        text=True,
        timeout=1500,
        env=dict(os.environ, PYTHON=sys.executable),
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-4000:]
    return dist / "drafter"


# PySide6 can abort CPython while the interpreter tears down leftover Qt wrappers after the
# last test ("Fatal Python error: bool_dealloc"), turning a passed run into exit code 134.
# The results are final by then: leave with pytest's own exit status once it has reported.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _EXIT_STATUS and "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
