"""A version on each survey, moved on by the database whenever its words or questions change.

Participant pages keep each survey built once per (version, language) and check the version
with one small query, so every web process sees a staff edit, translation, opening or closing
at once. Triggers move the version, so no code path can change a survey and forget to.

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-03 08:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0009"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("questions", "survey_texts", "options")
# Which survey a row of each table belongs to, for the triggers (NEW or OLD in place of ROW).
SURVEY_OF = {
    "questions": "ROW.survey_id",
    "survey_texts": "ROW.survey_id",
    "options": "(SELECT survey_id FROM questions WHERE id = ROW.question_id)",
}

SQLITE_SURVEY = (
    "CREATE TRIGGER surveys_version_moves AFTER UPDATE ON surveys FOR EACH ROW "
    "WHEN NEW.version = OLD.version BEGIN "
    "UPDATE surveys SET version = OLD.version + 1 WHERE id = NEW.id; END"
)
POSTGRES_SURVEY = (
    "CREATE OR REPLACE FUNCTION surveys_version_moves() RETURNS trigger AS $$ BEGIN "
    "IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; "
    "RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER surveys_version_moves BEFORE UPDATE ON surveys "
    "FOR EACH ROW EXECUTE FUNCTION surveys_version_moves()",
)


def _sqlite_content(table: str) -> list[str]:
    statements = []
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        survey = SURVEY_OF[table].replace("ROW", row)
        statements.append(
            f"CREATE TRIGGER {table}_{event.lower()}_moves_survey AFTER {event} ON {table} "  # noqa: S608  fixed names
            f"FOR EACH ROW BEGIN UPDATE surveys SET version = version + 1 WHERE id = {survey}; END"
        )
    return statements


def _postgres_content(table: str) -> list[str]:
    survey = SURVEY_OF[table].replace("ROW", "changed")
    return [
        f"CREATE OR REPLACE FUNCTION {table}_move_survey() RETURNS trigger AS $$ "  # noqa: S608  fixed names
        "DECLARE changed RECORD; BEGIN "
        "IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF; "
        f"UPDATE surveys SET version = version + 1 WHERE id = {survey}; "
        "RETURN NULL; END $$ LANGUAGE plpgsql",
        f"CREATE TRIGGER {table}_move_survey AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_move_survey()",
    ]


def upgrade():
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        statements = list(POSTGRES_SURVEY)
        for table in CONTENT_TABLES:
            statements += _postgres_content(table)
    else:
        statements = [SQLITE_SURVEY]
        for table in CONTENT_TABLES:
            statements += _sqlite_content(table)
    for statement in statements:
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS surveys_version_moves ON surveys")
        op.execute("DROP FUNCTION IF EXISTS surveys_version_moves()")
        for table in CONTENT_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_move_survey ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_move_survey()")
    else:
        op.execute("DROP TRIGGER IF EXISTS surveys_version_moves")
        for table in CONTENT_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_moves_survey")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_column("version")
