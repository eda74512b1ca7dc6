"""Reading files within bounds: regular files only (a FIFO or a device would block or never
end), refused above a size cap before anything is read, and read in bounded chunks.

Used by the source readers (core/reading) and by draft storage; ``error`` is the
DrafterError subclass the caller's files are refused with.
"""

from __future__ import annotations

import stat
from pathlib import Path

from drafter.core.errors import DrafterError, InputError

READ_CHUNK = 1 << 20


def checked_size(path: Path, cap: int, beyond: str, error: type[DrafterError] = InputError) -> int:
    """The size of a source file, refusing a missing, empty, oversized or not regular one
    (a FIFO or a device would block or never end); ``error`` names the file, ``beyond``
    says why a file over ``cap`` bytes is refused."""
    name = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise error(name, f"无法读取（{exc.strerror}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise error(name, "这是一个文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        raise error(name, "不是普通文件（管道、设备等），无法读取")
    size = st.st_size
    if size == 0:
        raise error(name, "文件是空的")
    if size > cap:
        raise error(
            name, f"文件过大（{size / 1048576:.0f} MB），{beyond}（上限 {cap // 1048576} MB）"
        )
    return size


def read_capped(path: Path, cap: int, beyond: str, error: type[DrafterError] = InputError) -> bytes:
    """A regular file's bytes, read in bounded chunks and never more than ``cap`` (a file
    that grows while being read is refused like an oversized one)."""
    name = str(path)
    checked_size(path, cap, beyond, error)
    chunks: list[bytes] = []
    total = 0
    try:
        with path.open("rb") as fh:
            while True:
                chunk = fh.read(min(READ_CHUNK, cap + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > cap:
                    raise error(name, f"文件过大，{beyond}（上限 {cap // 1048576} MB）")
    except OSError as exc:
        raise error(name, f"无法读取（{exc.strerror}）") from None
    return b"".join(chunks)
