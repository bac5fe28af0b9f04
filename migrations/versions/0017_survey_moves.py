"""Each change of a survey's status kept with who made it and when; an archived survey can be
brought back (as closed), so archiving is never a dead end.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 23:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_STATUSES = ("draft", "open", "closed", "archived")


def _status(name: str) -> sa.Enum:
    return sa.Enum(*_STATUSES, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "survey_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("from_status", _status("survey_move_from"), nullable=False),
        sa.Column("to_status", _status("survey_move_to"), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_moves_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_users.id"], name=op.f("fk_survey_moves_staff_id_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_moves")),
    )
    op.create_index(op.f("ix_survey_moves_survey_id"), "survey_moves", ["survey_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_moves_survey_id"), table_name="survey_moves")
    op.drop_table("survey_moves")
