"""Alembic environment: runs migrations on the engine handed over by ``db.engine``.

Every pending migration runs in ONE SQLite transaction: a step that fails rolls back
all of them, and the library is left exactly as it was (at its old version). Python's
``sqlite3`` module would commit a ``CREATE``/``DROP``/``ALTER`` on its own (it begins
transactions only before ``INSERT``/``UPDATE``/``DELETE``), so the driver connection is
put in autocommit mode and the transaction is begun here, explicitly, with ``BEGIN
IMMEDIATE`` (the write lock is taken at once, before the first step).

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
    driver = connection.connection.driver_connection
    assert driver is not None
    isolation = driver.isolation_level
    driver.isolation_level = None  # the driver begins nothing: BEGIN below is the one
    try:
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
            )
            # references broken before (a library damaged by an older version: `attache
            # check` repairs them) are not the migration's; only new ones stop it
            already = len(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            context.run_migrations()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if len(broken) > already:
                raise RuntimeError(
                    f"the migration broke {len(broken) - already} reference(s): {broken[:5]}"
                )
    finally:
        if driver.in_transaction:  # a failure SQLAlchemy's rollback did not reach
            driver.rollback()
        driver.isolation_level = isolation
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
