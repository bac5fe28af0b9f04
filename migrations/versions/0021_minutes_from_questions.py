"""How long a survey takes can be worked out from its questions rather than typed: the start
page then always agrees with the questions it asks, however many are added or removed.

Surveys made before this keep the minutes typed for them.

Revision ID: 0021
Revises: 0019
Create Date: 2026-12-08 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: SQLite's batch mode would copy the table and drop
    # the triggers that move the survey version (0012).
    op.add_column(
        "surveys",
        sa.Column(
            "minutes_from_questions", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )


def downgrade() -> None:
    op.drop_column("surveys", "minutes_from_questions")
