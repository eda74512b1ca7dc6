"""The phrase library: the shipped seeds and the clerk's own past reports, as labelled passages.

Each report is read by the importer (core/reading/importer.read_report), which finds its sections
(S1…S5) and work areas (A…J). Every body paragraph, and every sentence of a longer one,
becomes a :class:`~drafter.core.library.passage.Passage` labelled with its section, area, the
indicators it covers (core/model/indicators.indicators_in), its source (organ, year) and its
fill-in template (core/library/templating.make_template).

The clerk's reports are copied into ``paths.user_data_dir()/library`` with a manifest
(library.json); the seeds stay where they are shipped and cannot be removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from drafter.core import paths
from drafter.core.errors import DrafterError, InputError
from drafter.core.library.passage import Passage, split_sentences
from drafter.core.library.seeds import load_seeds
from drafter.core.model.model import Report
from drafter.resources import seeds_dir

ACCEPTED_SUFFIXES = (".docx", ".txt")
MANIFEST = "library.json"
MIN_PASSAGE = 8  # characters; shorter body lines ("无。") are not phrasing worth offering
MIN_SENTENCE = 10
CORPUS_VERSION = 5  # bump when labelling or templating changes (invalidates caches)
RUNIN_MAX = 30  # a first sentence this short may be a run-in heading
CLEAR_AREA = 4.0  # mapping strength above which a run-in heading decides the area


@dataclass(frozen=True)
class Entry:
    """One report in the library."""

    id: str
    file: str  # file name (seeds: in seeds/, own reports: in the library folder)
    organ: str
    year: int
    origin: str  # "seed" | "user"
    added: str = ""  # ISO date the clerk added it

    @property
    def is_seed(self) -> bool:
        return self.origin == "seed"

    def path(self, library_dir: Path) -> Path:
        return seeds_dir() / self.file if self.is_seed else library_dir / self.id / self.file

    def to_dict(self) -> dict:
        return asdict(self)


class Library:
    """The seeds plus the clerk's own reports (add, list, remove) and their passages."""

    def __init__(self, folder: Path, include_seeds: bool = True):
        self.folder = Path(folder)
        self.include_seeds = include_seeds
        self.problems: list[DrafterError] = []  # reports that could not be read

    @classmethod
    def open(cls) -> Library:
        return cls(paths.user_data_dir() / "library")

    # ---- entries
    def seed_entries(self) -> list[Entry]:
        if not self.include_seeds:
            return []
        return [
            Entry(f"seed-{Path(s.file).stem}", s.file, s.organ, s.year, "seed")
            for s in load_seeds()
        ]

    def user_entries(self) -> list[Entry]:
        path = self.folder / MANIFEST
        if not path.is_file():
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [Entry(**{k: e[k] for k in Entry.__dataclass_fields__}) for e in data]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DrafterError(str(path), f"资料库清单已损坏（{exc}）") from None

    def entries(self) -> list[Entry]:
        return self.seed_entries() + self.user_entries()

    def find(self, entry_id: str) -> Entry:
        for e in self.entries():
            if e.id == entry_id:
                return e
        raise DrafterError(entry_id, "资料库中没有这一编号的报告")

    def add(self, path: str | Path) -> Entry:
        """Copy a past report (.docx/.txt) into the library; returns its entry."""
        src = Path(path)
        if src.suffix.lower() not in ACCEPTED_SUFFIXES:
            raise InputError(str(src), "资料库只接受 .docx 或 .txt 格式的报告")
        entry_id = _file_digest(src)
        if any(e.id == entry_id for e in self.user_entries()):
            raise DrafterError(str(src), "这份报告已在资料库中")
        report = _read(src)
        if not any(True for _ in _body_paragraphs(report)):
            raise InputError(str(src), "未找到可用的正文段落")
        meta = report.metadata
        entry = Entry(
            id=entry_id,
            file=src.name,
            organ=meta.organ or src.stem,
            year=int(meta.year or 0),
            origin="user",
            added=date.today().isoformat(),
        )
        target = self.folder / entry_id
        try:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target / src.name)
        except OSError as exc:
            raise DrafterError(
                str(self.folder), f"无法写入资料库文件夹（{exc.strerror or exc}）"
            ) from None
        self._write_manifest([*self.user_entries(), entry])
        return entry

    def remove(self, entry_id: str) -> Entry:
        entry = self.find(entry_id)
        if entry.is_seed:
            raise DrafterError(entry_id, "内置示例报告不能从资料库删除")
        self._write_manifest([e for e in self.user_entries() if e.id != entry_id])
        shutil.rmtree(self.folder / entry_id, ignore_errors=True)
        for stale in (paths.user_cache_dir() / "passages").glob(f"{entry_id}-*.json"):
            stale.unlink(missing_ok=True)
        return entry

    def _write_manifest(self, entries: list[Entry]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=MANIFEST, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, self.folder / MANIFEST)

    # ---- contents
    def fingerprint(self) -> str:
        """Changes whenever the library's contents change (cheap: no file is read but the
        manifest; own reports never change once copied, their id is their content hash)."""
        h = hashlib.sha1()
        for e in self.entries():
            h.update(f"{e.id}|{e.file}|{e.organ}|{e.year}\n".encode())
            if e.is_seed:
                st = e.path(self.folder).stat()
                h.update(f"{st.st_size}|{st.st_mtime_ns}\n".encode())
        return h.hexdigest()

    def passages(self, entries: list[Entry] | None = None) -> Iterator[Passage]:
        """Every passage of every report (or of ``entries``), a paragraph followed by its
        sentences. Each report's passages are cached, so adding a report reads only it."""
        for entry in self.entries() if entries is None else entries:
            try:
                yield from self.entry_passages(entry)
            except DrafterError as exc:  # a report gone or damaged: the rest still serve
                self.problems.append(exc)

    def entry_passages(self, entry: Entry) -> list[Passage]:
        path = entry.path(self.folder)
        cache = _passage_cache_path(entry, path)
        if cache.is_file():
            try:
                data = json.loads(cache.read_text(encoding="utf-8"))
                return [Passage(**{**d, "indicators": tuple(d["indicators"])}) for d in data]
            except (OSError, ValueError, TypeError, KeyError):
                pass  # rebuilt below
        report = _read(path)
        passages = list(passages_of(report, entry.organ, entry.year, entry.id))
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump([asdict(p) for p in passages], f, ensure_ascii=False)
            os.replace(tmp, cache)
        except OSError:
            pass
        return passages

    def openings(self) -> list[Passage]:
        return [p for p in self.passages() if p.kind == "opening"]

    def closings(self) -> list[Passage]:
        return [p for p in self.passages() if p.kind == "closing"]


