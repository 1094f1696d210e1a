"""The window's row queries: ids of a view's rows sorted and filtered by SQLite, counts,
the timeline, and the lookups related facts are found with.

They read the rows ``app.view_rows`` stores per fact (migration 0010) and take a
``Connection``: the caller decides the thread (the window runs most in its worker).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

REJECTED = "rejected"


def id_list(ids: Iterable[int]) -> str:
    """Ids as the inside of ``IN (…)``, each made an int (no text reaches the SQL)."""
    return ", ".join(str(int(i)) for i in ids)


def view_ids(
    connection: Connection,
    view: str,
    column: int | None = None,
    descending: bool = False,
    needle: str = "",
    state: str = "",
    states: Sequence[str] = (),
) -> list[int]:
    """The ids of a table view's rows, in order. ``column``: 1 … 9 sorts by that
    column's stored key (empty keys last either way), 0 by being in the selection, None
    by id. ``needle`` (folded: ``search.analysis.fold``) keeps rows whose text holds it;
    ``state`` keeps one review state; ``states`` (when no ``state``) keeps those, and by
    default every state but rejected."""
    where = ["view = :view"]
    params: dict[str, Any] = {"view": view}
    if state:
        where.append("review = :state")
        params["state"] = state
    elif states:
        where.append(f"review IN ({', '.join(f':s{n}' for n in range(len(states)))})")
        params.update({f"s{n}": s for n, s in enumerate(states)})
    else:
        where.append(f"review != '{REJECTED}'")
    if needle:
        where.append("instr(folded, :needle) > 0")
        params["needle"] = needle
    direction = "DESC" if descending else "ASC"
    if column is None:
        order = f"fact_id {direction}"
    elif column == 0:
        order = f"fact_id IN (SELECT fact_id FROM selection) {direction}, fact_id {direction}"
    else:
        key = f"k{int(column)}"
        order = f"{key} IS NULL, {key} {direction}, fact_id {direction}"
    query = f"SELECT fact_id FROM view_rows WHERE {' AND '.join(where)} ORDER BY {order}"
    return first_column(connection, query, params)


def first_column(connection: Connection, query: str, params: dict[str, Any]) -> list[Any]:
    """The first column of a query's rows, read by the driver itself: a view's 100,000
    ids come a third faster than through SQLAlchemy's rows."""
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.row_factory = lambda _cursor, row: row[0]
        rows: list[Any] = cursor.execute(query, params).fetchall()
        return rows
    finally:
        cursor.close()


def view_count(connection: Connection, view: str, state: str = "") -> int:
    """How many rows a view holds (rejected ones only when ``state`` says so)."""
    where = "review = :state" if state else f"review != '{REJECTED}'"
    query = f"SELECT count(*) FROM view_rows WHERE view = :view AND {where}"
    return int(connection.execute(text(query), {"view": view, "state": state}).scalar_one())


def counts(connection: Connection, reviewed_types: Sequence[str]) -> tuple[int, int, int]:
    """(articles, facts shown, facts to review)."""
    articles = connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
    facts = connection.execute(
        text(f"SELECT count(*) FROM fact_heads WHERE review != '{REJECTED}'")
    ).scalar_one()
    types = ", ".join(f"'{t}'" for t in reviewed_types)
    left = connection.execute(
        text(f"SELECT count(*) FROM fact_heads WHERE review = 'unreviewed' AND type IN ({types})")
    ).scalar_one()
    return int(articles), int(facts), int(left)


def is_shown(connection: Connection, fact_id: int) -> bool:
    """Whether the fact is held and not rejected."""
    found = connection.execute(
        text("SELECT review FROM fact_heads WHERE fact_id = :id"), {"id": fact_id}
    ).first()
    return found is not None and found[0] != REJECTED


Head = tuple[str, str, str, str | None]
"""A fact's (type, review state, label, own date)."""


def heads(connection: Connection, ids: Iterable[int]) -> dict[int, Head]:
    """{fact id: (type, review, label, own date)} of the facts held among ``ids``."""
    wanted = list(ids)
    out: dict[int, Head] = {}
    for start in range(0, len(wanted), 10_000):
        chunk = id_list(wanted[start : start + 10_000])
        query = (
            f"SELECT fact_id, type, review, label, start FROM fact_heads WHERE fact_id IN ({chunk})"
        )
        for fact_id, type_, review, label, own_date in connection.execute(text(query)):
            out[fact_id] = (type_, review, label, own_date)
    return out


def timeline(
    connection: Connection, needle: str = "", state: str = ""
) -> list[tuple[str, int, str, str, str]]:
    """(date, fact id, type, label, review state) of the Timeline's rows, oldest first
    (then by type and id); ``needle`` and ``state`` filter as in :func:`view_ids`."""
    where = ["v.view = 'Timeline'"]
    params: dict[str, Any] = {}
    if state:
        where.append("v.review = :state")
        params["state"] = state
    else:
        where.append(f"v.review != '{REJECTED}'")
    if needle:
        where.append("instr(v.folded, :needle) > 0")
        params["needle"] = needle
    query = (
        "SELECT h.date, h.fact_id, h.type, h.label, h.review FROM view_rows AS v "
        "JOIN fact_heads AS h ON h.fact_id = v.fact_id "
        f"WHERE {' AND '.join(where)} ORDER BY v.k1, v.k2, v.fact_id"
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in connection.execute(text(query), params)]


