"""The user's selection of facts for export, and the user's own edits of facts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(16), nullable=False, server_default="extracted")
        )
        batch.add_column(sa.Column("hidden", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("user_data", sa.JSON(), nullable=True))
    op.create_table(
        "selection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "fact_id",
            sa.Integer(),
            sa.ForeignKey("facts.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("selection")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("user_data")
        batch.drop_column("hidden")
        batch.drop_column("origin")
