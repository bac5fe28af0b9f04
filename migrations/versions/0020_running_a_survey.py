"""Running a survey: a target number of responses, "Other – please tell us" on choice
questions (the words kept with the answer), and a daily email to a coordinator who asks for one,
counting new responses, queued through the outbox at most once a day.

An outbox message is now for a participant or for a member of staff, and is about an update,
a claim, or one day's count of new responses to a survey (never two for the same day).

Revision ID: 0020
Revises: 0021
Create Date: 2026-12-12 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0021"
branch_labels = None
depends_on = None

ABOUT_ONE_THING = (
    "(CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) + "
    "(CASE WHEN claim_event_id IS NULL THEN 0 ELSE 1 END) + "
    "(CASE WHEN digest_survey_id IS NULL THEN 0 ELSE 1 END) = 1"
)


def upgrade() -> None:
    # Plain ADD COLUMNs: SQLite's batch mode would copy these tables and drop the triggers that
    # move the survey version (0012) and keep the tallies (0018).
    op.add_column("surveys", sa.Column("response_target", sa.Integer(), nullable=True))
    op.add_column(
        "questions",
        sa.Column("offers_other", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("answers", sa.Column("other_text", sa.Text(), nullable=True))
    op.create_table(
        "survey_digests",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("counted_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sent_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_users.id"],
            name=op.f("fk_survey_digests_staff_id_staff_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_digests_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("survey_id", "staff_id", name=op.f("pk_survey_digests")),
    )
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_constraint(op.f("ck_outbox_messages_about_one_thing"), type_="check")
        batch.alter_column("participant_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("staff_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("digest_survey_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("digest_on", sa.Date(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_outbox_messages_staff_id_staff_users"),
            "staff_users",
            ["staff_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_foreign_key(
            op.f("fk_outbox_messages_digest_survey_id_surveys"),
            "surveys",
            ["digest_survey_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(batch.f("ix_outbox_messages_staff_id"), ["staff_id"])
        batch.create_unique_constraint(
            "one_digest_a_day", ["digest_survey_id", "staff_id", "digest_on"]
        )
        batch.create_check_constraint("about_one_thing", ABOUT_ONE_THING)
        batch.create_check_constraint(
            "for_one_person", "(participant_id IS NULL) <> (staff_id IS NULL)"
        )


def downgrade() -> None:
    op.execute("DELETE FROM outbox_messages WHERE digest_survey_id IS NOT NULL")
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_constraint(op.f("ck_outbox_messages_for_one_person"), type_="check")
        batch.drop_constraint(op.f("ck_outbox_messages_about_one_thing"), type_="check")
        batch.drop_constraint("one_digest_a_day", type_="unique")
        batch.drop_index(batch.f("ix_outbox_messages_staff_id"))
        batch.drop_constraint(
            op.f("fk_outbox_messages_digest_survey_id_surveys"), type_="foreignkey"
        )
        batch.drop_constraint(op.f("fk_outbox_messages_staff_id_staff_users"), type_="foreignkey")
        batch.drop_column("digest_on")
        batch.drop_column("digest_survey_id")
        batch.drop_column("staff_id")
        batch.alter_column("participant_id", existing_type=sa.Integer(), nullable=False)
        batch.create_check_constraint(
            "about_one_thing", "(event_id IS NULL) <> (claim_event_id IS NULL)"
        )
    op.drop_table("survey_digests")
    op.drop_column("answers", "other_text")
    op.drop_column("questions", "offers_other")
    op.drop_column("surveys", "response_target")
