"""Random text into the reader, the extractor and the query parser: no exception but
the documented ones. Time per call is measured and printed, never asserted."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extract import extract_article
from app.ingest import IngestError, decode_text
from app.library import Library
from search.index import QueryError

SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
VOCABULARY = (
    "President Minister visited signed agreement trade billion million dollars euros "
    "2021 March 3 on in and of the embassy Ankara Astana Türkiye İzmir Kazakhstan "
    'AND OR NOT ( ) " * ~ : date: [ ] to { } ^ country:KZ type:visit source:0* - + .'
)
WORDS = st.sampled_from(VOCABULARY.split(" "))
ARTICLE_TEXT = st.one_of(
    st.text(max_size=3000),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=300).map(" ".join),
)
QUERY = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=12).map(" ".join))
timings: dict[str, list[float]] = {"extract": [], "search": [], "decode": []}


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("props")
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
    library = Library(folder / "library")
    library.import_paths([fixtures])
    yield library
    library.close()


@SETTINGS
@given(text=ARTICLE_TEXT, date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_extractor_takes_any_text(text: str, date: str | None) -> None:
    start = time.perf_counter()
    extraction = extract_article("random.txt", text, date)
    timings["extract"].append(time.perf_counter() - start)
    for fact in extraction.facts:
        for ev in fact.evidence:
            assert text[ev.start : ev.end] == ev.quote


@SETTINGS
@given(data=st.binary(max_size=4000))
def test_decoder_takes_any_bytes(data: bytes) -> None:
    start = time.perf_counter()
    with contextlib.suppress(IngestError):
        assert isinstance(decode_text(data), str)
    timings["decode"].append(time.perf_counter() - start)


@SETTINGS
@given(query=QUERY)
def test_query_parser_takes_any_query(small_library: Library, query: str) -> None:
    start = time.perf_counter()
    try:
        result = small_library.search(query, limit=5)
        assert result.total >= len(result.hits)
    except QueryError:
        pass
    timings["search"].append(time.perf_counter() - start)


def test_report_timings(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the measured times (never a pass/fail criterion)."""
    with capsys.disabled():
        for name, values in timings.items():
            if len(values) > 1:
                first, rest = values[0] * 1000, sorted(values[1:])
                median, top = rest[len(rest) // 2] * 1000, rest[-1] * 1000
                print(f"\n{name}: {len(values)} calls, first {first:.0f} ms (warm-up),")
                print(f"  then median {median:.1f} ms, max {top:.1f} ms")
