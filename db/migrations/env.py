"""Alembic environment: runs migrations on the engine handed over by ``db.engine``."""

from alembic import context

from db.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    context.run_migrations()
