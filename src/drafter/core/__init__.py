"""Qt-free core, one package per stage (model, reading, editing, checks, library, writing)
plus errors, paths and storage here; lower stages never import higher ones (docs/architecture.md).
"""
