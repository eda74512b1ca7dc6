"""Which section a query is written for: the section the clerk is in, or the one a short
query names ("存在的问题和不足" → S2, "下一步工作计划" → S4). The cue words are data
(templates/section_intent.json, with examples a test checks)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from drafter.core.errors import DrafterError
from drafter.core.model.model import SECTION_IDS
from drafter.resources import template_path

INTENT_FILE = "section_intent.json"
# Sections whose passages a query made there gets first: their wording (weaknesses,
# plans) shares few words with what the clerk types, so a boost is not enough.
FIRST_SECTIONS = ("S2", "S4")


@dataclass(frozen=True)
class IntentRules:
    max_query_chars: int
    cues: dict[str, tuple[str, ...]]
    examples: dict[str, dict[str, tuple[str, ...]]]


@cache
def rules() -> IntentRules:
    path = template_path(INTENT_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cues, examples = {}, {}
        for sec, rule in data["sections"].items():
            if sec not in SECTION_IDS:
                raise ValueError(f"未知章节 {sec}")
            cues[sec] = tuple(rule["cues"])
            examples[sec] = {k: tuple(v) for k, v in rule["examples"].items()}
        return IntentRules(int(data["max_query_chars"]), cues, examples)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DrafterError(str(path), f"章节意图词表有误（{exc}）") from None


def named_section(query: str) -> str | None:
    """The section a short query names, if any (the cue found last wins: "针对存在的问题，
    下一步…" asks for plans)."""
    r = rules()
    q = query.strip()
    if not q or len(q) > r.max_query_chars:
        return None
    best: tuple[int, str] | None = None
    for sec, cues in r.cues.items():
        for cue in cues:
            pos = q.rfind(cue)
            if pos >= 0 and (best is None or pos + len(cue) > best[0]):
                best = (pos + len(cue), sec)
    return best[1] if best else None


def first_section(query: str, section: str | None) -> str | None:
    """The section whose passages rank first for this query: the one the query names, else
    the section being written if it is S2 or S4."""
    named = named_section(query)
    if named in FIRST_SECTIONS:
        return named
    return section if section in FIRST_SECTIONS else None