def _paragraph_area(lead: str, text: str, area: str | None, year: int) -> str | None:
    """A paragraph's work area: its run-in heading (the lead, or a short first sentence
    such as "严格推行行政执法三项制度。") when that points clearly at an area, else the area
    of the section it sits in, else what the mapping makes of the paragraph."""
    from drafter.core.reading.mapping import heading_area_strength, map_heading

    first = split_sentences(text)[0] if text else ""
    heading = lead or (first if len(first) <= RUNIN_MAX else "")
    if heading:
        own, strength = heading_area_strength(heading)
        if own and strength >= CLEAR_AREA:
            return own
    return area or map_heading(heading, text, year)[1]


def _passage_cache_path(entry: Entry, path: Path) -> Path:
    from drafter import __version__
    from drafter.core.model.tokenizer import dictionary_fingerprint

    st = path.stat() if path.exists() else None
    key = hashlib.sha1(
        f"{CORPUS_VERSION}|{__version__}|{dictionary_fingerprint()}|{entry.id}|{entry.organ}|"
        f"{entry.year}|{st and st.st_size}|{st and st.st_mtime_ns}".encode()
    ).hexdigest()[:16]
    return paths.user_cache_dir() / "passages" / f"{entry.id}-{key}.json"


def _file_digest(src: Path) -> str:
    """The first 10 hex digits of the file's SHA-1 (see :func:`file_sha1`)."""
    return file_sha1(src)[:10]


