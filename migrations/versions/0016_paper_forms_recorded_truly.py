"""Paper forms recorded as they were: the day the person answered, the older consent words they
may have read, answers the branching skipped kept as notes, and corrections and withdrawals of
typed-in responses kept with who, when and why.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-09 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Older consent words are known only from the responses that recorded them; those in the
# survey's main language are the words as written (others hold a translation).
_OLDER_WORDS = """
INSERT INTO consent_wordings (survey_id, version, text, replaced_at)
SELECT r.survey_id, r.consent_version, MIN(r.consent_text), NULL
FROM responses r JOIN surveys s ON s.id = r.survey_id
WHERE r.consent_version < s.consent_version AND r.consent_text IS NOT NULL
  AND r.language = s.main_language
GROUP BY r.survey_id, r.consent_version
"""


def upgrade() -> None:
    # Plain ADD COLUMN on both databases: SQLite's batch mode would copy the table, and
    # dropping the old one would take every answer with it (foreign keys cascade).
    op.add_column("responses", sa.Column("answered_on", sa.Date(), nullable=True))
    op.add_column("responses", sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "consent_wordings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_consent_wordings_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_wordings")),
        sa.UniqueConstraint("survey_id", "version", name="survey_version"),
    )
    op.create_table(
        "response_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("question_text", sa.Text(), nullable=False),
        sa.Column("answer_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_response_notes_question_id_questions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name=op.f("fk_response_notes_response_id_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_notes")),
    )
    op.create_index(
        op.f("ix_response_notes_response_id"), "response_notes", ["response_id"], unique=False
    )
    op.create_table(
        "response_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "corrected",
                "withdrawn",
                name="response_change_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name=op.f("fk_response_changes_response_id_responses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_users.id"],
            name=op.f("fk_response_changes_staff_id_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_changes")),
    )
    op.create_index(
        op.f("ix_response_changes_response_id"), "response_changes", ["response_id"], unique=False
    )
    op.execute(_OLDER_WORDS)


def downgrade() -> None:
    op.drop_index(op.f("ix_response_changes_response_id"), table_name="response_changes")
    op.drop_table("response_changes")
    op.drop_index(op.f("ix_response_notes_response_id"), table_name="response_notes")
    op.drop_table("response_notes")
    op.drop_table("consent_wordings")
    op.drop_column("responses", "withdrawn_at")
    op.drop_column("responses", "answered_on")
