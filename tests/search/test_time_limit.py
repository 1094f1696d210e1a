"""A search that runs past its time limit stops, keeps what it found, and says so."""

from __future__ import annotations

from pathlib import Path

from app.library import Library


def test_a_search_past_its_time_limit_stops_and_says_so(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    full = library.search("Erdogan")
    assert full.total == 5 and not any("stopped" in n for n in full.notices)

    library.index.time_limit = 0.0  # every search runs out of time at its first match
    cut = library.search("Erdogan")
    assert any("The search stopped after 0 s" in n for n in cut.notices)
    assert len(cut.hits) < len(full.hits)

    # Plain words are counted a whole posting block at a time: the ranking stops, the
    # count completes, and the notice says which is which.
    library.index.time_limit = 1.0
    words = library.search("agreements")
    library.index.time_limit = 0.0
    words_cut = library.search("agreements")
    assert len(words_cut.hits) < len(words.hits)
    assert words_cut.total == words.total > 0
    assert any("the total and the counts cover all" in n for n in words_cut.notices)


def test_the_default_limit_is_one_second(library: Library) -> None:
    assert library.index.time_limit == 1.0
