"""The PySide6 desktop app: the only package that imports Qt.

A thin GUI over the Qt-free core. ``app`` starts it; ``main_window`` holds the one Report
being edited and talks to the pages through signals: ``start_page``, ``navigator`` (with
``status``), ``metadata_form``, ``section_page`` (``editor``, ``indicator_panel``,
``suggest_panel``), ``check_page``; dialogs ``import_summary``, ``export_dialog``,
``settings_dialog``. Every action and shortcut is declared in ``actions``; preferences and
window state in ``settings``; slow work runs through ``jobs``; indicator detection is cached
in ``detection``. Forms are Qt Designer files in ui/, loaded by ``uiload``.
"""
