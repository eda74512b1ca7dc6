"""Finds the data folders (templates/, ui/, seeds/) from a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_NAMES = ("templates", "ui", "seeds")


def _candidates(name: str) -> list[Path]:
    here = Path(__file__).resolve().parent
    out = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # pyinstaller one-folder bundle
        out.append(Path(bundle) / name)
    out.append(here / "data" / name)  # installed wheel
    out.append(here.parent.parent / name)  # source checkout: src/drafter/ -> repo root
    return out


@cache
def data_dir(name: str) -> Path:
    """The folder holding the shipped data set ``name`` (templates, ui or seeds)."""
    if name not in _NAMES:
        raise ValueError(f"unknown data folder {name!r}")
    for path in _candidates(name):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"data folder {name!r} not found (looked in {_candidates(name)})")


def templates_dir() -> Path:
    return data_dir("templates")


def ui_dir() -> Path:
    return data_dir("ui")


def seeds_dir() -> Path:
    return data_dir("seeds")


def template_path(*parts: str) -> Path:
    return templates_dir().joinpath(*parts)
