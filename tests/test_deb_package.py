"""packaging/build-deb.sh: the .deb for 统信UOS/麒麟 (amd64) built from the bundle, inspected as
dpkg would install it: control fields, files and their owners, the desktop entry (valid,
Office, Chinese name, opens drafts), the icon, and a MIME type that tells drafts from other
JSON the way a file manager does."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import drafter
from drafter.core import storage
from drafter.core.model.skeleton import new_report

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parent.parent

DRAFT_TYPE = "application/x-drafter-draft"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture(scope="module")
def deb(bundle_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("deb")
    res = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-deb.sh"), str(bundle_dir), str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    path = out / f"drafter_{drafter.__version__}_amd64.deb"
    assert path.is_file(), sorted(p.name for p in out.iterdir())
    tree = out / "tree"
    subprocess.run(["dpkg-deb", "-R", str(path), str(tree)], check=True, timeout=600)
    return path, tree


def elf_files(folder: Path, core_only: bool = True) -> list[Path]:
    """The bundle's executables and shared libraries; with core_only, without the Qt plugins
    (and their helper libraries) that serve other platforms than X11."""
    out = []
    for f in folder.rglob("*"):
        if not f.is_file() or f.is_symlink():
            continue
        with f.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        rel = f.relative_to(folder).as_posix()
        if core_only and (
            (
                "/plugins/" in rel
                and "/platforms/libqxcb" not in rel
                and "xcbglintegrations" not in rel
            )
            or any(k in f.name for k in ("Wayland", "WlShell", "EglFs", "gdk", "gtk"))
        ):
            continue
        out.append(f)
    return out


def outside_libraries(folder: Path) -> set[str]:
    """Libraries the core binaries name (DT_NEEDED) that the bundle does not carry."""
    have = {f.name for f in folder.rglob("*.so*")}
    dump = subprocess.run(
        ["objdump", "-p", *map(str, elf_files(folder))], capture_output=True, text=True
    ).stdout
    needed = {line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")}
    return needed - have


def owner_package(lib: str) -> str:
    res = subprocess.run(["dpkg", "-S", f"*/{lib}"], capture_output=True, text=True)
    return res.stdout.split(":")[0] if res.returncode == 0 else ""


def glibc_versions(folder: Path) -> set[str]:
    dump = subprocess.run(
        ["objdump", "-T", *map(str, elf_files(folder, core_only=False))],
        capture_output=True,
        text=True,
    ).stdout
    return set(re.findall(r"GLIBC_(\d+(?:\.\d+)+)", dump))


def field(deb_path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb_path), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_control_fields(deb):
    path, tree = deb
    assert field(path, "Package") == "drafter"
    assert field(path, "Version") == drafter.__version__
    assert field(path, "Architecture") == "amd64"
    depends = {d.split()[0]: d for d in field(path, "Depends").split(", ")}
    # Every library the app's binaries load that the bundle does not carry comes from a
    # package it depends on (Qt plugins for other platforms - Wayland, eglfs, GTK theme -
    # are loaded only where their libraries are installed).
    needed = outside_libraries(tree / "opt" / "drafter")
    assert {"libc.so.6", "libGL.so.1", "libEGL.so.1", "libxcb.so.1"} <= needed, needed
    owners = {lib: owner_package(lib) for lib in needed}
    assert all(owners.values()), owners
    assert set(owners.values()) <= set(depends), (owners, depends)
    # glibc: at least the newest symbol version the binaries use.
    newest = max(
        glibc_versions(tree / "opt" / "drafter"), key=lambda v: tuple(map(int, v.split(".")))
    )
    assert depends["libc6"] == f"libc6 (>= {newest})"
    installed_kb = int(field(path, "Installed-Size"))
    on_disk_kb = (
        sum(
            f.stat().st_size
            for f in (tree / "opt").rglob("*")
            if f.is_file() and not f.is_symlink()
        )
        // 1024
    )
    assert on_disk_kb <= installed_kb < on_disk_kb * 1.2
    assert "法治政府建设年度报告" in field(path, "Description")


def test_contents_and_owners(deb):
    path, _ = deb
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    entries = {line.split()[5]: line for line in listing}
    for name in (
        "./opt/drafter/drafter",
        "./opt/drafter/drafter-app",
        "./opt/drafter/_internal/PySide6/Qt/translations/qtbase_zh_CN.qm",
        "./opt/drafter/_internal/templates/indicators.json",
        "./usr/share/applications/drafter.desktop",
        "./usr/share/icons/hicolor/scalable/apps/drafter.svg",
        "./usr/share/mime/packages/drafter.xml",
        "./usr/share/doc/drafter/copyright",
    ):
        assert name in entries, name
    assert "./usr/bin/drafter -> /opt/drafter/drafter" in "\n".join(listing)
    assert entries["./opt/drafter/drafter"].startswith("-rwxr-xr-x root/root")
    assert all(" root/root " in line for line in listing)
    # Nothing outside the app's own places.
    tops = {n.split("/")[1] for n in entries if n.count("/") > 1}
    assert tops == {"opt", "usr"}
    assert {n.split("/")[2] for n in entries if n.startswith("./usr/") and n.count("/") > 2} == {
        "bin",
        "share",
    }


def test_unpacked_app_runs(deb):
    _, tree = deb
    exe = tree / "opt" / "drafter" / "drafter"
    ver = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120)
    assert ver.returncode == 0 and ver.stdout.strip() == f"drafter {drafter.__version__}"
    # The desktop's caches are rebuilt by dpkg triggers (shared-mime-info, desktop-file-utils,
    # hicolor-icon-theme), so there are no maintainer scripts to leave state behind.
    assert sorted(p.name for p in (tree / "DEBIAN").iterdir()) == ["control"]


def test_desktop_entry_is_valid_and_opens_drafts(deb):
    _, tree = deb
    desktop = tree / "usr" / "share" / "applications" / "drafter.desktop"
    check = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Name[zh_CN]"] == "法治政府建设年度报告起草助手"
    assert "Office" in d["Categories"].split(";")
    assert d["Exec"] == "drafter gui %f"  # /usr/bin/drafter; %f: the double-clicked draft
    assert d["Icon"] == "drafter"
    assert DRAFT_TYPE in d["MimeType"].split(";")
    icon = tree / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "drafter.svg"
    assert icon.read_bytes() == (ROOT / "ui" / "drafter.svg").read_bytes()
    assert ET.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"


CLASSIFY = """
import sys
from PySide6.QtCore import QCoreApplication, QMimeDatabase
app = QCoreApplication([])
db = QMimeDatabase()
for f in sys.argv[1:]:
    print(db.mimeTypeForFile(f).name())
