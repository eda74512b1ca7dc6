"""Any sequence of editing operations, then undo all of it, gives back the starting report;
redo all of it gives back the end."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from report_builder import build_report

from drafter.core.editing import ops
from drafter.core.editing.history import History
from drafter.core.errors import EditError
from drafter.core.model.model import AREA_IDS, SECTION_IDS, Paragraph
from drafter.core.model.skeleton import load_skeleton

STANDARD = load_skeleton("standard")
words = st.text(alphabet="法治政府建设依法行政48件。，", min_size=0, max_size=12)


class Editing(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.report = build_report()
        self.history = History()
        self.start = self.report.to_dict()

    def apply(self, op) -> None:
        try:
            self.history.apply(self.report, op)
        except EditError:
            pass

    def pick_section(self, data):
        sections = list(self.report.walk())
        return data.draw(st.sampled_from(sections)) if sections else None

    def pick_paragraph(self, data):
        paras = list(self.report.paragraphs())
        return data.draw(st.sampled_from(paras)) if paras else None

    @rule(data=st.data(), heading=words)
    def rename(self, data, heading):
        if sec := self.pick_section(data):
            self.apply(lambda r: ops.rename_section(r, sec.id, heading))

    @rule(section=st.sampled_from(SECTION_IDS), area=st.none() | st.sampled_from(AREA_IDS))
    def add(self, section, area):
        self.apply(
            lambda r: ops.add_section(r, STANDARD, section, area if section == "S1" else None)
        )

    @rule(data=st.data())
    def remove(self, data):
        if sec := self.pick_section(data):
            self.apply(lambda r: ops.remove_section(r, sec.id))

    @rule(data=st.data(), index=st.integers(-1, 6))
    def move(self, data, index):
        if sec := self.pick_section(data):
            self.apply(lambda r: ops.move_section(r, sec.id, index))

    @rule()
    def sort(self):
        self.apply(lambda r: ops.sort_sections_by_rule(r, STANDARD))

    @rule(data=st.data(), to_opening=st.booleans())
    def move_paragraph(self, data, to_opening):
        para, sec = self.pick_paragraph(data), self.pick_section(data)
        if para is not None:
            target = None if to_opening or sec is None else sec.id
            self.apply(lambda r: ops.move_paragraphs(r, [para.id], target, 0))

    @rule(data=st.data(), offset=st.integers(0, 15))
    def split(self, data, offset):
        if para := self.pick_paragraph(data):
            self.apply(lambda r: ops.split_paragraph(r, para.id, offset))

    @rule(data=st.data())
    def merge(self, data):
        if para := self.pick_paragraph(data):
            self.apply(lambda r: ops.merge_paragraphs(r, para.id))

    @rule(data=st.data(), start=st.integers(0, 8), length=st.integers(0, 4), new=words)
    def replace(self, data, start, length, new):
        if para := self.pick_paragraph(data):
            self.apply(lambda r: ops.replace_span(r, para.id, start, start + length, new))

    @rule(data=st.data(), texts=st.lists(words, max_size=3))
    def set_paragraphs(self, data, texts):
        sec = self.pick_section(data)
        self.apply(
            lambda r: ops.set_paragraphs(r, sec.id if sec else None, [Paragraph(t) for t in texts])
        )

    @rule(title=words, organ=words)
    def metadata(self, title, organ):
        self.apply(lambda r: ops.set_metadata(r, title=title, organ=organ))

    @rule(ind=st.sampled_from(["A1", "E2", "J3"]), na=st.none() | words)
    def indicator(self, ind, na):
        self.apply(lambda r: ops.set_indicator_state(r, ind, na_reason=na))

    @precondition(lambda self: self.history.can_undo)
    @rule()
    def undo_one(self):
        self.history.undo(self.report)

    @invariant()
    def undo_all_gives_back_the_start(self):
        end = self.report.to_dict()
        undone = 0
        while self.history.undo(self.report):
            undone += 1
        assert self.report.to_dict() == self.start
        for _ in range(undone):
            self.history.redo(self.report)
        assert self.report.to_dict() == end


TestEditing = Editing.TestCase
TestEditing.settings = settings(max_examples=40, stateful_step_count=12, deadline=None)
