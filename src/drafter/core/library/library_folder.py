"""A whole folder into the phrase library (a 司法局's stack of departments' reports, an office's
past years): every .docx / .txt report in it and its subfolders is added, its passages
labelled at once; duplicates and unreadable files are skipped, each with its reason.
Also the list of the library's reports with organ, year and passage count."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.errors import DrafterError, InputError
from drafter.core.library.corpus import ACCEPTED_SUFFIXES, Entry, Library, file_sha1

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class FolderResult:
    added: list[Entry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def report_files(folder: Path) -> list[Path]:
    """Every file under the folder, in name order (hidden files and Office lock files
    ~$… left out: they are not documents)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.startswith((".", "~$"))
        and not any(part.startswith(".") for part in p.relative_to(folder).parts[:-1])
    )


def _seed_hashes(library: Library) -> set[str]:
    out = set()
    for e in library.seed_entries():
        try:
            out.add(hashlib.sha1(e.path(library.folder).read_bytes()).hexdigest())
        except OSError:
            pass
    return out


def add_folder(
    library: Library, folder: str | Path, progress: Progress | None = None
) -> FolderResult:
    """Add every report of a folder; progress(done, total) after each file."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(root), "不是文件夹")
    files = report_files(root)
    if not any(p.suffix.lower() in ACCEPTED_SUFFIXES for p in files):
        raise InputError(str(root), "文件夹中没有 .docx 或 .txt 格式的报告")
    seeds = _seed_hashes(library)
    result = FolderResult()
    for i, path in enumerate(files):
        name = str(path.relative_to(root))
        try:
            if path.suffix.lower() not in ACCEPTED_SUFFIXES:
                raise InputError(name, "不是 .docx 或 .txt 格式的报告")
            if file_sha1(path) in seeds:  # size-checked and read in chunks
                raise DrafterError(name, "与内置示例报告相同")
            entry = library.add(path)
            try:
                library.entry_passages(entry)  # labelled now: the index build only reads it
            except DrafterError:
                library.remove(entry.id)
                raise
            result.added.append(entry)
        except DrafterError as exc:
            result.skipped.append(Skipped(name, exc.reason))
        except OSError as exc:
            result.skipped.append(Skipped(name, f"无法读取（{exc.strerror or exc}）"))
        if progress is not None:
            progress(i + 1, len(files))
    return result


@dataclass(frozen=True)
class Listed:
    entry: Entry
    passages: int  # paragraphs (openings, body, closings) it offers; sentences not counted

    def to_dict(self) -> dict:
        return {**self.entry.to_dict(), "passages": self.passages}


def list_reports(library: Library) -> list[Listed]:
    """The library's reports, each with the number of passages it offers (0: unreadable)."""
    out = []
    for e in library.entries():
        try:
            count = sum(p.kind != "sentence" for p in library.entry_passages(e))
        except DrafterError as exc:
            library.problems.append(exc)
            count = 0
        out.append(Listed(e, count))
    return out
