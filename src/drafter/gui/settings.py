"""User preferences, declared once with type and default, kept as JSON in the config dir.

Window geometry and splitter state are not preferences: they live apart in
``window_state.json`` (see :class:`WindowState`), so resetting one never loses the other.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from drafter.core.paths import user_config_dir
from drafter.core.storage import atomic_write_bytes

MAX_RECENT = 8
FONT_SETS = {
    "gb2312": "仿宋_GB2312 / 方正小标宋（公文标准字体）",
    "common": "仿宋 / 黑体（常见字体）",
}


@dataclass
class Settings:
    """Every preference the user can change, with its type and default."""

    default_organ: str = ""
    default_kind: str = "gov"
    font_set: str = "gb2312"
    autosave_seconds: int = 30
    suggestions_on: bool = True
    requirements_file: str = ""  # a reviewing office's requirements file ("" = none)
    requirements_name: str = ""  # its name, shown on the start page
    recent_drafts: list[str] = field(default_factory=list)

    @staticmethod
    def path() -> Path:
        return user_config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The saved preferences; unknown keys are ignored, wrong types fall back to defaults."""
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        out = cls()
        if not isinstance(data, dict):
            return out
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(out, f.name)
            if isinstance(default, bool) and not isinstance(value, bool):
                continue
            if isinstance(default, int) and not isinstance(default, bool):
                if not isinstance(value, int) or isinstance(value, bool):
                    continue
            if isinstance(default, str) and not isinstance(value, str):
                continue
            if isinstance(default, list):
                if not isinstance(value, list):
                    continue
                value = [str(v) for v in value]
            setattr(out, f.name, value)
        out.autosave_seconds = max(1, out.autosave_seconds)
        if out.default_kind not in ("gov", "dept"):
            out.default_kind = "gov"
        if out.font_set not in FONT_SETS:
            out.font_set = "gb2312"
        return out

    def save(self) -> None:
        data = json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write_bytes(self.path(), data)

    def add_recent(self, draft_path: str | Path) -> None:
        p = str(Path(draft_path).resolve())
        self.recent_drafts = [p] + [r for r in self.recent_drafts if r != p]
        del self.recent_drafts[MAX_RECENT:]


class WindowState:
    """Main-window geometry and splitter positions (bytes from Qt), kept apart from Settings."""

    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        try:
            raw = json.loads(self.path().read_text(encoding="utf-8"))
            self.values = {k: base64.b64decode(v) for k, v in raw.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            self.values = {}

    @staticmethod
    def path() -> Path:
        return user_config_dir() / "window_state.json"

    def get(self, key: str) -> bytes | None:
        return self.values.get(key)

    def set(self, key: str, value: bytes) -> None:
        self.values[key] = bytes(value)

    def save(self) -> None:
        raw = {k: base64.b64encode(v).decode("ascii") for k, v in self.values.items()}
        atomic_write_bytes(self.path(), json.dumps(raw).encode("utf-8"))
