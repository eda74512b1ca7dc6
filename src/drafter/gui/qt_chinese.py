"""Qt's own words in Simplified Chinese: buttons (确定/取消, 保存/不保存), the editors' context
menus and the non-native file dialog's labels.

Qt's zh_CN catalog (qtbase_zh_CN.qm) ships with PySide6 in QLibraryInfo's TranslationsPath (the
bundle carries it too, packaging/drafter.spec). The few strings that catalog still leaves in
English are in templates/qt_zh_CN_supplement.json, answered by a second translator.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from drafter.resources import template_path

SUPPLEMENT = "qt_zh_CN_supplement.json"


def load_supplement() -> dict[str, dict[str, str]]:
    """context -> source text -> translation, from templates/qt_zh_CN_supplement.json."""
    data = json.loads(template_path(SUPPLEMENT).read_text(encoding="utf-8"))
    return {ctx: dict(table) for ctx, table in data.items() if not ctx.startswith("_")}


class SupplementTranslator(QTranslator):
    """Asked after Qt's catalog (installed before it): answers the strings in its table and
    gives any other back as it is, which is what Qt shows for an untranslated string.
    (Returning None to pass would be simpler, but PySide6 then mis-counts None's references.)"""

    def __init__(self, table: dict[str, dict[str, str]], parent=None):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get(context, {}).get(source_text, source_text)

    def isEmpty(self) -> bool:
        return not self.table


def install_translations(app: QCoreApplication) -> bool:
    """Install Qt's zh_CN catalog and the supplement (once); False if the catalog is missing."""
    if getattr(app, "_drafter_translators", None) is not None:
        return True
    catalog = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not catalog.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    supplement = SupplementTranslator(load_supplement(), app)
    app.installTranslator(supplement)  # the last translator installed is asked first
    app.installTranslator(catalog)
    app._drafter_translators = (catalog, supplement)
    return True
