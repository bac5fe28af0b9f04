"""Involvement ledger: participants, sign-in codes, sessions, rates, claims, audit, thresholds.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 12:21:55.485288

"""

import sqlalchemy as sa
from alembic import op

from app.ledger.audit import create_triggers
from app.ledger.audit import drop_triggers

# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "benefit_thresholds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "period",
            sa.Enum(
                "week",
                "month",
                "tax_year",
                name="period",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_pence > 0", name=op.f("ck_benefit_thresholds_amount_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_thresholds")),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("name", name=op.f("uq_projects_name")),
    )
    op.create_table(
        "rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "activity_type",
            sa.Enum(
                "workshop",
                "meeting",
                "interview_panel",
                "focus_group",
                "other",
                name="activity",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "basis",
            sa.Enum(
                "hourly",
                "half_day",
                "session",
                name="rate_basis",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "amount_pence >= 0 AND amount_pence <= 100000", name=op.f("ck_rates_amount_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rates")),
        sa.UniqueConstraint("activity_type", "basis", "effective_from", name="one_per_day"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "involvement_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "activity_type",
            sa.Enum(
                "workshop",
                "meeting",
                "interview_panel",
                "focus_group",
                "other",
                name="activity",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "minutes BETWEEN 1 AND 1440", name=op.f("ck_involvement_sessions_minutes_range")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_users.id"],
            name=op.f("fk_involvement_sessions_created_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_involvement_sessions_project_id_projects"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_involvement_sessions")),
    )
    with op.batch_alter_table("involvement_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_involvement_sessions_held_on"), ["held_on"], unique=False
        )

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("preferred_language", sa.String(length=8), nullable=False),
        sa.Column("contact_ways", sa.JSON(), nullable=False),
        sa.Column("hear_back", sa.Boolean(), nullable=False),
        sa.Column("access_needs", sa.JSON(), nullable=False),
        sa.Column("interpreter_language", sa.String(length=60), nullable=False),
        sa.Column("access_other", sa.Text(), nullable=False),
        sa.Column(
            "payment_preference",
            sa.Enum(
                "bank_transfer",
                "voucher",
                "cash",
                "expenses_only",
                "decline",
                "charity",
                name="payment_preference",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("receives_benefits", sa.Boolean(), nullable=False),
        sa.Column("benefits", sa.JSON(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=True),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.Column("card_code_digest", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_user_id"],
            ["staff_users.id"],
            name=op.f("fk_participants_staff_user_id_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
        sa.UniqueConstraint("card_code_digest", name=op.f("uq_participants_card_code_digest")),
        sa.UniqueConstraint("staff_user_id", name=op.f("uq_participants_staff_user_id")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_email"), ["email"], unique=False)

    op.create_table(
        "payment_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_users.id"],
            name=op.f("fk_payment_batches_created_by_id_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_payment_batches_number")),
    )
    op.create_table(
        "attendances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "taking_part",
                "agenda_setting",
                "note_taking",
                "facilitation",
                "speaking_for_group",
                "other",
                name="attendance_role",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_attendances_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["involvement_sessions.id"],
            name=op.f("fk_attendances_session_id_involvement_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
        sa.UniqueConstraint("session_id", "participant_id", name="once_each"),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendances_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "rejected",
                "changes_requested",
                "paid",
                "cancelled",
                name="claim_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("paid_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "paid_method",
            sa.Enum(
                "bank_transfer",
                "voucher",
                "cash",
                "charity",
                name="payment_method",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("paid_reference", sa.String(length=120), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("form_key", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("version >= 1", name=op.f("ck_claims_version_positive")),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["staff_users.id"],
            name=op.f("fk_claims_approved_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_claims_created_by_staff_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["paid_by_id"], ["staff_users.id"], name=op.f("fk_claims_paid_by_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_claims_participant_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("form_key", name=op.f("uq_claims_form_key")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claims_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "sign_in_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_sign_in_codes_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_codes")),
        sa.UniqueConstraint("digest", name=op.f("uq_sign_in_codes_digest")),
    )
    with op.batch_alter_table("sign_in_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sign_in_codes_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "claim_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("actor_staff_id", sa.Integer(), nullable=True),
        sa.Column("actor_participant_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_participant_id"],
            ["participants.id"],
            name=op.f("fk_claim_events_actor_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_claim_events_actor_staff_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_events_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_events")),
    )
    with op.batch_alter_table("claim_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_events_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "claim_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "expense",
                "payment",
                "reversal",
                name="line_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "travel",
                "mileage",
                "childcare",
                "care",
                "refreshments",
                "phone_data",
                "other",
                "time",
                name="line_category",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("counts_as_income", sa.Boolean(), nullable=False),
        sa.Column("offered_pence", sa.Integer(), nullable=True),
        sa.Column(
            "choice",
            sa.Enum(
                "accept",
                "take_less",
                "decline",
                "charity",
                name="choice",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("rate_id", sa.Integer(), nullable=True),
        sa.Column("attendance_id", sa.Integer(), nullable=True),
        sa.Column("miles", sa.Integer(), nullable=True),
        sa.Column("reverses_line_id", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'reversal' AND amount_pence <= 0) OR "
            "(kind <> 'reversal' AND amount_pence >= 0)",
            name=op.f("ck_claim_lines_amount_sign"),
        ),
        sa.CheckConstraint(
            "amount_pence BETWEEN -10000000 AND 10000000", name=op.f("ck_claim_lines_amount_range")
        ),
        sa.CheckConstraint(
            "offered_pence IS NULL OR offered_pence >= 0",
            name=op.f("ck_claim_lines_offered_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["attendance_id"],
            ["attendances.id"],
            name=op.f("fk_claim_lines_attendance_id_attendances"),
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["payment_batches.id"],
            name=op.f("fk_claim_lines_batch_id_payment_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_lines_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rate_id"], ["rates.id"], name=op.f("fk_claim_lines_rate_id_rates")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_line_id"],
            ["claim_lines.id"],
            name=op.f("fk_claim_lines_reverses_line_id_claim_lines"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_lines")),
    )
    with op.batch_alter_table("claim_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_lines_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_lines_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_receipts_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["claim_lines.id"],
            name=op.f("fk_receipts_line_id_claim_lines"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipts_claim_id"), ["claim_id"], unique=False)
    # The audit trail is append-only: the database refuses UPDATE and DELETE on it.
    create_triggers(op.get_bind())


def downgrade():
    drop_triggers(op.get_bind())
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipts_claim_id"))

    op.drop_table("receipts")
    with op.batch_alter_table("claim_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_lines_claim_id"))
        batch_op.drop_index(batch_op.f("ix_claim_lines_batch_id"))

    op.drop_table("claim_lines")
    with op.batch_alter_table("claim_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_events_claim_id"))

    op.drop_table("claim_events")
    with op.batch_alter_table("sign_in_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_codes_participant_id"))

    op.drop_table("sign_in_codes")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_participant_id"))

    op.drop_table("claims")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendances_participant_id"))

    op.drop_table("attendances")
    op.drop_table("payment_batches")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_email"))

    op.drop_table("participants")
    with op.batch_alter_table("involvement_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_involvement_sessions_held_on"))

    op.drop_table("involvement_sessions")
    op.drop_table("settings")
    op.drop_table("rates")
    op.drop_table("projects")
    op.drop_table("benefit_thresholds")