"""


def test_mime_type_tells_drafts_from_other_json(deb, tmp_path):
    _, tree = deb
    xml = tree / "usr" / "share" / "mime" / "packages" / "drafter.xml"
    root = ET.parse(xml).getroot()
    (mt,) = root.findall(f"{MIME_NS}mime-type")
    assert mt.get("type") == DRAFT_TYPE
    assert mt.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    # The database as the desktop builds it: freedesktop's types plus ours.
    system = "/usr/share/mime/packages/freedesktop.org.xml"
    assert shutil.which("update-mime-database") and os.path.isfile(system)
    mime = tmp_path / "share" / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(system, mime / "packages")
    shutil.copy(xml, mime / "packages" / "drafter.xml")
    subprocess.run(["update-mime-database", str(mime)], check=True, capture_output=True)

    report = new_report(organ="某区人民政府", year=2025)
    saved = storage.save_draft(report, tmp_path / f"年度报告{storage.DRAFT_SUFFIX}")
    renamed = tmp_path / "改名的草稿.json"
    shutil.copy(saved, renamed)
    other = tmp_path / "配置.json"
    other.write_text('{"name": "不是草稿", "schema_url": "x"}', encoding="utf-8")
    env = dict(
        os.environ, XDG_DATA_DIRS=str(tmp_path / "share"), XDG_DATA_HOME=str(tmp_path / "none")
    )
    res = subprocess.run(
        [sys.executable, "-c", CLASSIFY, str(saved), str(renamed), str(other)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == [DRAFT_TYPE, DRAFT_TYPE, "application/json"]
