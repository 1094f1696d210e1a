"""Ids are never reused: articles, facts and evidence become AUTOINCREMENT tables.

SQLite gives a new row the largest id + 1, so deleting the newest fact and importing an
article handed the deleted fact's id to a new one, and an undo bringing the deleted
fact back would have met a stranger under its id. With AUTOINCREMENT an id, once
given, is never given again, and the window's undo history outlives an import.

Each table is rebuilt (SQLite cannot add AUTOINCREMENT in place) with its rows, ids,
indexes and foreign keys as they were; env.py turns foreign keys off around the
migration, so dropping the old table cascades nowhere, and checks them afterwards.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("articles", "facts", "evidence")


def upgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(
            name, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name, recreate="always"):
            pass
