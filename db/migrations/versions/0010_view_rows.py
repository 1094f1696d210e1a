"""What the window's views sort, filter and link by, stored per fact (derived data).

``fact_heads`` holds one row per fact: its type, review state, confidence, the date it
sits at on the timeline, its own date span (for the visit a fact falls in), a topic (a
figure's metric; an entity's names) and its one-line label. ``fact_words`` (FTS5, its
rowid the fact's id) holds the words of its fields, ``evidence_words`` (FTS5 over the
``evidence`` table's quotes, kept by SQL triggers, the text not copied) its sentences:
the facts naming a person. ``view_rows`` holds one row per fact and view: the
columns' sort keys ``k1`` … ``k9`` and the row's text as the filter box matches it.

Both are computed in Python (``app.view_rows``) from the facts, so SQL triggers only
mark what changed: every insert, update or delete of a fact or of its evidence puts
the fact's id in ``view_rows_stale``, and the library recomputes those rows in the same
transaction, before it commits. Here every fact is marked: the first open after this
upgrade computes them all (once; the window does it in its worker).

A later migration that rebuilds ``facts`` or ``evidence`` (``batch_alter_table``) drops
these triggers with the old table and must create them again (``create_triggers``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = ", ".join(f"k{n}" for n in range(1, 10))

TRIGGERS = {
    "facts_stale_insert": "AFTER INSERT ON facts BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (new.id); END",
    "facts_stale_update": "AFTER UPDATE ON facts BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (new.id); END",
    "facts_stale_delete": "AFTER DELETE ON facts BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (old.id); END",
    "evidence_stale_insert": "AFTER INSERT ON evidence BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (new.fact_id); END",
    "evidence_stale_update": "AFTER UPDATE ON evidence BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (old.fact_id); "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (new.fact_id); END",
    "evidence_stale_delete": "AFTER DELETE ON evidence BEGIN "
    "INSERT OR IGNORE INTO view_rows_stale(fact_id) VALUES (old.fact_id); END",
}


_EV = (
    "INSERT INTO evidence_words(evidence_words, rowid, quote) VALUES ('delete', old.id, old.quote)"
)
TRIGGERS.update(
    {
        "evidence_words_insert": "AFTER INSERT ON evidence BEGIN "
        "INSERT INTO evidence_words(rowid, quote) VALUES (new.id, new.quote); END",
        "evidence_words_delete": f"AFTER DELETE ON evidence BEGIN {_EV}; END",
        "evidence_words_update": f"AFTER UPDATE ON evidence BEGIN {_EV}; "
        "INSERT INTO evidence_words(rowid, quote) VALUES (new.id, new.quote); END",
    }
)


def create_triggers() -> None:
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def upgrade() -> None:
    op.execute("CREATE TABLE view_rows_stale (fact_id INTEGER PRIMARY KEY)")
    op.execute(
        "CREATE TABLE fact_heads ("
        " fact_id INTEGER PRIMARY KEY,"
        " type TEXT NOT NULL, review TEXT NOT NULL, confidence REAL,"
        " date TEXT, start TEXT, end TEXT, topic TEXT,"
        " label TEXT NOT NULL DEFAULT '')"
    )
    op.execute("CREATE INDEX ix_fact_heads_date ON fact_heads(type, date)")
    op.execute("CREATE INDEX ix_fact_heads_start ON fact_heads(type, start)")
    op.execute("CREATE INDEX ix_fact_heads_topic ON fact_heads(type, topic)")
    op.execute(
        "CREATE VIRTUAL TABLE fact_words USING fts5(words, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE evidence_words USING fts5(quote, content='evidence', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO evidence_words(evidence_words) VALUES ('rebuild')")
    op.execute(
        "CREATE TABLE view_rows ("
        " view TEXT NOT NULL, fact_id INTEGER NOT NULL, review TEXT NOT NULL,"
        f" {KEYS}, folded TEXT NOT NULL DEFAULT '',"
        " PRIMARY KEY (view, fact_id)) WITHOUT ROWID"
    )
    op.execute("CREATE INDEX ix_view_rows_review ON view_rows(view, review)")
    create_triggers()
    op.execute("INSERT INTO view_rows_stale(fact_id) SELECT id FROM facts")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("view_rows", "evidence_words", "fact_words", "fact_heads", "view_rows_stale"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
