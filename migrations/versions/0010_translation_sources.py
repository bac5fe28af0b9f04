"""Keep the main-language words each translation was made from, so a change marks it stale.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-03 08:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("survey_texts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=True))

    with op.batch_alter_table("update_texts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("update_texts", schema=None) as batch_op:
        batch_op.drop_column("source")

    with op.batch_alter_table("survey_texts", schema=None) as batch_op:
        batch_op.drop_column("source")
