"""Qt-free core: the report model, skeletons, indicators, checks, import, export, storage."""
