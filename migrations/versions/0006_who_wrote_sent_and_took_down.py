"""Who wrote each claim line and who sent each claim; an admin's take-down holds an update.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 08:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("claim_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_staff_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_claim_lines_author_staff_id_staff_users"),
            "staff_users",
            ["author_staff_id"],
            ["id"],
        )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted_by_staff_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_claims_submitted_by_staff_id_staff_users"),
            "staff_users",
            ["submitted_by_staff_id"],
            ["id"],
        )
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("held_by_admin", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    # Lines written before this revision: a staff-made claim's lines were written by its maker.
    op.execute(
        "UPDATE claim_lines SET author_staff_id = "
        "(SELECT created_by_staff_id FROM claims WHERE claims.id = claim_lines.claim_id)"
    )


def downgrade():
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.drop_column("held_by_admin")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_claims_submitted_by_staff_id_staff_users"), type_="foreignkey"
        )
        batch_op.drop_column("submitted_by_staff_id")
    with op.batch_alter_table("claim_lines", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_claim_lines_author_staff_id_staff_users"), type_="foreignkey"
        )
        batch_op.drop_column("author_staff_id")
