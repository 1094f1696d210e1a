"""A person's review is never lost, and scripts can do it: `attache review list |
confirm | reject | restore`, `export --confirmed-only`; confirmations and rejections
survive re-extraction, a restart, and the deletion of the fact's only article (a
confirmed fact stays, with no source). Articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.library import Library
from tests.app.test_cli import attache

FIRST = (
    " date 2024-02-10 \n"
    "Norwegian Prime Minister Jonas Gahr Støre arrived in Hanoi on Saturday for an official "
    "visit to Vietnam. The two governments signed four agreements on energy and shipping. "
    "Trade between Norway and Vietnam reached $1.5 billion last year."
)
SECOND = (
    " date 2024-02-12 \n"
    "Norway opened an embassy in Hanoi in 1971. Norwegian companies invested $300 million "
    "in Vietnam in 2023."
)


@pytest.fixture
def lib(tmp_path: Path) -> str:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    library = str(tmp_path / "lib")
    assert attache("--library", library, "import", str(folder)).returncode == 0
    return library


def _listed(library: str) -> dict:  # type: ignore[type-arg]
    out = attache("--library", library, "review", "list", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_review_list_confirm_reject_restore(lib: str, tmp_path: Path) -> None:
    listed = _listed(lib)
    items = listed["facts"]
    assert listed["total"] == len(items) >= 4
    assert [i["confidence"] for i in items] == sorted(i["confidence"] for i in items)
    assert all(i["review"] == "unreviewed" and i["evidence"] for i in items)
    assert {i["type"] for i in items} >= {"visits", "agreements", "statistics"}
    right, wrong = items[0]["id"], items[1]["id"]

    done = attache("--library", lib, "review", "confirm", str(right))
    assert done.returncode == 0 and "confirmed 1 fact(s)" in done.stdout
    assert attache("--library", lib, "review", "reject", str(wrong)).returncode == 0
    left = {i["id"] for i in _listed(lib)["facts"]}
    assert right not in left and wrong not in left and len(left) == len(items) - 2

    out = tmp_path / "reviewed.json"
    assert attache("--library", lib, "export", "-o", str(out), "--confirmed-only").returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    kept = [
        f
        for kind in ("visits", "agreements", "statistics", "events", "missions")
        for f in doc[kind]
    ]
    assert [(f["id"], f["review"], f["confidence"]) for f in kept] == [(right, "confirmed", 1.0)]

    full = tmp_path / "all.json"
    assert attache("--library", lib, "export", "-o", str(full)).returncode == 0
    everything = json.loads(full.read_text(encoding="utf-8"))
    ids = {
        f["id"]
        for kind in ("visits", "agreements", "statistics", "events", "missions")
        for f in everything[kind]
    }
    assert right in ids and wrong not in ids  # a rejected fact is never exported

    assert attache("--library", lib, "review", "restore", str(wrong)).returncode == 0
    assert wrong in {i["id"] for i in _listed(lib)["facts"]}


def test_bad_review_commands_are_usage_errors_and_change_nothing(lib: str) -> None:
    first = _listed(lib)["facts"][0]["id"]
    for args, words in (
        (["confirm"], "confirm needs fact ids"),
        (["reject", str(first), "99999"], "there is no fact 99999"),
        (["list", "3"], "list takes no fact ids"),
        (["list", "--type", "treaty"], "unknown fact type 'treaty'"),
    ):
        done = attache("--library", lib, "review", *args)
        assert done.returncode == 2 and words in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert first in {i["id"] for i in _listed(lib)["facts"]}  # the reject did not happen


def test_a_review_survives_reextraction_and_the_loss_of_its_article(lib: str) -> None:
    with Library(Path(lib)) as library:
        by_article = {
            f.id: {e.article for e in f.evidence} for f in library.facts() if f.type != "entities"
        }
        only_first = [i for i, arts in by_article.items() if arts == {"first.txt"}]
        confirmed, rejected, plain = only_first[0], only_first[1], only_first[2]
        library.confirm_facts([confirmed])
        library.reject_facts([rejected])
        library.reextract()
        states = {f.id: f.review for f in library.facts(include_hidden=True)}
        assert states[confirmed] == "confirmed" and states[rejected] == "rejected"
        assert states[plain] == "unreviewed"
        first_id = next(a.id for a in library.articles() if a.file_name == "first.txt")
        library.delete_articles([first_id])
        left = {f.id: f for f in library.facts(include_hidden=True)}
    assert confirmed in left and not left[confirmed].evidence  # kept, with no source
    assert plain not in left


def test_edit_corrects_checks_and_takes_back(lib: str) -> None:
    visit = next(i for i in _listed(lib)["facts"] if i["type"] == "visits")["id"]
    done = attache("--library", lib, "edit", str(visit), "start=2024-02-11", "kind=State")
    assert done.returncode == 0, done.stderr
    with Library(Path(lib)) as library:
        (fact,) = library.facts(ids=[visit])
        assert fact.data["start"] == "2024-02-11" and fact.data["kind"] == "state"
        assert set(fact.edited) == {"start", "kind"} and fact.review == "edited"
    bad = attache("--library", lib, "edit", str(visit), "start=11 Feb 2024")
    assert bad.returncode == 2 and "start: '11 Feb 2024' is not a date" in bad.stderr
    unknown = attache("--library", lib, "edit", str(visit), "planet=Mars")
    assert unknown.returncode == 2 and "has no field 'planet'" in unknown.stderr
    assert attache("--library", lib, "edit", str(visit), "kind=").returncode == 0
    with Library(Path(lib)) as library:
        (fact,) = library.facts(ids=[visit])
        assert fact.edited == ("start",) and fact.data["start"] == "2024-02-11"


def test_confirming_a_rejected_fact_brings_it_back(lib: str) -> None:
    fact = _listed(lib)["facts"][0]["id"]
    assert attache("--library", lib, "review", "reject", str(fact)).returncode == 0
    assert attache("--library", lib, "review", "confirm", str(fact)).returncode == 0
    with Library(Path(lib)) as library:
        (row,) = library.facts(ids=[fact], include_hidden=True)
    assert row.review == "confirmed" and not row.hidden


def test_review_and_edit_do_not_write_behind_an_open_window(lib: str) -> None:
    from app.writer_lock import WriterLock

    fact = _listed(lib)["facts"][0]["id"]
    window = WriterLock(Path(lib), "window")  # what the open window holds
    assert window.try_acquire()
    try:
        for args in (["review", "reject", str(fact)], ["edit", str(fact), "kind="]):
            done = attache("--library", lib, *args)
            assert done.returncode == 1 and "open in an Attaché window" in done.stderr
        assert attache("--library", lib, "review", "list").returncode == 0  # reading is fine
    finally:
        window.release()
    assert fact in {i["id"] for i in _listed(lib)["facts"]}  # nothing was written


def test_export_confirmed_only_with_nothing_confirmed_says_so(lib: str, tmp_path: Path) -> None:
    out = tmp_path / "none.json"
    done = attache("--library", lib, "export", "-o", str(out), "--confirmed-only")
    assert done.returncode == 1 and "no fact has been confirmed" in done.stderr
    assert not out.exists()
