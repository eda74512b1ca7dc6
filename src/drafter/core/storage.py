"""Draft files: atomic save with a backup, loading with clear errors, autosave and recovery."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError, DraftError
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
    file is first copied to ``path~``. Failures raise ``error`` naming the file.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise error(str(path), f"{action}位置的文件夹不存在")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(str(path), f"无法在该位置写入文件（{exc.strerror}）") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(path))
        if backup and path.exists():
            try:
                shutil.copyfile(path, backup_path(path))
            except OSError:
                pass  # the backup is a courtesy; the save itself must go on
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        reason = exc.strerror or str(exc)
        if isinstance(exc, PermissionError):
            reason = "文件被占用或没有写入权限（如已在 WPS/Word 中打开，请先关闭）"
        raise error(str(path), f"{action}失败：{reason}") from None


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
    atomic_write_bytes(path, dumps(report), backup=True)
    return path


def load_draft(path: str | Path) -> Report:
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DraftError(name, "文件不存在")
    if path.is_dir():
        raise DraftError(name, "这是一个文件夹，不是草稿文件")
    try:
        size = path.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(name, f"文件过大（{size // (1024 * 1024)} MB），不是报告草稿")
        raw = path.read_bytes()
    except OSError as exc:
        raise DraftError(name, f"无法读取（{exc.strerror}）") from None
    if not raw.strip():
        raise DraftError(name, "文件是空的")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DraftError(name, "不是报告草稿文件（不是 UTF-8 文本）") from None
    except json.JSONDecodeError as exc:
        raise DraftError(name, f"不是报告草稿文件（JSON 格式错误，第 {exc.lineno} 行）") from None
    except RecursionError:
        raise DraftError(name, "不是报告草稿文件（结构嵌套过深）") from None
    return Report.from_dict(data, source=name)


# ----- autosave and recovery -----------------------------------------------------------


@dataclass
class Recovery:
    """An autosaved draft found at start-up."""

    path: Path  # the recovery file
    draft_path: str  # the draft it belongs to ("" for a draft never saved)
    saved_at: float
    report: Report


def _recovery_dir() -> Path:
    d = user_data_dir() / "recovery"
    d.mkdir(parents=True, exist_ok=True)
    return d


def recovery_path(draft_path: str | Path | None) -> Path:
    import hashlib  # here, not at the top: OpenSSL's loading is not paid at every start-up

    key = str(Path(draft_path).resolve()) if draft_path else "untitled"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return _recovery_dir() / f"{digest}.autosave.json"


def autosave(report: Report, draft_path: str | Path | None) -> Path:
    """Write the recovery copy of a dirty draft (never the draft file itself)."""
    target = recovery_path(draft_path)
    envelope = {
        "draft_path": str(Path(draft_path).resolve()) if draft_path else "",
        "saved_at": time.time(),
        "report": report.to_dict(),
    }
    atomic_write_bytes(target, json.dumps(envelope, ensure_ascii=False).encode("utf-8"))
    return target


def discard_recovery(draft_path: str | Path | None) -> None:
    try:
        recovery_path(draft_path).unlink()
    except FileNotFoundError:
        pass


def find_recoveries() -> list[Recovery]:
    """Autosaved drafts left behind by a session that did not close cleanly, newest first."""
    out = []
    for f in _recovery_dir().glob("*.autosave.json"):
        try:
            env = json.loads(f.read_text(encoding="utf-8"))
            report = Report.from_dict(env["report"], source=str(f))
            out.append(Recovery(f, env.get("draft_path", ""), float(env["saved_at"]), report))
        except (OSError, ValueError, KeyError, TypeError, DraftError):
            continue
    return sorted(out, key=lambda r: r.saved_at, reverse=True)