def on_timeline(connection: Connection, fact_id: int) -> bool:
    """Whether a fact is on the Timeline (whatever its filter shows)."""
    query = "SELECT 1 FROM view_rows WHERE view = 'Timeline' AND fact_id = :id"
    return connection.execute(text(query), {"id": fact_id}).first() is not None


def starts(connection: Connection, fact_type: str) -> list[tuple[str, int]]:
    """(own date, fact id) of the shown facts of a type that have one."""
    query = (
        "SELECT start, fact_id FROM fact_heads WHERE type = :type AND start IS NOT NULL "
        f"AND review != '{REJECTED}' ORDER BY start, fact_id"
    )
    return [(r[0], r[1]) for r in connection.execute(text(query), {"type": fact_type})]


def _sharing(countries: Iterable[str], params: dict[str, Any]) -> str:
    """A condition: the fact names no country, or one of these (none given: any)."""
    codes = sorted(countries)
    if not codes:
        return ""
    params.update({f"c{n}": f" {code} " for n, code in enumerate(codes)})
    shared = " OR ".join(f"instr(' ' || topic || ' ', :c{n}) > 0" for n in range(len(codes)))
    return f" AND (topic IS NULL OR {shared})"


def starting_between(
    connection: Connection,
    types: Sequence[str],
    low: str,
    high: str,
    countries: Iterable[str] = (),
) -> list[int]:
    """The shown facts of these types whose own date is within [low, high] and that
    name no country or one of ``countries`` (their topic: ``app.view_rows.topic``)."""
    names = ", ".join(f"'{t}'" for t in types)
    params: dict[str, Any] = {"low": low, "high": high}
    shared = _sharing(countries, params)
    query = (
        f"SELECT fact_id FROM fact_heads WHERE type IN ({names}) AND start >= :low "
        f"AND start <= :high AND review != '{REJECTED}'{shared} ORDER BY start, fact_id"
    )
    return [r[0] for r in connection.execute(text(query), params)]


def starting_on(
    connection: Connection, fact_type: str, values: Sequence[str], countries: Iterable[str] = ()
) -> list[int]:
    """The shown facts of a type whose own date is one of ``values`` ('2022', '2022-05')
    and that name no country or one of ``countries``."""
    if not values:
        return []
    params: dict[str, Any] = {f"v{n}": v for n, v in enumerate(values)}
    placeholders = ", ".join(":" + k for k in params)
    params["type"] = fact_type
    shared = _sharing(countries, params)
    query = (
        "SELECT fact_id FROM fact_heads WHERE type = :type AND "
        f"start IN ({placeholders}) AND review != '{REJECTED}'{shared}"
    )
    return [r[0] for r in connection.execute(text(query), params)]


def in_same_articles(connection: Connection, fact_id: int, fact_type: str) -> list[int]:
    """The shown facts of a type that cite an article ``fact_id`` cites."""
    query = (
        "SELECT DISTINCT other.fact_id FROM evidence AS mine "
        "JOIN evidence AS other ON other.article_id = mine.article_id "
        "JOIN fact_heads AS h ON h.fact_id = other.fact_id "
        f"WHERE mine.fact_id = :id AND other.fact_id != :id AND h.type = :type "
        f"AND h.review != '{REJECTED}' ORDER BY other.fact_id"
    )
    return [r[0] for r in connection.execute(text(query), {"id": fact_id, "type": fact_type})]


def with_topic(
    connection: Connection,
    fact_type: str,
    topic: str,
    order: tuple[str, str] | None = None,
) -> list[int]:
    """The shown facts of a type on a topic (a figure's metric), by id or in the
    order of a view's column (``order``: the view and its key, e.g. the Statistics
    view's Period)."""
    join, by, params = "", "h.fact_id", {"type": fact_type, "topic": topic}
    if order is not None:
        view, key = order
        join = "LEFT JOIN view_rows AS v ON v.fact_id = h.fact_id AND v.view = :view "
        by = f"v.{key} IS NULL, v.{key}, h.fact_id"
        params["view"] = view
    query = (
        f"SELECT h.fact_id FROM fact_heads AS h {join}WHERE h.type = :type "
        f"AND h.topic = :topic AND h.review != '{REJECTED}' ORDER BY {by}"
    )
    return [r[0] for r in connection.execute(text(query), params)]


def of_article(connection: Connection, article_id: int) -> list[int]:
    """The shown facts citing an article, by id."""
    query = (
        "SELECT DISTINCT e.fact_id FROM evidence AS e JOIN fact_heads AS h "
        f"ON h.fact_id = e.fact_id WHERE e.article_id = :id AND h.review != '{REJECTED}' "
        "ORDER BY e.fact_id"
    )
    return [r[0] for r in connection.execute(text(query), {"id": article_id})]


