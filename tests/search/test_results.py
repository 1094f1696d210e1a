"""Results: articles and facts, ranked, paged, highlighted, counted by facets, sorted."""

from __future__ import annotations

from app.library import Library
from search.help import QUERY_HELP_HTML, QUERY_HELP_TEXT
from tests.search.conftest import sources


def test_a_figure_is_found_as_a_fact_and_in_its_article(lib: Library) -> None:
    result = lib.search("trade volume 2024", 20, kinds=None)
    facts = [h for h in result.hits if h.kind == "fact"]
    articles = [h for h in result.hits if h.kind == "article"]
    assert facts and articles
    top = facts[0]
    assert top.fact_type == "statistics" and "2024" in top.summary
    (stored,) = lib.facts(ids=[top.id])
    assert stored.type == "statistics" and stored.data["metric"] == "trade_volume"
    assert set(top.article_ids) == {e.article_id for e in stored.evidence}


def test_articles_only_by_default_facts_on_request(lib: Library) -> None:
    assert {h.kind for h in lib.search("Tokayev", 50).hits} == {"article"}
    facts = lib.search("Tokayev", 50, kinds=["fact"])
    assert facts.hits and {h.kind for h in facts.hits} == {"fact"}
    visits = lib.search("Tokayev", 50, types=["visit"], kinds=["fact"])
    assert visits.hits and {h.fact_type for h in visits.hits} == {"visits"}


def test_an_article_with_more_of_the_words_ranks_first(lib: Library) -> None:
    hits = lib.search("lithium Antarctica customs", 5).hits
    assert hits[0].source == "chile_argentina_2021.txt"
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_snippets_mark_the_matched_words(lib: Library) -> None:
    (hit,) = lib.search("Białystok").hits
    marked = [t for t, m in hit.snippet if m]
    assert marked == ["Białystok"]
    assert "Kaunas" in hit.snippet_text()


def test_pages_do_not_overlap_and_cover_every_hit(lib: Library) -> None:
    total = lib.search("Kazakhstan", 100).total
    seen: list[int] = []
    first = lib.search("Kazakhstan", 2, page=1)
    assert first.page_count == (total + 1) // 2
    for page in range(1, first.page_count + 1):
        seen.extend(h.id for h in lib.search("Kazakhstan", 2, page=page).hits)
    assert len(seen) == len(set(seen)) == total


def test_sort_by_date_lists_newest_first(lib: Library) -> None:
    hits = lib.search("agreement", 50, sort="date").hits
    dates = [h.date for h in hits if h.date]
    assert len(dates) >= 3 and dates == sorted(dates, reverse=True)


def test_facets_count_the_hits_and_narrow_when_clicked(lib: Library) -> None:
    result = lib.search("Poland", 50, kinds=None, facets=True)
    assert set(result.facets) == {"year", "country", "type", "source", "language"}
    years = {f.value: f.count for f in result.facets["year"]}
    assert years.get("2023", 0) >= 1
    for facet in result.facets["country"][:3] + result.facets["type"][:3]:
        narrowed = lib.search("Poland", 50, kinds=None, filters={facet.field: [facet.value]})
        assert narrowed.total == facet.count
        as_text = lib.search(f"Poland {facet.query}", 50, kinds=None)
        assert as_text.total == facet.count
    countries = {f.value for f in result.facets["country"]}
    assert {"PL", "LT"} <= countries
    label = next(f.label for f in result.facets["country"] if f.value == "LT")
    assert "Lithuania" in label


def test_year_facet_counts_match_date_queries(lib: Library) -> None:
    result = lib.search("*", 200, facets=True)
    for facet in result.facets["year"]:
        assert lib.search(f"date:{facet.value}", 200).total == facet.count
    assert sum(f.count for f in result.facets["source"]) == lib.article_count()


def test_help_text_names_every_field(lib: Library) -> None:
    for word in ("date:", "country:", "person:", "type:", "source:", "~", "*", "NOT"):
        assert word in QUERY_HELP_TEXT and word in QUERY_HELP_HTML
    # what the help promises works
    assert sources(lib.search("place:Astana", 50))
    assert sources(lib.search("org:OTS", 50))
    assert sources(lib.search("Tokaev~2", 50))


def test_total_and_facets_count_every_match_not_only_the_top(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Whoosh skips documents that cannot reach the top hits unless told not to."""
    from benchmarks.corpus import generate
    from search.index import SearchIndex

    index = SearchIndex(tmp_path / "index")
    docs = [article for article, _facts in generate(300, seed=5)]
    index.rebuild(docs, len(docs))
    holding = sum(1 for d in docs if "trade" in (d.title + " " + d.text).lower().split())
    result = index.search("trade", 5, facets=True)
    assert len(result.hits) == 5
    assert result.total >= holding > 100
    for facet in result.facets["year"][:3]:
        assert index.search(f"trade date:{facet.value}", 5).total == facet.count
    index.close()
