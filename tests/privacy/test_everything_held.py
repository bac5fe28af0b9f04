"""Everything we hold about a person reaches their download: every table that refers to them,
messages with the address used, sign-in code times (never codes), and the receipt photos."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Flask
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import Table

from app.db import utcnow
from app.extensions import db
from app.ledger.models import ClaimEvent
from app.ledger.models import Receipt
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.people.models import SignInCode
from app.privacy.models import ErasureRequest
from app.privacy.models import PrivacyEvent
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import ChangeKind
from app.surveys.response_models import Response
from app.surveys.response_models import ResponseChange
from app.surveys.response_models import ResponseNote
from app.surveys.summary.models import ResultsSummary
from app.surveys.summary.models import SummaryQuote
from tests.pagecheck import check_page

Held = dict[str, Any]


def _claims(held: Held) -> list[Held]:
    return held["claims"]


def _answers(held: Held) -> list[Held]:
    return [answer for response in held["survey_answers"] for answer in response["answers"]]


# Each table that refers to a person, and where its rows show in the download. A new table that
# refers to a participant fails the walk below until it is added to the download and here.
EXPORTED: dict[str, Callable[[Held], object]] = {
    "participants": lambda held: held["participant"]["name"],
    "attendances": lambda held: held["sessions"],
    "claims": _claims,
    "claim_lines": lambda held: [line for claim in _claims(held) for line in claim["lines"]],
    "claim_events": lambda held: [e for claim in _claims(held) for e in claim["events"]],
    "receipts": lambda held: [r for claim in _claims(held) for r in claim["receipts"]],
    "responses": lambda held: held["survey_answers"],
    "answers": _answers,
    "response_notes": lambda held: [n for r in held["survey_answers"] for n in r["notes"]],
    "response_changes": lambda held: [c for r in held["survey_answers"] for c in r["history"]],
    "answer_themes": lambda held: [t for answer in _answers(held) for t in answer["themes"]],
    "summary_quotes": lambda held: [a for a in _answers(held) if a["quoted_in_a_summary"]],
    "outbox_messages": lambda held: held["messages_sent"],
    "sign_in_codes": lambda held: held["sign_in_codes"],
    "erasure_requests": lambda held: held["erasure_requests"],
    "privacy_events": lambda held: held["privacy_actions"],
}


def tables_about_a_person(metadata: MetaData) -> set[str]:
    """Tables pointing at a participant (a foreign key, or a participant_id column), and the
    tables whose rows belong to those rows (claim lines, receipts, answers), all the way down."""
    found = {"participants"}
    for table in metadata.sorted_tables:
        if "participant_id" in table.c or any(
            fk.column.table.name == "participants" for fk in table.foreign_keys
        ):
            found.add(table.name)
    grew = True
    while grew:
        children = {
            table.name
            for table in metadata.sorted_tables
            if any(fk.column.table.name in found - {"participants"} for fk in table.foreign_keys)
        }
        grew = not children <= found
        found |= children
    return found


def test_the_walk_finds_a_new_table_that_refers_to_a_person() -> None:
    metadata = MetaData()
    for table in db.metadata.sorted_tables:
        table.to_metadata(metadata)
    Table(
        "new_notes",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("about_id", ForeignKey("participants.id")),
    )
    Table("new_note_pages", metadata, Column("note_id", ForeignKey("new_notes.id")))
    missing = tables_about_a_person(metadata) - set(EXPORTED)
    assert missing == {"new_notes", "new_note_pages"}


def _fill_every_table(app: Flask, ledger, survey, updates) -> None:
    """Give Ama a row in every table that can hold something about her."""
    from app.surveys.response_models import Theme

    with app.app_context():
        now = utcnow()
        db.session.add(
            SignInCode(
                participant_id=ledger.participant,
                digest="d" * 64,
                expires_at=now + timedelta(minutes=10),
                used_at=now,
            )
        )
        db.session.add(
            ClaimEvent(
                claim_id=ledger.claim,
                from_status="draft",
                to_status="submitted",
                actor_participant_id=ledger.participant,
            )
        )
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language="en",
            channel=Channel.ONLINE,
            participant_id=ledger.participant,
        )
        response.answers = [Answer(question_id=survey.questions["else"], value="Later")]
        response.notes = [ResponseNote(question_text="How often?", answer_text="Weekly")]
        db.session.add(response)
        db.session.flush()
        db.session.add(
            ResponseChange(
                response_id=response.id, kind=ChangeKind.CORRECTED, reason="The form is in Welsh"
            )
        )
        theme = db.session.get(Theme, updates.theme)
        db.session.add(AnswerTheme(answer_id=response.answers[0].id, theme_id=theme.id))
        summary = ResultsSummary(survey_id=survey.id)
        summary.quotes = [SummaryQuote(answer_id=response.answers[0].id, position=1)]
        db.session.add(summary)
        db.session.add(ErasureRequest(participant_id=ledger.participant))
        db.session.add(PrivacyEvent(action="erasure", participant_id=ledger.participant))
        ama = db.session.get(Participant, ledger.participant)
        ama.updates_seen_at = now
        db.session.commit()


def test_every_table_that_refers_to_a_person_is_in_their_download(
    app: Flask, participant_client, ledger, survey, updates
) -> None:
    _fill_every_table(app, ledger, survey, updates)
    with app.app_context():
        about = tables_about_a_person(db.metadata)
        assert db.session.query(OutboxMessage).filter_by(participant_id=ledger.participant).count()
    missing = sorted(about - set(EXPORTED))
    assert not missing, f"Add these tables to everything_about and to EXPORTED: {missing}"
    held = participant_client(ledger.participant).get("/me/data.json").get_json()
    empty = sorted(table for table in about if not EXPORTED[table](held))
    assert not empty, f"These tables hold rows about the person but the download has none: {empty}"
    assert held["participant"]["last_looked_at_updates"]


def test_messages_show_the_address_they_went_to_even_an_old_one(
    app: Flask, participant_client, ledger, updates
) -> None:
    with app.app_context():
        ama = db.session.get(Participant, ledger.participant)
        ama.email = "ama.new@example.org"  # the message went to her old address
        db.session.commit()
    client = participant_client(ledger.participant)
    messages = client.get("/me/data.json").get_json()["messages_sent"]
    assert messages and all(m["address"] == "ama@example.org" and m["body"] for m in messages)
    assert "ama@example.org" in client.get("/me/data").get_data(as_text=True)


def test_sign_in_codes_show_when_they_were_sent_and_used_but_never_the_code(
    app: Flask, participant_client, ledger
) -> None:
    from app.people import signin

    with app.test_request_context():
        (issued,) = signin.issue_email_codes("ama@example.org")
        digest = db.session.get(SignInCode, issued.code_id).digest
    response = participant_client(ledger.participant).get("/me/data.json")
    (code,) = response.get_json()["sign_in_codes"]
    assert code["issued_at"] and code["expires_at"] and code["used_at"] is None
    text = response.get_data(as_text=True)
    assert issued.code not in text and digest not in text


def test_every_code_sent_stays_on_record_and_only_a_used_one_says_used(
    app: Flask, participant_client, ledger
) -> None:
    """Asking for a new code used to delete the older records, and a code replaced by a newer one
    showed as "used": the person could not tell whether someone else had signed in as them."""
    from app.people import signin

    with app.test_request_context():
        for _ in range(3):
            signin.issue_email_codes("ama@example.org")
        (last,) = signin.issue_email_codes("ama@example.org")
        assert signin.redeem_typed_code("ama@example.org", last.code) is not None
    client = participant_client(ledger.participant)
    codes = client.get("/me/data.json").get_json()["sign_in_codes"]
    assert len(codes) == 4
    assert [code["used_at"] is not None for code in codes] == [False, False, False, True]
    page = client.get("/me/data").get_data(as_text=True)
    assert page.count("never used. It stopped working") == 3
    assert page.count("used to sign in") == 1


def test_zip_download_holds_the_data_and_every_receipt_photo(
    app: Flask, client, participant_client, ledger
) -> None:
    with app.app_context():
        photo = db.session.query(Receipt).filter_by(claim_id=ledger.claim).one().data
    page = participant_client(ledger.participant).get("/me/data").get_data(as_text=True)
    assert 'href="/me/data.zip"' in page
    response = participant_client(ledger.participant).get("/me/data.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    held = json.loads(archive.read("my-data.json"))
    (receipt,) = held["claims"][0]["receipts"]
    assert archive.read(receipt["file"]) == photo
    # And a page a person can read, not only a file for computers.
    readable = archive.read("my-data.html").decode()
    check_page(readable, "my-data.html")
    assert "ama@example.org" in readable and "Bus fare" in readable
    assert client.get("/me/data.zip").status_code == 302  # strangers are sent to sign in


def test_zip_never_holds_another_persons_receipts(app: Flask, participant_client, ledger) -> None:
    response = participant_client(ledger.other_participant).get("/me/data.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.namelist() == ["my-data.html", "my-data.json"]
    assert "Bus fare" not in archive.read("my-data.html").decode()
