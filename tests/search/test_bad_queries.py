"""A bad query gets a clear message or a best-effort result, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.library import Library
from search.index import QueryError
from tests.search.conftest import DATA

BEST_EFFORT = [
    ('"enhanced strategic', "quote"),
    ("(Tokayev OR Erdogan", "')'"),
    ("Tokayev) visit", "')'"),
    ("Tokayev NOT", "NOT"),
    ("planet:Mars Tokayev", "unknown field 'planet'"),
    ("Tokayev " + "x" * 5000, "cut"),
    ("Tokayev " * 800, "cut"),
    ("[2022 to", None),
    ("Tokayev AND OR visit", None),
    ("***", None),
    ("a~~~ Tokayev", None),
    ("date:[2022 to] Tokayev", None),
    ('""', None),
]


@pytest.mark.parametrize(("query", "notice"), BEST_EFFORT)
def test_best_effort_result_with_a_notice(lib: Library, query: str, notice: str | None) -> None:
    try:
        result = lib.search(query, 10, kinds=None, facets=True)
    except QueryError as exc:
        assert str(exc)  # a clear message is also acceptable
        return
    if notice:
        assert any(notice in n for n in result.notices), result.notices
    if "Tokayev" in query:
        assert result.total > 0


@pytest.mark.parametrize(
    ("query", "message"),
    [("NOT", "nothing to search for"), ("date:someday", "not a date"), ("the of and", "common")],
)
def test_clear_message_when_nothing_is_left(lib: Library, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        lib.search(query)


def test_the_command_line_never_shows_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lib = str(tmp_path / "lib")
    run = [sys.executable, "-m", "app", "--library", lib]
    subprocess.run([*run, "import", str(DATA)], check=True, capture_output=True)
    for query in ['"unbalanced', "NOT", "date:someday", "x" * 5000, "(a OR", "foo:bar"]:
        out = subprocess.run([*run, "search", query], capture_output=True, text=True)
        assert "Traceback" not in out.stderr
        assert out.returncode in (0, 2), out.stderr
        if out.returncode == 2:
            assert out.stderr.startswith("attache: ")
