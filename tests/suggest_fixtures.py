"""Shared set-up for the phrase-library tests: the seeds' passages, built once per session."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def seed_cache(tmp_path_factory):
    """A user home whose cache holds the seeds' labelled passages (built once)."""
    home = tmp_path_factory.mktemp("seed-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_HOME", str(home))
        from drafter.core.library.corpus import Library

        lib = Library.open()
        passages = {e.id: lib.entry_passages(e) for e in lib.seed_entries()}
    return home, passages


@pytest.fixture
def warm_home(seed_cache, drafter_home):
    """This test's home, with the seeds' passages already in its cache."""
    home, _ = seed_cache
    shutil.copytree(home / "cache" / "passages", drafter_home / "cache" / "passages")
    return drafter_home


@pytest.fixture
def seed_passages(seed_cache):
    """{entry id: [Passage, …]} for the five seeds."""
    return seed_cache[1]
