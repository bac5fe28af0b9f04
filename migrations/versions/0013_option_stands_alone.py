"""An answer that stands alone: "Nothing makes it hard" cannot be ticked with other answers.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 17:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: SQLite's batch mode would copy the table and drop
    # the triggers that move the survey version (0012).
    op.add_column(
        "options", sa.Column("exclusive", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    op.drop_column("options", "exclusive")
