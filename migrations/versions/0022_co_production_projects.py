"""Projects become the unit a charity plans and runs: a stage, the template it started from,
the plan (one box of words for each of the research's prompts) and an accessibility checklist.
Surveys can now belong to a project, as sessions and updates already could.

The new columns are added with plain ALTER TABLE on both databases, their check and foreign key
written inline: SQLite's batch mode would copy the surveys table and drop its triggers (0012,
0018, 0019).

Revision ID: 0022
Revises: 0020
Create Date: 2026-12-09 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None

PLAN = (
    "why",
    "aims",
    "co_produce_now",
    "who_takes_part",
    "roles",
    "time_capacity",
    "skills",
    "support",
    "partners",
    "decisions",
    "safeguarding",
    "walk_away",
)
ACCESS_ITEMS = (
    "it",
    "interpreters",
    "timing",
    "advance",
    "childcare",
    "travel",
    "refreshments",
    "quiet_voices",
)
STAGE = (
    "ALTER TABLE projects ADD COLUMN stage VARCHAR(20) DEFAULT 'planning' NOT NULL "
    "CONSTRAINT ck_projects_project_stage "
    "CHECK (stage IN ('planning', 'running', 'finished'))"
)
SURVEY_PROJECT = (
    "ALTER TABLE surveys ADD COLUMN project_id INTEGER "
    "CONSTRAINT fk_surveys_project_id_projects REFERENCES projects (id)"
)


def upgrade() -> None:
    op.execute(STAGE)
    op.add_column(
        "projects", sa.Column("started_from", sa.String(40), nullable=False, server_default="")
    )
    op.add_column("projects", sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
    for part in PLAN:
        op.add_column("projects", sa.Column(part, sa.Text(), nullable=False, server_default=""))
    op.execute(SURVEY_PROJECT)
    op.create_index(op.f("ix_surveys_project_id"), "surveys", ["project_id"])
    op.create_table(
        "project_access_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column(
            "item",
            sa.Enum(
                *ACCESS_ITEMS,
                name="access_item",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_access_checks_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_access_checks")),
        sa.UniqueConstraint("project_id", "item", name="uq_project_access_checks_item"),
    )
    # Every project made before this gets its checklist, every item "not yet".
    values = " UNION ALL ".join(f"SELECT '{item}' AS item" for item in ACCESS_ITEMS)
    op.execute(
        "INSERT INTO project_access_checks (project_id, item) "  # noqa: S608  fixed words
        f"SELECT projects.id, items.item FROM projects CROSS JOIN ({values}) AS items"
    )


def downgrade() -> None:
    op.drop_table("project_access_checks")
    op.drop_index(op.f("ix_surveys_project_id"), table_name="surveys")
    op.drop_column("surveys", "project_id")
    for part in (*PLAN, "changed_at", "started_from", "stage"):
        op.drop_column("projects", part)
