"""Draft files: atomic save with a backup, loading with clear errors, autosave and recovery."""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.bounded_read import read_capped
from drafter.core.errors import DrafterError, DraftError
from drafter.core.model.draft_schema import parse_int, validate_draft
from drafter.core.model.model import Report
from drafter.core.paths import user_data_dir

DRAFT_SUFFIX = ".fzbg.json"
MAX_DRAFT_BYTES = 64 * 1024 * 1024


def atomic_write_bytes(
    path: Path,
    data: bytes,
    backup: bool = False,
    error: type[DrafterError] = DraftError,
    action: str = "保存",
) -> None:
    """Write data to path so that a crash at any point leaves the old or the new file.

    The bytes go to a temporary file in the same folder, are fsync'ed, and the temporary
    file replaces the target (keeping the old file's permissions); with ``backup`` the old
    file is first kept as ``path~`` by the same atomic path (a hard link, or a copy written
    to a temporary file and renamed), so a kill at any point leaves a loadable backup. A
    symlinked target is written through (the link stays); a read-only target is refused.
    Failures raise ``error`` naming the file and the reason.
    """
    path = Path(path)
    shown = str(path)
    path = _write_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise error(shown, f"{action}位置的文件夹不存在")
        if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
            raise error(shown, f"{action}失败：文件是只读的（请另存为其他文件，或取消只读属性）")
    except OSError as exc:
        raise error(shown, f"{action}失败：{write_reason(exc)}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise error(shown, f"无法在该位置写入文件（{write_reason(exc)}）") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(path))
        if backup and path.exists():
            keep_backup(path)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise error(shown, f"{action}失败：{write_reason(exc)}") from None


TEMP_SUFFIX = ".tmp"


def _temp_prefix(name: str) -> str:
    return f".{name[:40]}."  # 40 characters keep a temporary name within 255 bytes


def write_reason(exc: OSError) -> str:
    """Why a write failed, in the clerk's words."""
    import errno

    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return "磁盘空间不足（请清理磁盘或另存到其他位置）"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名过长（请换一个短一些的名字）"
    if exc.errno == errno.EROFS:
        return "该位置是只读的（请另存到其他位置）"
    if isinstance(exc, PermissionError):
        return "文件被占用或没有写入权限（如已在 WPS/Word 中打开，请先关闭）"
    return exc.strerror or str(exc)


def _write_target(path: Path) -> Path:
    """The file a save writes: a symlink's target (so the link is kept), else the path."""
    try:
        if path.is_symlink():
            return Path(os.path.realpath(path))
    except OSError:
        pass
    return path


def keep_backup(path: Path) -> None:
    """path~ becomes the current file, atomically: a hard link renamed over the old backup
    (no copy, no space needed), or where links are not possible a copy fsync'ed under a
    temporary name and renamed. A failure leaves the old backup as it was."""
    target = backup_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f"{_temp_prefix(path.name)}{os.getpid()}.{time.monotonic_ns()}.bak{TEMP_SUFFIX}"
    try:
        try:
            os.link(path, tmp)
        except OSError:
            with open(path, "rb") as src, open(tmp, "xb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass  # the backup is a courtesy; the save itself must go on (the old one stays)


STALE_TEMP_SECONDS = 120  # a write in progress takes well under a second


def remove_stale_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Remove temporary files an interrupted write left in folder (for one file name, or
    all), if older than a live write could be; returns what was removed."""
    removed = []
    prefix = _temp_prefix(name) if name else "."
    try:
        candidates = [
            f for f in Path(folder).iterdir()
            if f.name.startswith(prefix) and f.name.endswith(TEMP_SUFFIX)
        ]  # fmt: skip
    except OSError:
        return removed
    now = time.time()
    for f in candidates:
        try:
            if f.is_file() and not f.is_symlink() and now - f.stat().st_mtime > STALE_TEMP_SECONDS:
                f.unlink()
                removed.append(f)
        except OSError:
            continue
    return removed


def _file_mode(path: Path) -> int:
    """The old file's mode, or the one an ordinary new file gets (mkstemp makes it private)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_path(path: Path) -> Path:
    return Path(str(path) + "~")


def dumps(report: Report) -> bytes:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")


def save_draft(report: Report, path: str | Path) -> Path:
    path = Path(path)
    atomic_write_bytes(path, checked_dumps(report, path), backup=True)
    return path


def checked_dumps(report: Report, path: str | Path) -> bytes:
    """The draft's bytes, refused when the result could not be opened again (over the
    size cap that loading applies)."""
    data = dumps(report)
    if len(data) > MAX_DRAFT_BYTES:
        raise DraftError(
            str(path),
            f"保存失败：草稿过大（{len(data) // 1048576} MB，上限 {MAX_DRAFT_BYTES // 1048576} MB），"
            "保存后将无法再打开；请删去过长的内容",
        )
    return data


def load_draft(path: str | Path) -> Report:
    return load_draft_with_notes(path)[0]


def load_draft_with_notes(path: str | Path) -> tuple[Report, list[str]]:
    """The draft at path, validated against its schema, and notes on what was repaired
    (see core/model/draft_schema.py). Raises DraftError naming the file and the reason."""
    path = Path(path)
    name = str(path)
    raw = read_draft_bytes(path)
    data = parse_draft_json(raw, name)
    clean, notes = validate_draft(data, name)
    remove_stale_temps(path.parent, path.name)
    return Report.from_dict(clean, source=name), notes


def read_draft_bytes(path: Path) -> bytes:
    """A draft file's bytes: a regular file under the size cap, read in bounded chunks."""
    name = str(path)
    try:
        if not path.exists():
            raise DraftError(name, "文件不存在")
        if path.is_dir():
            raise DraftError(name, "这是一个文件夹，不是草稿文件")
    except OSError as exc:
        raise DraftError(name, f"无法读取（{write_reason(exc)}）") from None
    raw = read_capped(path, MAX_DRAFT_BYTES, "不是报告草稿", error=DraftError)
    if not raw.strip():
        raise DraftError(name, "文件是空的")
    return raw


def parse_draft_json(raw: bytes, name: str) -> object:
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_int=parse_int)
    except UnicodeDecodeError:
        raise DraftError(name, "不是报告草稿文件（不是 UTF-8 文本）") from None
    except json.JSONDecodeError as exc:
        raise DraftError(name, f"不是报告草稿文件（JSON 格式错误，第 {exc.lineno} 行）") from None
    except RecursionError:
        raise DraftError(name, "不是报告草稿文件（结构嵌套过深）") from None
    except ValueError as exc:
        raise DraftError(name, f"不是报告草稿文件（{str(exc)[:80]}）") from None


# ----- autosave and recovery -----------------------------------------------------------
#
# One recovery file per draft and per window: ``<digest of the draft path>[-<owner>]
# .autosave.json`` where owner is the window's token (see core/draft_lock.py), so two
# windows never share one, and the envelope names the process that wrote it, so that a
# live window's recovery file is not offered to another window as left behind.


@dataclass
class Recovery:
    """An autosaved draft found at start-up."""

    path: Path  # the recovery file
    draft_path: str  # the draft it belongs to ("" for a draft never saved)
    saved_at: float
    report: Report
    owner: str = ""  # the window token that wrote it
    pid: int = 0
    host: str = ""
    notes: list[str] = field(default_factory=list)  # repairs made on load


def _recovery_dir() -> Path:
    d = user_data_dir() / "recovery"
    d.mkdir(parents=True, exist_ok=True)
    return d


def recovery_path(draft_path: str | Path | None, owner: str = "") -> Path:
    import hashlib  # here, not at the top: OpenSSL's loading is not paid at every start-up

    key = str(Path(draft_path).resolve()) if draft_path else "untitled"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    tail = f"-{owner}" if owner else ""
    return _recovery_dir() / f"{digest}{tail}.autosave.json"


def autosave(report: Report, draft_path: str | Path | None, owner: str = "") -> Path:
    """Write the recovery copy of a dirty draft (never the draft file itself)."""
    from drafter.core.draft_lock import host_name

    try:
        target = recovery_path(draft_path, owner)
    except OSError as exc:
        folder = user_data_dir() / "recovery"
        raise DraftError(str(folder), f"自动保存失败：{write_reason(exc)}") from None
    envelope = {
        "draft_path": str(Path(draft_path).resolve()) if draft_path else "",
        "saved_at": time.time(),
        "owner": owner,
        "pid": os.getpid(),
        "host": host_name(),
        "report": report.to_dict(),
    }
    data = json.dumps(envelope, ensure_ascii=False).encode("utf-8")
    if len(data) > MAX_DRAFT_BYTES:
        raise DraftError(
            str(target), f"自动保存失败：草稿过大（上限 {MAX_DRAFT_BYTES // 1048576} MB）"
        )
    atomic_write_bytes(target, data, action="自动保存")
    return target


def discard_recovery(draft_path: str | Path | None, owner: str = "") -> None:
    try:
        recovery_path(draft_path, owner).unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # an unwritable data folder: nothing was autosaved there either


def find_recoveries(skip_owners: Iterable[str] = ()) -> list[Recovery]:
    """Autosaved drafts left behind by a session that did not close cleanly, newest first."""
    return scan_recoveries(skip_owners)[0]


def scan_recoveries(skip_owners: Iterable[str] = ()) -> tuple[list[Recovery], list[str]]:
    """(recoveries newest first, messages about bad recovery files set aside).

    Files written by a live process on this machine (another window still open) and by the
    owners in ``skip_owners`` are not offered. A recovery file that cannot be read or fails
    the draft schema is renamed to ``*.bad`` (kept for a look, never offered again)."""
    from drafter.core.draft_lock import host_name, pid_alive

    skip = set(skip_owners)
    out: list[Recovery] = []
    problems: list[str] = []
    try:
        files = sorted(_recovery_dir().glob("*.autosave.json"))
        remove_stale_temps(_recovery_dir())
    except OSError:
        return out, problems
    me, here = os.getpid(), host_name()
    for f in files:
        try:
            rec = read_recovery(f)
        except DraftError as exc:
            problems.append(_set_aside(f, exc.reason))
            continue
        if rec.owner and rec.owner in skip:
            continue
        if rec.pid and rec.pid != me and rec.host == here and pid_alive(rec.pid):
            continue
        out.append(rec)
    return sorted(out, key=lambda r: r.saved_at, reverse=True), problems


def read_recovery(f: Path) -> Recovery:
    """One recovery file, its envelope and report validated (DraftError naming the field)."""
    name = str(f)
    env = parse_draft_json(read_draft_bytes(f), name)
    if not isinstance(env, dict) or not isinstance(env.get("report"), dict):
        raise DraftError(name, "不是自动保存文件（缺少 report）")
    draft_path, saved_at = env.get("draft_path", ""), env.get("saved_at")
    if not isinstance(draft_path, str):
        raise DraftError(name, "draft_path: 应为字符串")
    if isinstance(saved_at, bool) or not isinstance(saved_at, int | float):
        raise DraftError(name, "saved_at: 应为数字")
    if not math.isfinite(saved_at):
        raise DraftError(name, "saved_at: 应为有限的数字")
    owner, pid, host = env.get("owner", ""), env.get("pid", 0), env.get("host", "")
    if not isinstance(owner, str) or not isinstance(host, str):
        raise DraftError(name, "owner/host: 应为字符串")
    if isinstance(pid, bool) or not isinstance(pid, int) or not 0 <= pid < 1 << 32:
        raise DraftError(name, "pid: 应为整数")
    clean, notes = validate_draft(env["report"], name)
    report = Report.from_dict(clean, source=name)
    return Recovery(f, draft_path, float(saved_at), report, owner, pid, host, notes)


def _set_aside(f: Path, reason: str) -> str:
    """Rename a bad recovery file out of the way; the message says where it went."""
    aside = f.with_name(f.name + ".bad")
    try:
        os.replace(f, aside)
        where = f"已移到 {aside}"
    except OSError:
        where = "无法移开（请手动删除）"
    return f"自动保存文件 {f.name} 已损坏（{reason}），{where}"
