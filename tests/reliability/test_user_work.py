"""A person's work on facts (corrections, hidden facts, added facts, the selection)
survives re-extraction and re-import, and hidden facts stay out of exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.fact_edits import FactEditError
from app.library import Library


def _a_fact(library: Library, type: str) -> int:
    return next(f.id for f in library.facts([type]))


def test_corrections_hidden_facts_and_added_facts_survive_reextract_and_reimport(
    tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([seeds_dir])
        visit, wrong, chosen = (f.id for f in library.facts(["visits"])[:3])
        library.edit_fact(visit, {"location": "Corrected City"})
        library.hide_fact(wrong)
        library.select_facts([chosen, visit])
        added = library.add_fact(
            "events", {"kind": "other", "date": "2020-02-02", "description": "Hand-made"}
        )
        before = {f.id: f for f in library.facts(include_hidden=True)}

        library.reextract()
        _assert_kept(library, visit, wrong, chosen, added)
        assert set(before) <= {f.id for f in library.facts(include_hidden=True)}

    with Library(folder) as library:  # reopened, then the same folder imported again
        report = library.import_paths([seeds_dir])
        assert not report.imported
        _assert_kept(library, visit, wrong, chosen, added)


def _assert_kept(library: Library, visit: int, wrong: int, chosen: int, added: int) -> None:
    shown = {f.id: f for f in library.facts()}
    assert shown[visit].data["location"] == "Corrected City"
    assert shown[visit].edited == ("location",)
    assert shown[visit].evidence, "a corrected fact keeps its sources"
    assert wrong not in shown
    assert library.facts(ids=[wrong], include_hidden=True)[0].hidden
    assert shown[added].origin == "user" and shown[added].data["description"] == "Hand-made"
    assert library.selection() == [chosen, visit]
    doc = library.export_document()
    exported = {f["id"] for kind in ("visits", "events") for f in doc[kind]}
    assert visit in exported and added in exported and wrong not in exported
    assert next(f for f in doc["visits"] if f["id"] == visit)["location"] == "Corrected City"


def test_taking_a_correction_back_and_showing_a_hidden_fact(
    library: Library, seeds_dir: Path
) -> None:
    library.import_paths([seeds_dir])
    fact = library.facts(["agreements"])[0]
    library.edit_fact(fact.id, {"title": "My title"})
    library.edit_fact(fact.id, {"title": None})
    assert library.facts(ids=[fact.id])[0].data == fact.data
    library.hide_fact(fact.id)
    library.hide_fact(fact.id, hidden=False)
    assert library.facts(ids=[fact.id])[0].data == fact.data


def test_bad_edits_are_refused_with_a_reason(library: Library) -> None:
    with pytest.raises(FactEditError, match="no fact 999"):
        library.edit_fact(999, {"location": "x"})
    with pytest.raises(FactEditError, match="unknown fact type"):
        library.add_fact("gossip", {"text": "x"})
    with pytest.raises(FactEditError, match="cannot be edited: evidence"):
        library.add_fact("events", {"evidence": []})
