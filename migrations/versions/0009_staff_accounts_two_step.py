"""Staff accounts on the web: two-step sign-in, recovery codes, account history.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 08:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN (no table copy), so SQLite keeps every row that refers to a staff member.
    op.add_column(
        "staff_users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("staff_users", sa.Column("totp_secret", sa.String(length=64), nullable=True))
    op.add_column("staff_users", sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
    op.create_table(
        "staff_recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_user_id"],
            ["staff_users.id"],
            name=op.f("fk_staff_recovery_codes_staff_user_id_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_recovery_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_staff_recovery_codes_code_hash")),
    )
    op.create_index(
        op.f("ix_staff_recovery_codes_staff_user_id"),
        "staff_recovery_codes",
        ["staff_user_id"],
        unique=False,
    )
    op.create_table(
        "staff_account_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["staff_users.id"],
            name=op.f("fk_staff_account_events_actor_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_user_id"],
            ["staff_users.id"],
            name=op.f("fk_staff_account_events_staff_user_id_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_account_events")),
    )
    op.create_index(
        op.f("ix_staff_account_events_staff_user_id"),
        "staff_account_events",
        ["staff_user_id"],
        unique=False,
    )


def downgrade():
    op.drop_index(op.f("ix_staff_account_events_staff_user_id"), table_name="staff_account_events")
    op.drop_table("staff_account_events")
    op.drop_index(op.f("ix_staff_recovery_codes_staff_user_id"), table_name="staff_recovery_codes")
    op.drop_table("staff_recovery_codes")
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
        batch.drop_column("must_change_password")
