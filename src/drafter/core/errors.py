"""Errors raised by core and shown to the user (CLI: one line on stderr; GUI: a message box)."""

from __future__ import annotations


class DrafterError(Exception):
    """An error the user should see: names the file (or thing) and the reason, in Chinese."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = str(source)
        self.reason = reason

    def one_line(self) -> str:
        """The message on one line, each part shortened (a 3 MB title must not become a
        3 MB error line)."""
        return f"{_short(self.source)}: {_short(self.reason)}"


MAX_PART_CHARS = 300


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_PART_CHARS else text[: MAX_PART_CHARS - 1] + "…"


class DraftError(DrafterError):
    """A draft file that cannot be read or written."""


class InputError(DrafterError):
    """A source document (.docx/.txt/…) that cannot be read."""


class ExportError(DrafterError):
    """A .docx that cannot be written."""


class EditError(DrafterError):
    """An edit that cannot be made (no such section or paragraph, a span out of range…)."""
