"""The language each article is written in (en, ru or unknown), detected for the
articles already held.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from app.language import detect

    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))
    bind = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("language", sa.String),
    )
    rows = bind.execute(sa.select(articles.c.id, articles.c.text)).all()
    for article_id, text in rows:
        bind.execute(
            articles.update().where(articles.c.id == article_id).values(language=detect(text or ""))
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("language")
