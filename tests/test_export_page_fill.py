"""core.writing.page_fill: lines of a paragraph on the 28-character line, and the last page's fill."""

from __future__ import annotations

from drafter.core.writing.page_fill import Para, count_lines, last_page_used

WIDTH = 8845  # the text block, twips
BODY = (320.0, -10)  # 三号: em 320 twips, condensed by 10
LINE = 579


def lines(text: str, first: int = 640) -> int:
    return count_lines([(text, *BODY)], WIDTH, first)


def test_first_line_holds_26_characters_after_the_indent_then_28():
    assert lines("法" * 26) == 1
    assert lines("法" * 27) == 2
    assert lines("法" * (26 + 28)) == 2
    assert lines("法" * (26 + 28 + 1)) == 3
    assert lines("法" * 28, first=0) == 1


def test_digits_and_latin_count_half_and_stay_whole():
    assert lines("法" * 24 + "2020") == 1  # 24 + 2
    assert lines("法" * 25 + "2020") == 2  # the number is not split: it moves down whole


def test_closing_punctuation_never_starts_a_line():
    # 26 characters fill the first line; the 27th, a comma, takes the 26th down with it.
    assert lines("法" * 26 + "，" + "法" * 26) == 2
    assert lines("法" * 26 + "，" + "法" * 27) == 3


def test_line_breaks_start_new_lines():
    assert count_lines([("法治政府\n建设报告", 440.0, 0)], WIDTH) == 2


def test_last_page_fill_and_headings_kept_with_the_next_paragraph():
    body = Para(10, LINE)
    assert last_page_used([body], 12756) == 10 * LINE
    assert last_page_used([body, Para(15, LINE)], 12756) == 3 * LINE  # 25 lines: 22 + 3
    # A heading on the last line of a page moves to the next with the paragraph.
    paras = [Para(21, LINE), Para(1, LINE, keep_next=True), Para(2, LINE)]
    assert last_page_used(paras, 12756) == 3 * LINE