def file_sha1(src: Path) -> str:
    """The file's SHA-1, read in chunks after the size check (a 1.2 GB file is refused
    before it is read)."""
    from drafter.core.reading.docx_reader import MAX_DOCX_BYTES
    from drafter.core.reading.source_read import MAX_TEXT_BYTES, READ_CHUNK, checked_size

    cap = MAX_DOCX_BYTES if src.suffix.lower() == ".docx" else MAX_TEXT_BYTES
    try:
        exists = src.exists()
    except OSError as exc:
        raise InputError(str(src), f"无法读取（{exc.strerror}）") from None
    if not exists:
        raise InputError(str(src), "文件不存在")
    checked_size(src, cap, "超出资料库的上限")
    digest = hashlib.sha1()
    try:
        with src.open("rb") as fh:
            while chunk := fh.read(READ_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(str(src), f"无法读取（{exc.strerror}）") from None
    return digest.hexdigest()


def _read(path: Path) -> Report:
    from drafter.core.reading.importer import read_report

    return read_report(path)


def _body_paragraphs(report: Report) -> Iterator[tuple[str, str | None, str, str]]:
    """(section, area, lead, text) of every body paragraph inside the report's sections."""
    for sec in report.walk():
        for p in sec.paragraphs:
            if p.kind != "heading" and len((p.lead + p.text).strip()) >= MIN_PASSAGE:
                yield sec.section, sec.area, p.lead, p.text


def passages_of(report: Report, organ: str, year: int, entry: str) -> Iterator[Passage]:
    """The labelled passages of one report (paragraphs, each followed by its sentences)."""
    from drafter.core.library.organ_names import organ_forms
    from drafter.core.library.templating import make_template
    from drafter.core.model.indicators import indicators_in
    from drafter.core.reading.mapping import s3_content

    meta = report.metadata
    # Every form the report uses of its own name (short forms, abbreviations, 我办…).
    full_text = "\n".join(p.lead + p.text for p in report.paragraphs())
    others = tuple(n for n in (meta.organ, meta.signature) if n and n != organ)
    forms = organ_forms(organ or meta.organ, full_text, others)
    names = [n for n in {organ, meta.organ, meta.signature, *forms.names} if n]
    year = year or meta.year

    def make(
        text: str, kind: str, section: str | None, area: str | None, lead: str = ""
    ) -> Iterator[Passage]:
        sentences = split_sentences(text)
        templates = [make_template(s, names, year, self_refs=forms) for s in sentences]
        yield Passage(
            text,
            "".join(templates),
            kind,
            section,
            area,
            tuple(indicators_in(text)),
            organ,
            year,
            entry,
        )
        if len(sentences) > 1:
            for i, (s, t) in enumerate(zip(sentences, templates, strict=True)):
                # A run-in heading alone ("加强行政复议应诉工作。") is not a phrase to offer.
                heading_like = s.strip() == lead.strip() or (
                    i == 0 and len(s) <= 20 and not any(c in s for c in "，,；;")
                )
                if len(s.strip()) >= MIN_SENTENCE and not heading_like:
                    ids = tuple(indicators_in(s))
                    yield Passage(s, t, "sentence", section, area, ids, organ, year, entry)

    for p in report.opening:
        text = p.text.strip()
        # The lead-in paragraph ("…现将…报告如下："), not the title or signature lines.
        if len(text) >= 30 or "报告如下" in text:
            yield from make(text, "opening", None, None)

    body = [b for b in _body_paragraphs(report) if (b[2] + b[3]).strip().rstrip("。") != "无"]
    for i, (section, area, lead, text) in enumerate(body):
        full = (lead + text).strip()
        if section == "S1":
            area = _paragraph_area(lead, text, area, year)
        if section == "S1" and s3_content(full):
            section = "S3"
        last = i == len(body) - 1 and section in ("S4", "S5")
        yield from make(full, "closing" if last else "paragraph", section, area, lead)
    if meta.closing:
        yield from make(meta.closing, "closing", None, None)
