"""Alembic environment: runs migrations on the engine handed over by ``db.engine``.

Foreign keys are off while migrations run (a migration that rebuilds a table drops the
old one, which would otherwise delete every row pointing at it: SQLite's own procedure
for altering a table, https://www.sqlite.org/lang_altertable.html) and are checked
before the migration commits: a violation rolls it back."""

from alembic import context

from db.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside any transaction
    connection.commit()
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
            )
            context.run_migrations()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the migration broke {len(broken)} reference(s): {broken[:5]}")
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
