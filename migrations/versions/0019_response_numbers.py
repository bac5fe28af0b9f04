"""Each sent response gets a number of its own within its survey (1, 2, 3...), in the order the
responses were sent: the reference staff pages and the CSV give a charity, in place of a
database id that means nothing to them and counts every other survey's responses too.

The database gives the number as a response becomes sent, so no code path can send one without
it: the next after the survey's highest so far. A withdrawn response keeps its number, and
numbers are never given twice (one per survey). On PostgreSQL two responses to one survey sent
at the same moment take turns (a lock on that survey's numbers until the send commits); SQLite
writes one at a time anyway. Responses sent before this are numbered by when they were sent.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-10 09:00:00.000000

"""

# ruff: noqa: S608  every name and value in these statements is fixed here
import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

SENT = "'submitted'"
NEXT = "(SELECT COALESCE(MAX(number), 0) + 1 FROM responses WHERE survey_id = NEW.survey_id)"
NEEDS_ONE = f"NEW.status = {SENT} AND NEW.number IS NULL"
# Any fixed number of our own: with the survey's id it names the lock on that survey's numbers.
LOCK_SPACE = 1017

BACKFILL = f"""
UPDATE responses SET number = (
    SELECT numbered.n FROM (
        SELECT id, row_number() OVER (
            PARTITION BY survey_id ORDER BY COALESCE(submitted_at, created_at), id
        ) AS n
        FROM responses WHERE status = {SENT}
    ) AS numbered WHERE numbered.id = responses.id
)
WHERE status = {SENT}
"""

SQLITE = [
    f"CREATE TRIGGER responses_{name}_number AFTER {event} ON responses "
    f"FOR EACH ROW WHEN {NEEDS_ONE} BEGIN "
    f"UPDATE responses SET number = {NEXT} WHERE id = NEW.id; END"
    for name, event in (("insert", "INSERT"), ("update", "UPDATE OF status"))
]
POSTGRES = [
    "CREATE OR REPLACE FUNCTION responses_number() RETURNS trigger AS $$ BEGIN "
    f"PERFORM pg_advisory_xact_lock({LOCK_SPACE}, NEW.survey_id); "
    f"NEW.number := {NEXT}; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER responses_number BEFORE INSERT OR UPDATE OF status ON responses "
    f"FOR EACH ROW WHEN ({NEEDS_ONE}) EXECUTE FUNCTION responses_number()",
]

# Giving the number is itself an update of a sent response (on SQLite, a second UPDATE): the
# shared public pages' counter (migration 0015) moves only when whether a sent response counts
# changes, never for its number, or every answer sent would redraw the home page for a crowd.
BUMP = "UPDATE shared_page_generation SET generation = generation + 1 WHERE name = 'public'"
COUNTS_CHANGE = (
    "OLD.status = 'submitted' AND (NEW.status IS NOT OLD.status "
    "OR NEW.withdrawn_at IS NOT OLD.withdrawn_at OR NEW.survey_id IS NOT OLD.survey_id)"
)
SHARED_SQLITE = [
    "DROP TRIGGER responses_update_moves_shared_pages",
    "CREATE TRIGGER responses_update_moves_shared_pages AFTER UPDATE ON responses "
    f"FOR EACH ROW WHEN {COUNTS_CHANGE} BEGIN {BUMP}; END",
]
SHARED_POSTGRES = [
    "DROP TRIGGER responses_moves_shared_pages ON responses",
    "CREATE TRIGGER responses_update_moves_shared_pages AFTER UPDATE ON responses FOR EACH ROW "
    f"WHEN ({COUNTS_CHANGE.replace('IS NOT', 'IS DISTINCT FROM')}) "
    "EXECUTE FUNCTION shared_pages_move()",
    "CREATE TRIGGER responses_delete_moves_shared_pages AFTER DELETE ON responses FOR EACH ROW "
    "WHEN (OLD.status = 'submitted') EXECUTE FUNCTION shared_pages_move()",
]
SHARED_SQLITE_BEFORE = [
    "DROP TRIGGER responses_update_moves_shared_pages",
    "CREATE TRIGGER responses_update_moves_shared_pages AFTER UPDATE ON responses "
    f"FOR EACH ROW WHEN OLD.status = 'submitted' BEGIN {BUMP}; END",
]
SHARED_POSTGRES_BEFORE = [
    "DROP TRIGGER responses_update_moves_shared_pages ON responses",
    "DROP TRIGGER responses_delete_moves_shared_pages ON responses",
    "CREATE TRIGGER responses_moves_shared_pages AFTER UPDATE OR DELETE ON responses "
    "FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION shared_pages_move()",
]


def upgrade() -> None:
    op.add_column("responses", sa.Column("number", sa.Integer(), nullable=True))
    op.execute(BACKFILL)
    op.create_index("ix_responses_survey_number", "responses", ["survey_id", "number"], unique=True)
    # The CSV lists a survey's responses in the order they were sent, a batch at a time.
    sent_order = ["survey_id", "submitted_at", "number"]
    op.create_index("ix_responses_survey_sent", "responses", sent_order)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in (SQLITE + SHARED_SQLITE) if sqlite else (POSTGRES + SHARED_POSTGRES):
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SHARED_SQLITE_BEFORE if sqlite else SHARED_POSTGRES_BEFORE:
        op.execute(statement)
    if sqlite:
        op.execute("DROP TRIGGER responses_insert_number")
        op.execute("DROP TRIGGER responses_update_number")
    else:
        op.execute("DROP TRIGGER responses_number ON responses")
        op.execute("DROP FUNCTION responses_number()")
    op.drop_index("ix_responses_survey_sent", "responses")
    op.drop_index("ix_responses_survey_number", "responses")
    op.drop_column("responses", "number")
