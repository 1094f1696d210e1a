"""People's block keys by the sound of their family name (``app.name_keys``), so that a
person named in English and in Russian ("Tokayev", "Токаев") falls in one block and is
compared as one; the keys stored before were the family name as written.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from app.consolidate import block_key
    from app.extract.model import Candidate

    bind = op.get_bind()
    facts = sa.table(
        "facts",
        sa.column("id", sa.Integer),
        sa.column("type"),
        sa.column("data", sa.JSON),
        sa.column("block"),
    )
    rows = bind.execute(sa.select(facts.c.id, facts.c.data).where(facts.c.type == "entities")).all()
    for fact_id, data in rows:
        if (data or {}).get("kind") != "person":
            continue
        block = block_key(Candidate("entities", data))[:256]
        bind.execute(sa.update(facts).where(facts.c.id == fact_id).values(block=block))


def downgrade() -> None:
    """The old keys are not kept; re-extraction (``attache reextract``) makes them again."""
