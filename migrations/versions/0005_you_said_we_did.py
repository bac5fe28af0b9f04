"""You said, we did: updates with their history and translations, an outbox, results summaries.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 14:37:28.986113

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("main_language", sa.String(length=8), nullable=False),
        sa.Column("said", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "considering",
                "doing",
                "done",
                "cant_do",
                name="update_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("people_count", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("form_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status <> 'cant_do' OR reason <> ''", name=op.f("ck_updates_cant_do_has_reason")
        ),
        sa.CheckConstraint(
            "people_count IS NULL OR people_count >= 0", name=op.f("ck_updates_people_count_sign")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff_users.id"], name=op.f("fk_updates_created_by_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_updates_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_updates")),
        sa.UniqueConstraint("form_key", name=op.f("uq_updates_form_key")),
    )
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_updates_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_updates_published_at"), ["published_at"], unique=False)

    op.create_table(
        "results_summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["staff_users.id"],
            name=op.f("fk_results_summaries_changed_by_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_results_summaries_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results_summaries")),
        sa.UniqueConstraint("survey_id", name=op.f("uq_results_summaries_survey_id")),
    )
    op.create_table(
        "update_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "status",
                "published",
                "unpublished",
                name="update_event",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "considering",
                "doing",
                "done",
                "cant_do",
                name="update_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_staff_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_update_events_actor_staff_id_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["updates.id"],
            name=op.f("fk_update_events_update_id_updates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_events")),
    )
    with op.batch_alter_table("update_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_update_events_update_id"), ["update_id"], unique=False)

    op.create_table(
        "update_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["updates.id"],
            name=op.f("fk_update_texts_update_id_updates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_texts")),
        sa.UniqueConstraint("update_id", "language", "key", name="update_piece"),
    )
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("unsubscribe_url", sa.String(length=500), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "sending",
                "sent",
                "failed",
                "cancelled",
                "uncertain",
                name="message_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim_token", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_outbox_messages_attempts_sign")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["update_events.id"],
            name=op.f("fk_outbox_messages_event_id_update_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_outbox_messages_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
        sa.UniqueConstraint("event_id", "participant_id", name="once_per_event"),
    )
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_messages_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_outbox_messages_status"), ["status"], unique=False)

    op.create_table(
        "summary_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("summary_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_summary_questions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["summary_id"],
            ["results_summaries.id"],
            name=op.f("fk_summary_questions_summary_id_results_summaries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_questions")),
        sa.UniqueConstraint("summary_id", "question_id", name="summary_question_once"),
    )
    with op.batch_alter_table("summary_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_summary_questions_summary_id"), ["summary_id"], unique=False
        )

    op.create_table(
        "update_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "survey",
                "question",
                "theme",
                "session",
                name="link_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("survey_id", sa.Integer(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(CASE WHEN survey_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN question_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN theme_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN session_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_update_links_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_update_links_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["involvement_sessions.id"],
            name=op.f("fk_update_links_session_id_involvement_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_update_links_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_update_links_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["updates.id"],
            name=op.f("fk_update_links_update_id_updates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_links")),
    )
    with op.batch_alter_table("update_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_update_links_session_id"), ["session_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_update_links_survey_id"), ["survey_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_update_links_theme_id"), ["theme_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_update_links_update_id"), ["update_id"], unique=False)

    op.create_table(
        "summary_quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("summary_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_summary_quotes_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["summary_id"],
            ["results_summaries.id"],
            name=op.f("fk_summary_quotes_summary_id_results_summaries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_quotes")),
        sa.UniqueConstraint("summary_id", "answer_id", name="summary_quote_once"),
    )
    with op.batch_alter_table("summary_quotes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_summary_quotes_summary_id"), ["summary_id"], unique=False
        )

    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updates_seen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("updates_seen_at")

    with op.batch_alter_table("summary_quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summary_quotes_summary_id"))

    op.drop_table("summary_quotes")
    with op.batch_alter_table("update_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_update_links_update_id"))
        batch_op.drop_index(batch_op.f("ix_update_links_theme_id"))
        batch_op.drop_index(batch_op.f("ix_update_links_survey_id"))
        batch_op.drop_index(batch_op.f("ix_update_links_session_id"))

    op.drop_table("update_links")
    with op.batch_alter_table("summary_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summary_questions_summary_id"))

    op.drop_table("summary_questions")
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_messages_status"))
        batch_op.drop_index(batch_op.f("ix_outbox_messages_participant_id"))

    op.drop_table("outbox_messages")
    op.drop_table("update_texts")
    with op.batch_alter_table("update_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_update_events_update_id"))

    op.drop_table("update_events")
    op.drop_table("results_summaries")
    with op.batch_alter_table("updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_updates_published_at"))
        batch_op.drop_index(batch_op.f("ix_updates_project_id"))

    op.drop_table("updates")
