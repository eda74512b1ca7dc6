"""Editing: operations that change a Report, each returning a Change, and the undo history.
May import: model and core root; never reading, checks, library, writing."""
