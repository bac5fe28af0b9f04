"""Each benefit limit can name the benefit it belongs to, so people are warned only about theirs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 13:10:09.922988

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("benefit_thresholds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("benefit", sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table("benefit_thresholds", schema=None) as batch_op:
        batch_op.drop_column("benefit")
