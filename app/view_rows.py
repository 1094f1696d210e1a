"""Keep the views' stored rows (``fact_heads``, ``view_rows``, ``fact_words``: migration
0010) in step with the facts.

SQL triggers mark every fact whose row or evidence changed (``view_rows_stale``);
:func:`install` makes each commit of the library's sessions recompute the marked facts'
rows first, in the same transaction, so a reader never sees a fact without its rows.
:func:`refresh` does the same in batches (the first open after the upgrade marks every
fact: ``Library.maintain`` computes them there, with progress).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from app import fact_types
from app.fact_store import load_facts
from app.related import countries_of, fact_span, field_texts, name_keys
from app.rows import FactRow
from app.view_columns import MAX_COLUMNS, cells, sort_keys, views_of
from app.views import fact_date, fact_label
from db import queries
from search.analysis import fold

log = logging.getLogger(__name__)

BATCH = 2000
"""Facts recomputed per batch (and per transaction in :func:`refresh_all`)."""
KEYS = [f"k{n}" for n in range(1, MAX_COLUMNS + 1)]
_BATCHED = "view rows batched"
_INSERT_ROW = text(
    f"INSERT OR REPLACE INTO view_rows (view, fact_id, review, {', '.join(KEYS)}, folded) "
    f"VALUES (:view, :fact_id, :review, {', '.join(':' + k for k in KEYS)}, :folded)"
)
_INSERT_HEAD = text(
    "INSERT OR REPLACE INTO fact_heads "
    "(fact_id, type, review, confidence, date, start, end, topic, label) "
    "VALUES (:fact_id, :type, :review, :confidence, :date, :start, :end, :topic, :label)"
)
_INSERT_WORDS = text("INSERT INTO fact_words(rowid, words) VALUES (:fact_id, :words)")


def topic(fact: FactRow) -> str | None:
    """What related facts share: a figure's metric; an entity's names (one a line, as
    word runs); the countries of a visit, an agreement or an event (codes, space
    separated: the visit a fact falls in shares one); None for the rest."""
    if fact.type == "statistics":
        metric = fact.data.get("metric")
        return str(metric) if metric else None
    if fact.type == "entities":
        return "\n".join(" ".join(key) for key in name_keys(fact)) or None
    if fact.type in ("visits", "agreements", "events"):
        return " ".join(sorted(str(c) for c in countries_of(fact))) or None
    return None


def words(fact: FactRow) -> str:
    """The text a fact names people and organisations in beside its evidence sentences
    (``evidence_words``): its fields (an entity's own names do not name it)."""
    if fact.type == "entities":
        return ""
    return "\n".join(field_texts(fact))


def head(fact: FactRow) -> dict[str, Any]:
    start, end = fact_span(fact)
    confidence = fact.confidence if fact_types.TYPES[fact.type].has_confidence else None
    return {
        "fact_id": fact.id,
        "type": fact.type,
        "review": fact.review,
        "confidence": confidence,
        "date": fact_date(fact) or None,
        "start": start or None,
        "end": end or None,
        "topic": topic(fact),
        "label": fact_label(fact),
        "words": words(fact),
    }


def view_rows(fact: FactRow) -> list[dict[str, Any]]:
    """The fact's row in each table view that lists its type."""
    out = []
    for view in views_of(fact):
        keys = sort_keys(view, fact) + [None] * (MAX_COLUMNS - len(view.columns))
        row = dict(zip(KEYS, keys, strict=True))
        row.update(
            view=view.title,
            fact_id=fact.id,
            review=fact.review,
            folded=fold("\t".join(cells(view, fact))),
        )
        out.append(row)
    return out


def recompute(session: Session, ids: Sequence[int]) -> None:
    """Write the rows of these facts again (those no longer held: removed)."""
    if not ids:
        return
    connection, held = session.connection(), queries.id_list(ids)
    connection.execute(text(f"DELETE FROM fact_words WHERE rowid IN ({held})"))
    for table in ("fact_heads", "view_rows"):
        connection.execute(text(f"DELETE FROM {table} WHERE fact_id IN ({held})"))
    facts = load_facts(session, ids=list(ids), include_hidden=True)
    facts = [f for f in facts if f.type in fact_types.TYPES]
    if facts:
        heads = [head(f) for f in facts]
        connection.execute(_INSERT_HEAD, heads)
        named = [h for h in heads if h["words"]]
        if named:
            connection.execute(_INSERT_WORDS, named)
        rows = [row for f in facts for row in view_rows(f)]
        if rows:
            connection.execute(_INSERT_ROW, rows)
    connection.execute(text(f"DELETE FROM view_rows_stale WHERE fact_id IN ({held})"))


def stale_ids(session: Session, limit: int | None = None) -> list[int]:
    query = "SELECT fact_id FROM view_rows_stale ORDER BY fact_id"
    if limit:
        query += f" LIMIT {int(limit)}"
    return [r[0] for r in session.connection().execute(text(query))]


def stale_count(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM view_rows_stale")).scalar_one())


def refresh(session: Session) -> int:
    """Recompute every marked fact's rows in this session's transaction."""
    done = 0
    while ids := stale_ids(session, BATCH):
        recompute(session, ids)
        done += len(ids)
    return done


def _before_commit(session: Session) -> None:
    if session.info.get(_BATCHED):
        return  # refresh_all recomputes its batch itself
    session.flush()  # the triggers mark what the pending changes touch
    refresh(session)


def install(factory: sessionmaker[Session]) -> None:
    """Make every commit of ``factory``'s sessions bring the views' rows up to date."""
    if not event.contains(factory, "before_commit", _before_commit):
        event.listen(factory, "before_commit", _before_commit)


def refresh_all(
    factory: sessionmaker[Session],
    progress: Callable[[int, int], object] | None = None,
) -> int:
    """Recompute the marked facts a batch per transaction (after an upgrade: every fact),
    calling ``progress(done, total)``; returns how many were recomputed."""
    with factory() as session:
        total = stale_count(session.connection())
    if not total:
        return 0
    log.info("computing the views' rows of %d facts", total)
    done = 0
    while True:
        with factory() as session, session.begin():
            session.info[_BATCHED] = True
            ids = stale_ids(session, BATCH)
            if not ids:
                break
            recompute(session, ids)
        done += len(ids)
        if progress is not None:
            progress(done, total)
    return done


def rebuild(factory: sessionmaker[Session]) -> int:
    """Mark every fact and compute its rows again (``attache check`` repairs with it)."""
    with factory() as session, session.begin():
        session.info[_BATCHED] = True
        connection = session.connection()
        for table in ("fact_words", "fact_heads", "view_rows"):
            connection.execute(text(f"DELETE FROM {table}"))
        connection.execute(text("INSERT INTO evidence_words(evidence_words) VALUES ('rebuild')"))
        connection.execute(
            text("INSERT OR IGNORE INTO view_rows_stale(fact_id) SELECT id FROM facts")
        )
    return refresh_all(factory)


def disagreements(session: Session) -> list[str]:
    """How the stored rows disagree with the facts ('' when they agree): facts marked
    and not recomputed, facts without rows, rows of facts no longer held."""
    connection = session.connection()

    def count(query: str) -> int:
        return int(connection.execute(text(query)).scalar_one())

    found = []
    stale = count("SELECT count(*) FROM view_rows_stale")
    if stale:
        found.append(f"{stale} fact(s) changed and not yet in the views' rows")
    missing = count(
        "SELECT count(*) FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_heads) "
        "AND id NOT IN (SELECT fact_id FROM view_rows_stale)"
    )
    if missing:
        found.append(f"{missing} fact(s) without their views' rows")
    extra = count("SELECT count(*) FROM fact_heads WHERE fact_id NOT IN (SELECT id FROM facts)")
    extra += count("SELECT count(*) FROM view_rows WHERE fact_id NOT IN (SELECT id FROM facts)")
    if extra:
        found.append(f"{extra} views' row(s) of facts no longer held")
    return found
