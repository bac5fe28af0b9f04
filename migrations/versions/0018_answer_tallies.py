"""Counts of sent answers kept as they come, so the results page never counts a million rows.

answer_tallies holds, for each question, response language, channel, "rather not say" and stored
answer, how many sent responses gave it (written answers are counted, not their words: their
value is ''). response_tallies holds how many sent responses each survey has per language and
channel. Database triggers keep both true, so no code path can change a response or an answer
and forget to: a response starting or stopping to count (it counts while sent and not withdrawn:
any other status, or a withdrawal, takes it out), a counted response moving language or channel
(a paper form corrected), a counted response deleted, an answer of a counted response added,
corrected or deleted. The results page and published summaries add these rows up
(app/surveys/results/tallies.py).

Each trigger adds or takes one per tally row it touches, in one statement: on PostgreSQL an
UPSERT locks just that row until the sending transaction commits, and a response's rows are
always taken response count first, then answers in question order, so two sends cannot wait
on each other in a circle.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-09 23:00:00.000000

"""

# ruff: noqa: S608  every name and value in these statements is fixed here
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


# A response counts while it is sent and not withdrawn (app/surveys/response_models.counted).
def _counts(r: str) -> str:
    return f"({r}.status = 'submitted' AND {r}.withdrawn_at IS NULL)"


# The tallied form of answer {a} to question q: written words are counted, never stored.
VALUE = "CASE WHEN q.kind IN ('short_text', 'long_text') THEN '' ELSE COALESCE({a}.value, '') END"
# Answered or declined; an answer row with neither (never shown) is not counted, as before.
COUNTED = "({a}.declined OR {a}.value IS NOT NULL)"
KEY = "(question_id, language, channel, declined, value)"
ADD = f"ON CONFLICT {KEY} DO UPDATE SET count = answer_tallies.count + 1"


def _one_answer_added(a: str) -> str:
    return (
        "INSERT INTO answer_tallies (question_id, language, channel, declined, value, count) "
        f"SELECT q.id, r.language, r.channel, {a}.declined, {VALUE.format(a=a)}, 1 "
        f"FROM responses r, questions q WHERE r.id = {a}.response_id AND {_counts('r')} "
        f"AND q.id = {a}.question_id AND {COUNTED.format(a=a)} {ADD}"
    )


def _one_answer_taken(a: str) -> str:
    return (
        "UPDATE answer_tallies SET count = count - 1 "
        f"WHERE question_id = {a}.question_id AND declined = {a}.declined "
        f"AND {COUNTED.format(a=a)} AND (language, channel, value) IN "
        f"(SELECT r.language, r.channel, {VALUE.format(a=a)} FROM responses r, questions q "
        f"WHERE r.id = {a}.response_id AND {_counts('r')} AND q.id = {a}.question_id)"
    )


# A whole response ({r}: NEW or OLD) arriving in or leaving the counts. The answers of one
# response are on different questions (one_per_question), so each touches its own tally row.
def _response_added(r: str) -> list[str]:
    return [
        "INSERT INTO response_tallies (survey_id, language, channel, count) "
        f"VALUES ({r}.survey_id, {r}.language, {r}.channel, 1) "
        "ON CONFLICT (survey_id, language, channel) "
        "DO UPDATE SET count = response_tallies.count + 1",
        "INSERT INTO answer_tallies (question_id, language, channel, declined, value, count) "
        f"SELECT a.question_id, {r}.language, {r}.channel, a.declined, {VALUE.format(a='a')}, 1 "
        "FROM answers a JOIN questions q ON q.id = a.question_id "
        f"WHERE a.response_id = {r}.id AND {COUNTED.format(a='a')} ORDER BY a.question_id {ADD}",
    ]


def _response_taken(r: str) -> list[str]:
    return [
        # Not when the survey itself is being deleted: its tallies go with it.
        "UPDATE response_tallies SET count = count - 1 "
        f"WHERE survey_id = (SELECT id FROM surveys WHERE id = {r}.survey_id) "
        f"AND language = {r}.language AND channel = {r}.channel",
        "UPDATE answer_tallies SET count = count - 1 "
        f"WHERE language = {r}.language AND channel = {r}.channel "
        f"AND (question_id, declined, value) IN (SELECT a.question_id, a.declined, "
        f"{VALUE.format(a='a')} FROM answers a JOIN questions q ON q.id = a.question_id "
        f"WHERE a.response_id = {r}.id AND {COUNTED.format(a='a')})",
    ]


# When a response's place in the counts changes: it stops or starts being sent, or a sent one
# moves survey, language or channel (a paper response corrected).
MOVED = (
    "(NEW.survey_id <> OLD.survey_id OR NEW.language <> OLD.language OR NEW.channel <> OLD.channel)"
)
LEAVES = f"{_counts('OLD')} AND (NOT {_counts('NEW')} OR {MOVED})"
ARRIVES = f"{_counts('NEW')} AND (NOT {_counts('OLD')} OR {MOVED})"
ANSWER_CHANGED = (
    "OLD.value IS DISTINCT FROM NEW.value OR OLD.declined IS DISTINCT FROM NEW.declined "
    "OR OLD.question_id <> NEW.question_id OR OLD.response_id <> NEW.response_id"
)


