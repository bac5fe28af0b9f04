"""A project's readiness checks (each question answered yes, partly or not yet, by one person or
a team, on a date) and its learning log.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-10 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def _project_id(table: str) -> list:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f(f"fk_{table}_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _words(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "project_readiness_checks",
        *_project_id("project_readiness_checks"),
        sa.Column("by_team", sa.Boolean(), nullable=False, server_default=sa.false()),
        _words("who"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        op.f("ix_project_readiness_checks_project_id"),
        "project_readiness_checks",
        ["project_id"],
    )
    op.create_table(
        "project_readiness_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(40), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "yes",
                "partly",
                "not_yet",
                name="readiness",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        _words("note"),
        sa.ForeignKeyConstraint(
            ["check_id"],
            ["project_readiness_checks.id"],
            name=op.f("fk_project_readiness_answers_check_id_project_readiness_checks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_readiness_answers")),
        sa.UniqueConstraint("check_id", "question", name="uq_project_readiness_answers_question"),
    )
    op.create_table(
        "project_learning_entries",
        *_project_id("project_learning_entries"),
        _words("worked"),
        _words("did_not_work"),
        _words("differently"),
        sa.Column("written_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        op.f("ix_project_learning_entries_project_id"),
        "project_learning_entries",
        ["project_id"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_project_learning_entries_project_id"), table_name="project_learning_entries"
    )
    op.drop_table("project_learning_entries")
    op.drop_table("project_readiness_answers")
    op.drop_index(
        op.f("ix_project_readiness_checks_project_id"), table_name="project_readiness_checks"
    )
    op.drop_table("project_readiness_checks")
