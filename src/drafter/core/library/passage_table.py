"""The library's passages in compact columns, as the suggester keeps them in memory and in
its cache file.

Texts and templates are UTF-8 blobs addressed by byte offsets (decoded only for the
passages shown); a sentence points into its paragraph's bytes.
"""

from __future__ import annotations

from array import array

import numpy as np

from drafter.core.library.passage import KINDS, Passage
from drafter.core.model.model import AREA_IDS, SECTION_IDS

# The fixed-width columns, in the order they are written to the cache file.
COLUMNS = ("t_start", "t_end", "m_start", "m_end", "kind", "section", "area", "entry")


class PassageTable:
    """All passages in compact columns (see the module docstring)."""

    def __init__(self) -> None:
        self.text: bytes | memoryview = b""
        self.template: bytes | memoryview = b""
        self.t_start = array("I")
        self.t_end = array("I")
        self.m_start = array("I")
        self.m_end = array("I")
        self.kind = array("B")
        self.section = array("B")
        self.area = array("B")
        self.entry = array("I")
        self.indicator_blob: bytes | memoryview = b""  # "G1,G4" per passage, one a line
        self._indicators: list[str] | None = None
        self.entries: list[dict] = []  # {"id", "organ", "year"}

    def __len__(self) -> int:
        return len(self.kind)

    @property
    def indicators(self) -> list[str]:
        if self._indicators is None:
            blob = str(self.indicator_blob, "utf-8")
            self._indicators = blob.split("\n") if len(self) else []
        return self._indicators

    def get(self, i: int) -> Passage:
        e = self.entries[int(self.entry[i])]
        sec = int(self.section[i])
        area = int(self.area[i])
        ind = self.indicators[i]
        return Passage(
            text=self.text_of(i),
            template=self.template_of(i),
            kind=KINDS[int(self.kind[i])],
            section=SECTION_IDS[sec - 1] if sec else None,
            area=AREA_IDS[area - 1] if area else None,
            indicators=tuple(ind.split(",")) if ind else (),
            organ=e["organ"],
            year=e["year"],
            entry=e["id"],
        )

    def column(self, name: str) -> np.ndarray:
        """A column as a numpy array (offsets, kind, section, area, entry)."""
        col = getattr(self, name)
        if isinstance(col, np.ndarray):
            return col
        return np.frombuffer(col, dtype=np.uint8 if col.typecode == "B" else np.uint32)

    def text_of(self, i: int) -> str:
        return str(self.text[self.t_start[i] : self.t_end[i]], "utf-8")

    def template_of(self, i: int) -> str:
        return str(self.template[self.m_start[i] : self.m_end[i]], "utf-8")

    def entry_id(self, i: int) -> str:
        return self.entries[int(self.entry[i])]["id"]

    # ---- the cache file's form
    def blobs(self) -> dict[str, bytes | np.ndarray]:
        return {
            "text": bytes(self.text),
            "template": bytes(self.template),
            **{name: self.column(name) for name in COLUMNS},
            "indicators": bytes(self.indicator_blob),
        }

    @classmethod
    def from_blobs(cls, blobs: dict, entries: list[dict]) -> PassageTable:
        table = cls()
        table.text = blobs["text"]
        table.template = blobs["template"]
        for name in COLUMNS:
            setattr(table, name, blobs[name])
        table.indicator_blob = blobs["indicators"]
        table.entries = entries
        return table


class TableWriter:
    """Appends passages to a table; a sentence found in the paragraph before it shares
    that paragraph's bytes."""

    def __init__(self, table: PassageTable) -> None:
        self.t = table
        self.text_parts: list[bytes] = []
        self.tpl_parts: list[bytes] = []
        self.indicator_lines: list[str] = []
        self.text_len = 0
        self.tpl_len = 0
        self.last_para: tuple[bytes, int, bytes, int] | None = None
        self.entry_ids: dict[str, int] = {}

    def add(self, p: Passage) -> None:
        t = self.t
        text, tpl = p.text.encode("utf-8"), p.template.encode("utf-8")
        t_pos = m_pos = -1
        if p.kind == "sentence" and self.last_para is not None:
            ptext, pstart, ptpl, pmstart = self.last_para
            i, j = ptext.find(text), ptpl.find(tpl)  # UTF-8: a match is whole characters
            if i >= 0 and j >= 0:
                t_pos, m_pos = pstart + i, pmstart + j
        if t_pos < 0:
            t_pos, m_pos = self.text_len, self.tpl_len
            self.text_parts.append(text)
            self.tpl_parts.append(tpl)
            self.text_len += len(text)
            self.tpl_len += len(tpl)
            if p.kind != "sentence":
                self.last_para = (text, t_pos, tpl, m_pos)
        t.t_start.append(t_pos)
        t.t_end.append(t_pos + len(text))
        t.m_start.append(m_pos)
        t.m_end.append(m_pos + len(tpl))
        t.kind.append(KINDS.index(p.kind))
        t.section.append(SECTION_IDS.index(p.section) + 1 if p.section else 0)
        t.area.append(AREA_IDS.index(p.area) + 1 if p.area else 0)
        if p.entry not in self.entry_ids:
            self.entry_ids[p.entry] = len(t.entries)
            t.entries.append({"id": p.entry, "organ": p.organ, "year": p.year})
        t.entry.append(self.entry_ids[p.entry])
        self.indicator_lines.append(",".join(p.indicators))

    def finish(self) -> None:
        self.t.text = b"".join(self.text_parts)
        self.t.template = b"".join(self.tpl_parts)
        self.t.indicator_blob = "\n".join(self.indicator_lines).encode("utf-8")
        self.t._indicators = self.indicator_lines
        self.text_parts = self.tpl_parts = []
