"""The wheel and the pyinstaller bundle both carry and find templates/, ui/ and seeds/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FIND = (
    "import drafter, drafter.resources as r, json;"
    "from drafter.core.library.seeds import load_seeds;"
    "print(json.dumps({'pkg': drafter.__file__, 'templates': str(r.templates_dir()),"
    " 'seeds': str(r.seeds_dir()), 'ui': str(r.ui_dir()), 'n': len(load_seeds()),"
    " 'seed_ok': all(s.path.is_file() for s in load_seeds())}))"
)


def test_installed_wheel_finds_its_data(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("drafter-*.whl")
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "src"
    missing = [
        str(p.relative_to(src)) for p in src.rglob("*.py") if str(p.relative_to(src)) not in names
    ]
    assert missing == [], (
        f"modules missing from the wheel (add their package to pyproject.toml): {missing}"
    )
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    res = subprocess.run(
        [sys.executable, "-c", FIND],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    assert got["pkg"].startswith(str(target))
    for key in ("templates", "seeds", "ui"):
        assert got[key].startswith(str(target / "drafter" / "data")), got
    assert got["n"] == 5 and got["seed_ok"]
    assert (target / "drafter" / "data" / "templates" / "skeletons" / "standard.json").is_file()
    cli = subprocess.run(
        [sys.executable, "-m", "drafter", "skeletons", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert cli.returncode == 0 and {s["id"] for s in json.loads(cli.stdout)} >= {
        "standard",
        "brief",
    }


@pytest.mark.bundle
def test_bundle_builds_and_runs(bundle_dir, tmp_path):
    dist = bundle_dir.parent
    exe = dist / "drafter" / "drafter"
    assert exe.is_file()
    ver = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert ver.returncode == 0 and ver.stdout.startswith("drafter "), ver.stderr
    sk = subprocess.run(
        [str(exe), "skeletons", "--json"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert sk.returncode == 0, sk.stderr
    assert [s["id"] for s in json.loads(sk.stdout)][:3] == ["standard", "gangyao2015", "brief"]
    internal = dist / "drafter" / "_internal"
    assert (internal / "seeds" / "seeds.json").is_file()
    assert (internal / "templates" / "indicators.json").is_file()
    assert (internal / "jieba" / "dict.txt").is_file()
    # Qt's Chinese catalog and the app's icon travel with the bundle.
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    assert (internal / "ui" / "drafter.svg").is_file()
    assert (internal / "templates" / "qt_zh_CN_supplement.json").is_file()
    # The bundle does real work on its own data: import a seed (jieba, mapping), export it
    # (layout profile, title breaking) and check it (indicator catalog).
    seed = internal / "seeds" / "003_9cb397488837d2a1.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    imp = subprocess.run(
        [str(exe), "import", str(seed), "-o", str(tmp_path / "d.json"), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert imp.returncode == 0, imp.stderr
    assert json.loads(imp.stdout)["metadata"]["doc_number"] == "渭高新字〔2021〕1号"
    exp = subprocess.run(
        [str(exe), "export", str(tmp_path / "d.json"), "-o", str(tmp_path / "o.docx")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert exp.returncode == 0, exp.stderr
    assert (tmp_path / "o.docx").stat().st_size > 5000
    chk = subprocess.run(
        [str(exe), "check", str(seed), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert chk.returncode in (0, 1), chk.stderr
    assert "S1" in chk.stdout
    # The bundled GUI starts (Qt plugins, Designer forms, fonts) and keeps running.
    gui_env = dict(env, QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=str(tmp_path / "home"))
    gui = subprocess.Popen(
        [str(exe), "gui"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=gui_env,
    )
    try:
        gui.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    alive = gui.poll() is None
    gui.kill()
    _, err = gui.communicate(timeout=30)
    assert alive, f"the bundled GUI exited: {err[-2000:]}"
    assert "Traceback" not in err and "Error" not in err, err[-2000:]
    assert "qtbase_zh_CN" not in err, err[-2000:]  # the bundled app found Qt's Chinese catalog
