"""The claim audit trail is append-only, enforced by the database itself.

The same statements are used by the migration and by the test suite's clean-up.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

SQLITE_TRIGGERS = (
    "CREATE TRIGGER claim_events_no_update BEFORE UPDATE ON claim_events "
    "BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END",
    "CREATE TRIGGER claim_events_no_delete BEFORE DELETE ON claim_events "
    "BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS claim_events_no_update",
    "DROP TRIGGER IF EXISTS claim_events_no_delete",
)
POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION claim_events_refuse_change() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'claim_events is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER claim_events_append_only BEFORE UPDATE OR DELETE ON claim_events "
    "FOR EACH ROW EXECUTE FUNCTION claim_events_refuse_change()",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS claim_events_append_only ON claim_events",
    "DROP FUNCTION IF EXISTS claim_events_refuse_change()",
)


def create_triggers(connection: Connection) -> None:
    statements = POSTGRES_TRIGGERS if connection.dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_triggers(connection: Connection) -> None:
    statements = POSTGRES_DROP if connection.dialect.name == "postgresql" else SQLITE_DROP
    for statement in statements:
        connection.exec_driver_sql(statement)
