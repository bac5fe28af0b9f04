"""Messages about a person's own claim (approved, needs a change, not paid, paid) go through the
same outbox as messages about updates: each row belongs to an update event or a claim event.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 20:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_messages") as batch:
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("claim_event_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_outbox_messages_claim_event_id_claim_events"),
            "claim_events",
            ["claim_event_id"],
            ["id"],
        )
        batch.create_unique_constraint("once_per_claim_event", ["claim_event_id", "participant_id"])
        batch.create_check_constraint(
            "about_one_thing", "(event_id IS NULL) <> (claim_event_id IS NULL)"
        )


def downgrade() -> None:
    op.execute("DELETE FROM outbox_messages WHERE event_id IS NULL")
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_constraint("ck_outbox_messages_about_one_thing", type_="check")
        batch.drop_constraint("once_per_claim_event", type_="unique")
        batch.drop_constraint(
            op.f("fk_outbox_messages_claim_event_id_claim_events"), type_="foreignkey"
        )
        batch.drop_column("claim_event_id")
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=False)
