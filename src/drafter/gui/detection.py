"""Indicator detection for the GUI, cached per section so a pause in typing re-reads only
the text that changed (a parent's coverage is the union of its own text and its areas')."""

from __future__ import annotations

from drafter.core.model.model import Section


class DetectionCache:
    def __init__(self) -> None:
        self._by_key: dict[str, tuple[str, dict]] = {}

    def detect(self, key: str, text: str) -> dict:
        """core.model.indicators.detect_indicators(text), reused while the text is unchanged."""
        cached = self._by_key.get(key)
        if cached is not None and cached[0] == text:
            return cached[1]
        from drafter.core.model.indicators import detect_indicators

        result = detect_indicators(text)
        self._by_key[key] = (text, result)
        return result

    def own_text(self, section: Section) -> str:
        parts = [section.heading] if section.heading else []
        parts.extend(p.lead + p.text for p in section.paragraphs)
        return "\n".join(x for x in parts if x)

    def present(self, section: Section) -> set[str]:
        """Indicator ids covered by a section and everything below it."""
        found = {i for i, d in self.detect(section.id, self.own_text(section)).items() if d.present}
        for child in section.children:
            found |= self.present(child)
        return found

    def clear(self) -> None:
        self._by_key.clear()
