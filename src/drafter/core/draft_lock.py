"""One window per draft: a lock file beside the draft naming its owner.

The lock is ``.~lock.<name>#`` in the draft's folder (hidden, as office suites name theirs),
a small JSON object: the owner's pid, host, window token, user and when it was taken. It is
created with O_EXCL, so two windows (of one app or of two) cannot both hold it. A lock whose
owner is gone — same host and the pid no longer runs, or a file that is not a lock at all —
is stale and is taken over. A lock held by another host is respected (its process cannot be
checked from here). A folder where no lock can be written (a read-only share) is opened
without one; saving there would fail anyway and says so.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

MAX_LOCK_BYTES = 4096


def host_name() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def lock_path(draft: str | Path) -> Path:
    p = Path(draft)
    name = p.name
    if len(name.encode("utf-8")) > 180:  # keep the lock's own name within 255 bytes
        import hashlib  # only here: OpenSSL's loading is not paid at every start-up

        name = name[:40] + "-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return p.with_name(f".~lock.{name}#")


@dataclass(frozen=True)
class Owner:
    pid: int
    host: str
    token: str  # the window holding the draft
    user: str = ""
    since: float = 0.0

    def describe(self) -> str:
        when = time.strftime("%H:%M", time.localtime(self.since)) if self.since else ""
        who = self.user or "另一用户"
        where = "本机" if self.host == host_name() else f"计算机 {self.host or '未知'}"
        return f"{who}在{where}（进程 {self.pid}{'，' + when + ' 起' if when else ''}）"

    def to_dict(self) -> dict:
        return {"pid": self.pid, "host": self.host, "token": self.token, "user": self.user,
                "since": self.since}  # fmt: skip


def current_owner(token: str) -> Owner:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises several kinds where no user is set
        user = ""
    return Owner(os.getpid(), host_name(), token, user, time.time())


def read_owner(lock: Path) -> Owner | None:
    """The owner written in a lock file, or None when the file is not a valid lock."""
    try:
        with open(lock, "rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES + 1)
        d = json.loads(raw.decode("utf-8"))
        pid, host, token = d["pid"], d["host"], d["token"]
        if not (isinstance(pid, int) and isinstance(host, str) and isinstance(token, str)):
            return None
        user, since = d.get("user", ""), d.get("since", 0.0)
        return Owner(pid, host, token, user if isinstance(user, str) else "",
                     float(since) if isinstance(since, int | float) else 0.0)  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_stale(owner: Owner | None) -> bool:
    """A lock nobody holds any more: unreadable, or its process is gone from this host."""
    if owner is None:
        return True
    if owner.host != host_name():
        return False
    if owner.pid == os.getpid():
        return False  # another window of this app: it says itself when it closes
    return not pid_alive(owner.pid)


class DraftLocked(Exception):
    """The draft is open in another window (of this app or another instance)."""

    def __init__(self, draft: Path, owner: Owner):
        super().__init__(f"{draft}: 已在其他窗口中打开（{owner.describe()}）")
        self.draft = draft
        self.owner = owner


@dataclass
class DraftLock:
    """A held lock (or, with ``held`` False, the note that none could be written)."""

    draft: Path
    path: Path
    owner: Owner
    held: bool = True
    reason: str = ""

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        current = read_owner(self.path)
        if current is not None and current.token != self.owner.token:
            return  # taken over meanwhile (our lock was judged stale): not ours to remove
        try:
            self.path.unlink()
        except OSError:
            pass

    def still_ours(self) -> bool:
        """Whether the lock file still names this owner (checked before every save)."""
        if not self.held:
            return True
        current = read_owner(self.path)
        return current is not None and current.token == self.owner.token


def acquire(draft: str | Path, token: str) -> DraftLock:
    """Take the draft's lock for the window ``token``; raises DraftLocked when a live owner
    holds it. A stale lock is taken over."""
    draft = Path(os.path.realpath(draft))  # one lock whatever link the file is opened by
    lock = lock_path(draft)
    me = current_owner(token)
    data = json.dumps(me.to_dict()).encode("utf-8")
    for _attempt in range(3):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            owner = read_owner(lock)
            if owner is not None and owner.token == token:
                return DraftLock(draft, lock, me)
            if not is_stale(owner):
                raise DraftLocked(draft, owner) from None
            try:
                lock.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                return DraftLock(draft, lock, me, held=False, reason=exc.strerror or str(exc))
            continue
        except OSError as exc:  # a read-only folder, a name too long: open without a lock
            return DraftLock(draft, lock, me, held=False, reason=exc.strerror or str(exc))
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        return DraftLock(draft, lock, me)
    owner = read_owner(lock)
    if owner is not None:
        raise DraftLocked(draft, owner)
    return DraftLock(draft, lock, me, held=False, reason="锁文件反复被占用")
