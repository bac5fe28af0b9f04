"""One counter that moves whenever anything a public page shows changes.

Public pages (the home page, a survey's start page, "You said, we did") are drawn once and
shared by every visitor who has nothing of their own on them (app/core/shared_pages.py). The
counter tells each web process, in one small query, whether its copy is still true. Triggers
move it, so no code path can change what the public sees and forget to.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 22:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Everything the shared pages draw from. Questions, options and survey words move
# surveys.version (migration 0012), so surveys' own trigger covers them.
PUBLIC_TABLES = (
    "surveys",
    "updates",
    "update_links",
    "update_events",
    "update_texts",
    "results_summaries",
    "summary_questions",
    "summary_quotes",
    "projects",
    "themes",
    "involvement_sessions",
    "settings",
    "answer_themes",  # the people behind an update: answers tagged with its theme...
    "attendances",  # ...and the people at its sessions
)
# ...counted over submitted responses only: a submitted one that changes or goes moves the
# counter; one that starts or is answered (a crowd's every step) does not.
RESPONSES_SQLITE = [
    f"CREATE TRIGGER responses_{event.lower()}_moves_shared_pages AFTER {event} ON responses "
    f"FOR EACH ROW WHEN OLD.status = 'submitted' BEGIN {{bump}}; END"
    for event in ("UPDATE", "DELETE")
]
RESPONSES_POSTGRES = (
    "CREATE TRIGGER responses_moves_shared_pages AFTER UPDATE OR DELETE ON responses "
    "FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION shared_pages_move()"
)
BUMP = "UPDATE shared_page_generation SET generation = generation + 1 WHERE name = 'public'"


def upgrade() -> None:
    op.create_table(
        "shared_page_generation",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_shared_page_generation")),
    )
    op.execute("INSERT INTO shared_page_generation (name, generation) VALUES ('public', 1)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION shared_pages_move() RETURNS trigger AS $$ BEGIN "
            f"{BUMP}; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        for table in PUBLIC_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_moves_shared_pages AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION shared_pages_move()"
            )
        op.execute(RESPONSES_POSTGRES)
        return
    for table in PUBLIC_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_{event.lower()}_moves_shared_pages AFTER {event} "
                f"ON {table} FOR EACH ROW BEGIN {BUMP}; END"
            )
    for statement in RESPONSES_SQLITE:
        op.execute(statement.format(bump=BUMP))


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER IF EXISTS responses_moves_shared_pages ON responses")
    else:
        op.execute("DROP TRIGGER IF EXISTS responses_update_moves_shared_pages")
        op.execute("DROP TRIGGER IF EXISTS responses_delete_moves_shared_pages")
    for table in PUBLIC_TABLES:
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_moves_shared_pages ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_moves_shared_pages")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS shared_pages_move()")
    op.drop_table("shared_page_generation")
