"""What the app cannot do on this PC, found at start-up: a locked-down office PC may give no
writable data, settings or cache folder. The app starts anyway and says what is off."""

from __future__ import annotations

from drafter.core import paths, storage

# folder kind → what the clerk loses without it
_FOLDERS = (
    ("数据", paths.user_data_dir, "自动保存（恢复未保存的修改）和个人资料库"),
    ("设置", paths.user_config_dir, "保存设置、最近打开的草稿和窗口布局"),
    ("缓存", paths.user_cache_dir, "范文索引缓存（每次启动重新建立，较慢）"),
)


def folder_warnings() -> list[str]:
    """One line per unwritable user folder: which, why, and what does not work."""
    out = []
    for kind, where, loses in _FOLDERS:
        try:
            folder = where()
            reason = paths.writable(folder)
        except OSError as exc:  # platformdirs itself failing (no home folder)
            folder, reason = "（未知位置）", exc.strerror or str(exc)
        if reason:
            out.append(f"无法写入{kind}文件夹 {folder}（{reason}）：{loses}暂不可用")
    return out


def clean_interrupted_writes() -> None:
    """Remove temporary files a killed write left in the settings and data folders (drafts'
    own folders are cleaned when a draft is opened, recovery files when they are listed)."""
    for where in (paths.user_config_dir, paths.user_data_dir):
        try:
            storage.remove_stale_temps(where())
        except OSError:
            continue
