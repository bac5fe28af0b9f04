"""Privacy: erasure requests, an audit of erasure and retention runs, and when a person was erased.

Revision ID: 0008
Revises: 0010
Create Date: 2026-12-03 08:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "erasure_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by_id"],
            ["staff_users.id"],
            name=op.f("fk_erasure_requests_handled_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_erasure_requests_participant_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_requests")),
    )
    with op.batch_alter_table("erasure_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_erasure_requests_participant_id"), ["participant_id"], unique=False
        )
    op.create_table(
        "privacy_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("actor_staff_id", sa.Integer(), nullable=True),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_privacy_events_actor_staff_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_privacy_events_participant_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_events")),
    )
    with op.batch_alter_table("privacy_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privacy_events_participant_id"), ["participant_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("privacy_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_events_participant_id"))
    op.drop_table("privacy_events")
    with op.batch_alter_table("erasure_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_requests_participant_id"))
    op.drop_table("erasure_requests")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
