"""Where the user's files live (platformdirs), overridable with DRAFTER_HOME for tests."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "drafter"
APP_AUTHOR = "drafter"


def _platform_dir(kind: str) -> Path:
    """platformdirs' folder of that kind (imported only when DRAFTER_HOME does not say)."""
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, APP_AUTHOR))


def user_data_dir() -> Path:
    """Autosave/recovery files, the user's phrase library, the retrieval cache."""
    home = os.environ.get("DRAFTER_HOME")
    path = Path(home) / "data" if home else _platform_dir("data")
    _make(path)
    return path


def _make(path: Path) -> None:
    """Create a user folder if possible. A locked-down PC may refuse (read-only profile,
    full disk): the folder is still returned, and what writes there says it cannot
    (see :func:`writable`)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass


def writable(path: Path) -> str | None:
    """None if files can be written in the folder, else the reason (a probe file is
    created and removed)."""
    import tempfile

    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def user_config_dir() -> Path:
    """Preferences and window state."""
    home = os.environ.get("DRAFTER_HOME")
    path = Path(home) / "config" if home else _platform_dir("config")
    _make(path)
    return path


def user_cache_dir() -> Path:
    """Derived data, safe to delete: the word index, the retrieval index, passage caches.

    DRAFTER_CACHE overrides it (the test suite shares one cache across tests, as every
    entry is keyed by a fingerprint of what it was built from)."""
    explicit = os.environ.get("DRAFTER_CACHE")
    if explicit:
        path = Path(explicit)
        _make(path)
        return path
    home = os.environ.get("DRAFTER_HOME")
    path = Path(home) / "cache" if home else _platform_dir("cache")
    _make(path)
    return path