def naming(connection: Connection, phrases: Sequence[str], but: str = "") -> list[int]:
    """The shown facts (but those of type ``but``) whose fields or evidence sentences
    hold one of these phrases (runs of words, matched without regard to case or
    accents: the ``fact_words`` and ``evidence_words`` indexes)."""
    if not phrases:
        return []
    match = " OR ".join('"' + p.replace('"', " ") + '"' for p in phrases)
    query = (
        "SELECT fact_id FROM ("
        " SELECT rowid AS fact_id FROM fact_words WHERE fact_words MATCH :match"
        " UNION SELECT e.fact_id FROM evidence_words AS w JOIN evidence AS e ON e.id = w.rowid"
        " WHERE evidence_words MATCH :match"
        f") JOIN fact_heads AS h USING (fact_id) WHERE h.review != '{REJECTED}' "
        "AND h.type != :but ORDER BY fact_id"
    )
    return [r[0] for r in connection.execute(text(query), {"match": match, "but": but})]


def topics(connection: Connection, fact_type: str) -> list[tuple[int, str]]:
    """(fact id, topic) of every shown fact of a type that has one (the entities' names)."""
    query = (
        "SELECT fact_id, topic FROM fact_heads WHERE type = :type AND topic IS NOT NULL "
        f"AND review != '{REJECTED}'"
    )
    return [(r[0], r[1]) for r in connection.execute(text(query), {"type": fact_type})]


def evidence_of(connection: Connection, ids: Iterable[int]) -> list[tuple[int, int, str]]:
    """(fact id, article id, quote) of every evidence row of these facts."""
    wanted = list(ids)
    out: list[tuple[int, int, str]] = []
    for start in range(0, len(wanted), 10_000):
        query = (
            "SELECT fact_id, article_id, quote FROM evidence "
            f"WHERE fact_id IN ({id_list(wanted[start : start + 10_000])})"
        )
        out.extend((r[0], r[1], r[2]) for r in connection.execute(text(query)))
    return out


def article_names(connection: Connection, ids: Iterable[int]) -> dict[int, str]:
    """{article id: file name}."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = f"SELECT id, file_name FROM articles WHERE id IN ({id_list(wanted)})"
    return {r[0]: r[1] for r in connection.execute(text(query))}


def top_topic(connection: Connection, fact_type: str, view: str, key: str) -> str | None:
    """The topic with the most facts whose ``view`` column ``key`` is filled (the
    metric with the most figures that have a period: the chart shown first)."""
    query = (
        "SELECT h.topic FROM fact_heads AS h JOIN view_rows AS v ON v.fact_id = h.fact_id "
        "AND v.view = :view WHERE h.type = :type AND h.topic IS NOT NULL "
        f"AND v.{key} IS NOT NULL AND h.review != '{REJECTED}' "
        "GROUP BY h.topic ORDER BY count(*) DESC, min(h.fact_id) LIMIT 1"
    )
    found = connection.execute(text(query), {"view": view, "type": fact_type}).first()
    return found[0] if found else None


def with_topic_in_groups(
    connection: Connection,
    fact_type: str,
    topic: str,
    view: str,
    group_keys: Sequence[str],
    most: int,
    keep: int | None = None,
) -> tuple[list[int], int]:
    """The shown facts of a type on a topic whose group (the first non-empty of the
    ``view``'s ``group_keys`` columns, e.g. a figure's direction, else its countries) is
    one of the ``most`` largest groups, or the group of fact ``keep``; and how many
    groups are left out."""
    group = f"coalesce({', '.join(f'v.{k}' for k in group_keys)}, '')"
    base = (
        f"FROM fact_heads AS h JOIN view_rows AS v ON v.fact_id = h.fact_id "
        f"AND v.view = :view WHERE h.type = :type AND h.topic = :topic "
        f"AND h.review != '{REJECTED}'"
    )
    params: dict[str, Any] = {"type": fact_type, "topic": topic, "view": view}
    sizes = connection.execute(
        text(f"SELECT {group} AS g, count(*) {base} GROUP BY g ORDER BY count(*) DESC, g"), params
    ).all()
    chosen = [g for g, _n in sizes[:most]]
    if keep is not None:
        mine = connection.execute(
            text(f"SELECT {group} {base} AND h.fact_id = :keep"), {**params, "keep": keep}
        ).first()
        if mine is not None and mine[0] not in chosen:
            chosen = [mine[0], *chosen[: most - 1]]
    if not chosen:
        return [], 0
    names = {f"g{n}": g for n, g in enumerate(chosen)}
    wanted = f"{group} IN ({', '.join(':' + k for k in names)})"
    ids = connection.execute(
        text(f"SELECT h.fact_id {base} AND {wanted} ORDER BY h.fact_id"), {**params, **names}
    )
    return [r[0] for r in ids], max(0, len(sizes) - len(chosen))
