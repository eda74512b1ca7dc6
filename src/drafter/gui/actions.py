"""Every menu/toolbar action of the app, declared in one table with text and shortcut.

The main window creates them once (:func:`create_actions`), connects their ``triggered``
signals to its slots, and builds the menus and the toolbar from :data:`MENUS`/:data:`TOOLBAR`.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

# name: (text, shortcut, status tip)
ACTIONS: dict[str, tuple[str, str | QKeySequence.StandardKey | None, str]] = {
    "new": ("新建报告…", QKeySequence.StandardKey.New, "回到开始页新建一份报告"),
    "import": ("从去年报告开始…", "Ctrl+I", "导入去年的报告（.docx/.txt），年份顺延"),
    "open": ("打开草稿…", QKeySequence.StandardKey.Open, "打开已保存的草稿"),
    "save": ("保存", "Ctrl+S", "保存草稿"),
    "save_as": ("另存为…", "Ctrl+Shift+S", "把草稿保存到另一个文件"),
    "export": ("导出 Word…", "Ctrl+E", "导出符合公文格式的 .docx"),
    "settings": ("设置…", "Ctrl+,", "默认机关、字体、自动保存、表述库"),
    "quit": ("退出", QKeySequence.StandardKey.Quit, "退出程序"),
    "undo": ("撤销", QKeySequence.StandardKey.Undo, "撤销上一步编辑"),
    "redo": ("重做", QKeySequence.StandardKey.Redo, "重做"),
    "find": ("查找…", "Ctrl+F", "在报告中查找文字"),
    "heading1": ("设为小标题", "Ctrl+1", "把光标所在段落设为本节下一级的小标题"),
    "heading2": ("设为下两级小标题", "Ctrl+2", "把光标所在段落设为更低一级的小标题"),
    "heading3": ("设为下三级小标题", "Ctrl+3", "把光标所在段落设为再低一级的小标题"),
    "body": ("设为正文", "Ctrl+0", "把光标所在段落设为正文"),
    "next_blank": ("下一处待填", "F3", "选中下一处“【填：…】”"),
    "metadata": ("报告信息", "Ctrl+M", "标题、主送机关、落款等"),
    "prev_section": ("上一节", "Ctrl+PgUp", "转到上一节"),
    "next_section": ("下一节", "Ctrl+PgDown", "转到下一节"),
    "check": ("检查报告", "F5", "检查章节、指标、数字和写法"),
    "rename_section": ("重命名…", "F2", "修改所选章节的标题（导出时印出的文字）"),
    "remove_section": ("删除…", "Delete", "删除所选章节或工作领域及其中的文字（可以撤销）"),
    "move_section_up": ("上移", "Alt+Up", "把所选章节在同级中上移一位"),
    "move_section_down": ("下移", "Alt+Down", "把所选章节在同级中下移一位"),
    "sort_sections": (
        "按规定顺序排列",
        None,
        "把章节按 S1…S5、工作领域按纲要的顺序排列",
    ),
    "move_paragraphs": ("移到…", "Ctrl+Shift+M", "把选中的段落移到另一节"),
}

# Second keys an action also answers to: Ctrl+Y redoes on every system, as in Word and WPS
# (Qt's standard redo key on Linux is Ctrl+Shift+Z only).
EXTRA_SHORTCUTS: dict[str, list[str]] = {"redo": ["Ctrl+Y"]}

MENUS: list[tuple[str, list[str | None]]] = [
    (
        "文件(&F)",
        [
            "new",
            "import",
            "open",
            None,
            "save",
            "save_as",
            None,
            "export",
            None,
            "settings",
            None,
            "quit",
        ],
    ),
    (
        "编辑(&E)",
        [
            "undo",
            "redo",
            None,
            "find",
            "next_blank",
            None,
            "heading1",
            "heading2",
            "heading3",
            "body",
        ],
    ),
    (
        "报告(&R)",
        [
            "metadata",
            "prev_section",
            "next_section",
            None,
            "rename_section",
            "remove_section",
            "move_section_up",
            "move_section_down",
            "sort_sections",
            None,
            "move_paragraphs",
            None,
            "check",
        ],
    ),
]

TOOLBAR: list[str | None] = ["save", None, "prev_section", "next_section", None, "check", "export"]

# Actions that need an open report.
NEEDS_REPORT = {
    "save",
    "save_as",
    "export",
    "undo",
    "redo",
    "find",
    "heading1",
    "heading2",
    "heading3",
    "body",
    "next_blank",
    "metadata",
    "prev_section",
    "next_section",
    "check",
    "rename_section",
    "remove_section",
    "move_section_up",
    "move_section_down",
    "sort_sections",
    "move_paragraphs",
}


def create_actions(parent: QWidget) -> dict[str, QAction]:
    out = {}
    for name, (text, shortcut, tip) in ACTIONS.items():
        act = QAction(text, parent)
        act.setObjectName(f"action_{name}")
        if shortcut is not None:
            keys = (
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
            extra = [QKeySequence(k) for k in EXTRA_SHORTCUTS.get(name, [])]
            act.setShortcuts(keys + [k for k in extra if k not in keys])
        act.setStatusTip(tip)
        act.setToolTip(
            f"{text}（{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
        )
        out[name] = act
    return out


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """The menus (returned by title, e.g. "报告(&R)") and the toolbar."""
    bar = window.menuBar()
    menus = {}
    for title, names in MENUS:
        menu = bar.addMenu(title)
        menus[title] = menu
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
    tb = window.addToolBar("常用")
    tb.setObjectName("mainToolBar")
    tb.setMovable(False)
    for name in TOOLBAR:
        if name is None:
            tb.addSeparator()
        else:
            tb.addAction(actions[name])
    return menus


def enable_for_report(actions: dict[str, QAction], has_report: bool) -> None:
    for name in NEEDS_REPORT:
        actions[name].setEnabled(has_report)
