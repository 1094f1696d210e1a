"""Where an article came from, to cite it: its address, outlet, author, a person's note,
and which of its fields a person edited (so re-import leaves them as the person set them).

The columns are nullable and start empty: the articles already held have no source
until a person fills it in, or the same files are imported again (which fills in an
address, outlet and author the file gives, never over a person's edit).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("url", "outlet", "author", "note")


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text, nullable=True))
        batch.add_column(sa.Column("edited_fields", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("edited_fields")
        for name in reversed(COLUMNS):
            batch.drop_column(name)
