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

    # Plain words (AND / OR / NOT of words and filters) are ranked and counted a posting
    # block at a time, work bounded by the postings read: they are answered in full.
    library.index.time_limit = 1.0
    words = library.search("agreements country:KZ")
    library.index.time_limit = 0.0
    again = library.search("agreements country:KZ")
    assert [h.id for h in again.hits] == [h.id for h in words.hits]
    assert again.total == words.total > 0 and not again.notices


def test_the_default_limit_is_one_second(library: Library) -> None:
    assert library.index.time_limit == 1.0