def _sqlite() -> list[str]:
    def trigger(name: str, when: str, table: str, condition: str, body: list[str]) -> str:
        return (
            f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW WHEN {condition} "
            f"BEGIN {'; '.join(body)}; END"
        )

    changed = ANSWER_CHANGED.replace("IS DISTINCT FROM", "IS NOT")
    return [
        trigger("answers_insert_tally", "AFTER INSERT", "answers", "1", [_one_answer_added("NEW")]),
        trigger(
            "answers_update_tally",
            "AFTER UPDATE",
            "answers",
            changed,
            [_one_answer_taken("OLD"), _one_answer_added("NEW")],
        ),
        trigger("answers_delete_tally", "AFTER DELETE", "answers", "1", [_one_answer_taken("OLD")]),
        trigger(
            "responses_insert_tally",
            "AFTER INSERT",
            "responses",
            _counts("NEW"),
            _response_added("NEW"),
        ),
        trigger(
            "responses_leave_tally", "AFTER UPDATE", "responses", LEAVES, _response_taken("OLD")
        ),
        trigger(
            "responses_arrive_tally", "AFTER UPDATE", "responses", ARRIVES, _response_added("NEW")
        ),
        # Before: the answers are still there to be taken away, whatever the database deletes
        # next; afterwards each answer's own trigger finds no sent response and does nothing.
        trigger(
            "responses_delete_tally",
            "BEFORE DELETE",
            "responses",
            _counts("OLD"),
            _response_taken("OLD"),
        ),
    ]


def _plpgsql(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN {body} "
        "END $$ LANGUAGE plpgsql"
    )


def _statements(statements: list[str]) -> str:
    return "".join(f"{statement}; " for statement in statements)


def _postgres() -> list[str]:
    answers = (
        f"IF TG_OP <> 'INSERT' THEN {_one_answer_taken('OLD')}; END IF; "
        f"IF TG_OP <> 'DELETE' THEN {_one_answer_added('NEW')}; END IF; RETURN NULL;"
    )
    responses = (
        # Before the delete (see the SQLite trigger): OLD goes on to be deleted.
        f"IF TG_OP = 'DELETE' THEN {_statements(_response_taken('OLD'))}RETURN OLD; END IF; "
        f"IF TG_OP = 'UPDATE' AND {LEAVES} THEN {_statements(_response_taken('OLD'))}END IF; "
        f"IF TG_OP = 'INSERT' OR {ARRIVES} THEN {_statements(_response_added('NEW'))}END IF; "
        "RETURN NULL;"
    )
    return [
        _plpgsql("answers_tally", answers),
        "CREATE TRIGGER answers_tally AFTER INSERT OR DELETE ON answers "
        "FOR EACH ROW EXECUTE FUNCTION answers_tally()",
        "CREATE TRIGGER answers_tally_update AFTER UPDATE ON answers FOR EACH ROW "
        f"WHEN ({ANSWER_CHANGED}) EXECUTE FUNCTION answers_tally()",
        _plpgsql("responses_tally", responses),
        "CREATE TRIGGER responses_tally AFTER INSERT ON responses FOR EACH ROW "
        f"WHEN {_counts('NEW')} EXECUTE FUNCTION responses_tally()",
        "CREATE TRIGGER responses_tally_update AFTER UPDATE ON responses FOR EACH ROW "
        f"WHEN (({LEAVES}) OR ({ARRIVES})) EXECUTE FUNCTION responses_tally()",
        "CREATE TRIGGER responses_tally_delete BEFORE DELETE ON responses FOR EACH ROW "
        f"WHEN {_counts('OLD')} EXECUTE FUNCTION responses_tally()",
    ]


POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS answers_tally ON answers",
    "DROP TRIGGER IF EXISTS answers_tally_update ON answers",
    "DROP TRIGGER IF EXISTS responses_tally ON responses",
    "DROP TRIGGER IF EXISTS responses_tally_update ON responses",
    "DROP TRIGGER IF EXISTS responses_tally_delete ON responses",
    "DROP FUNCTION IF EXISTS answers_tally()",
    "DROP FUNCTION IF EXISTS responses_tally()",
]
SQLITE_TRIGGERS = (
    "answers_insert_tally",
    "answers_update_tally",
    "answers_delete_tally",
    "responses_insert_tally",
    "responses_leave_tally",
    "responses_arrive_tally",
    "responses_delete_tally",
)
# Counts of what is already there, as the results code counted them.
BACKFILL = [
    "INSERT INTO answer_tallies (question_id, language, channel, declined, value, count) "
    f"SELECT a.question_id, r.language, r.channel, a.declined, {VALUE.format(a='a')}, COUNT(*) "
    "FROM answers a JOIN responses r ON r.id = a.response_id "
    "JOIN questions q ON q.id = a.question_id "
    f"WHERE {_counts('r')} AND {COUNTED.format(a='a')} GROUP BY 1, 2, 3, 4, 5",
    "INSERT INTO response_tallies (survey_id, language, channel, count) "
    f"SELECT survey_id, language, channel, COUNT(*) FROM responses r WHERE {_counts('r')} "
    "GROUP BY survey_id, language, channel",
]


def _create_tallies(name: str, owner: str, *more: sa.Column) -> None:
    """A table of counts per owner (a question or a survey), language and channel, and more."""
    owner_id = f"{owner}_id"
    key = [owner_id, "language", "channel", *(column.name for column in more)]
    op.create_table(
        name,
        sa.Column(owner_id, sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        *more,
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            [owner_id],
            [f"{owner}s.id"],
            name=op.f(f"fk_{name}_{owner_id}_{owner}s"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(*key, name=op.f(f"pk_{name}")),
    )


def upgrade() -> None:
    _create_tallies(
        "answer_tallies",
        "question",
        sa.Column("declined", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
    )
    _create_tallies("response_tallies", "survey")
    for statement in BACKFILL:
        op.execute(statement)
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in _postgres() if postgres else _sqlite():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        statements = POSTGRES_DROP
    else:
        statements = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
    for statement in statements:
        op.execute(statement)
    op.drop_table("response_tallies")
    op.drop_table("answer_tallies")
