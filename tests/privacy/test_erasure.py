"""Erasure: an admin erases a participant's details in one audited step; payment records stay
under a reference; a participant can ask for it from /me, which erases nothing by itself."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import update

from app.auth.models import Role
from app.extensions import db
from app.ledger.models import Attendance
from app.ledger.models import Claim
from app.ledger.models import ClaimLine
from app.ledger.models import ClaimStatus
from app.ledger.models import Receipt
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.people.models import SignInCode
from app.privacy.models import ErasureRequest
from app.privacy.models import PrivacyEvent
from app.surveys.models import Channel
from app.surveys.models import ResponseStatus
from app.surveys.response_models import Answer
from app.surveys.response_models import Response
from tests.conftest import csrf_token


def _pay_the_claim(app: Flask, claim_id: int) -> None:
    with app.app_context():
        db.session.execute(
            update(Claim)
            .where(Claim.id == claim_id)
            .values(status=ClaimStatus.PAID, paid_on=date.today())
        )
        db.session.commit()


def _give_ama_more(app: Flask, ledger, survey) -> None:
    from app.people import signin

    with app.test_request_context():
        signin.issue_email_codes("ama@example.org")
        signin.new_card_code(ledger.participant)
        response = Response(
            survey_id=survey.id,
            status=ResponseStatus.SUBMITTED,
            language="en",
            channel=Channel.ONLINE,
            participant_id=ledger.participant,
            respondent_name="Ama",
        )
        response.answers = [Answer(question_id=survey.questions["else"], value="Hi")]
        db.session.add(response)
        db.session.commit()


def _erase(client, participant_id: int):
    path = f"/staff/people/{participant_id}/erase"
    return client.post(path, data={"csrf_token": csrf_token(client, path)})


def test_admin_erases_details_and_payment_records_stay_under_a_reference(
    app: Flask, staff_client, ledger, survey, updates
) -> None:
    _pay_the_claim(app, ledger.claim)
    _give_ama_more(app, ledger, survey)
    client = staff_client(Role.ADMIN)
    page = client.get(f"/staff/people/{ledger.participant}/erase").get_data(as_text=True)
    assert "What goes" in page and "What stays" in page and "six years" in page
    assert _erase(client, ledger.participant).status_code == 302
    with app.app_context():
        ama = db.session.get(Participant, ledger.participant)
        assert ama.name == f"Person {ledger.participant:04d}" and ama.erased_at is not None
        assert (ama.email, ama.phone, ama.card_code_digest) == (None, None, None)
        assert ama.access_needs == [] and ama.benefits == [] and not ama.receives_benefits
        assert ama.contact_ways == [] and not ama.hear_back
        assert not db.session.query(SignInCode).filter_by(participant_id=ama.id).count()
        assert not db.session.query(OutboxMessage).filter_by(participant_id=ama.id).count()
        assert not db.session.query(Response).filter_by(participant_id=ama.id).count()
        assert db.session.query(Response).filter_by(respondent_name="Ama").count() == 0
        assert db.session.query(Answer).count() == 1  # the answer stays, with no name
        # What the charity must keep stays.
        assert db.session.get(Claim, ledger.claim).participant_id == ama.id
        assert db.session.query(ClaimLine).filter_by(claim_id=ledger.claim).count() == 2
        assert db.session.query(Receipt).filter_by(claim_id=ledger.claim).count() == 1
        assert db.session.query(Attendance).filter_by(participant_id=ama.id).count() == 1
        # Ben is untouched.
        assert db.session.get(Participant, ledger.other_participant).name == "Ben"


def test_erasure_is_audited_with_who_and_when_but_no_personal_data(
    app: Flask, staff_client, ledger, survey
) -> None:
    _pay_the_claim(app, ledger.claim)
    _give_ama_more(app, ledger, survey)
    client = staff_client(Role.ADMIN)
    path = f"/staff/people/{ledger.participant}/erase"
    token = csrf_token(client, path)
    for _press in range(2):  # a second press changes nothing more
        assert client.post(path, data={"csrf_token": token}).status_code == 302
    with app.app_context():
        (event,) = db.session.query(PrivacyEvent).filter_by(action="erasure").all()
        assert event.participant_id == ledger.participant and event.actor_staff_id
        assert event.at is not None and "sign_in_codes=1" in event.counts
        row = " ".join(str(value) for value in vars(event).values())
        for personal in ("Ama", "ama@example.org", "universal_credit", "step_free"):
            assert personal not in row


def test_statement_and_letter_say_the_details_were_erased(app: Flask, staff_client, ledger) -> None:
    _pay_the_claim(app, ledger.claim)
    client = staff_client(Role.ADMIN)
    _erase(client, ledger.participant)
    page = client.get(f"/staff/people/{ledger.participant}/statement").get_data(as_text=True)
    assert f"Person {ledger.participant:04d}" in page and "Ama" not in page
    assert "erased at their request" in page and "£34.80" in page
    letter = client.get(f"/staff/people/{ledger.participant}/letter").get_data(as_text=True)
    assert "erased at their request" in letter


def test_erasure_waits_until_open_claims_are_settled(app: Flask, staff_client, ledger) -> None:
    client = staff_client(Role.ADMIN)  # Ama's claim is still waiting for a decision
    response = _erase(client, ledger.participant)
    assert response.status_code == 400
    assert "open claims must be paid, rejected or cancelled first" in response.get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.get(Participant, ledger.participant).name == "Ama"
        assert not db.session.query(PrivacyEvent).count()


def test_erased_person_is_signed_out_everywhere(
    app: Flask, staff_client, participant_client, ledger
) -> None:
    _pay_the_claim(app, ledger.claim)
    phone = participant_client(ledger.participant)
    assert phone.get("/me").status_code == 200
    _erase(staff_client(Role.ADMIN), ledger.participant)
    assert phone.get("/me").status_code == 302


def test_only_admins_see_the_erase_link(app: Flask, staff_client, ledger) -> None:
    client = staff_client(Role.COORDINATOR)
    page = client.get(f"/staff/people/{ledger.participant}").get_data(as_text=True)
    assert "/erase" not in page
    assert client.get(f"/staff/people/{ledger.participant}/erase").status_code == 403


def test_participant_asks_for_erasure_and_staff_see_it_but_nothing_is_erased_yet(
    app: Flask, participant_client, staff_client, ledger
) -> None:
    phone = participant_client(ledger.participant)
    assert 'href="/me/erase"' in phone.get("/me/data").get_data(as_text=True)
    token = csrf_token(phone, "/me/erase")
    for _press in range(2):  # a double tap makes one request
        assert phone.post("/me/erase", data={"csrf_token": token}).status_code == 302
    asked = phone.get("/me/erase").get_data(as_text=True)
    assert "You asked on" in asked and "at the latest" in asked  # a date, not "soon"
    assert "If we still owe you money, we pay it first" in asked
    with app.app_context():
        assert db.session.query(ErasureRequest).count() == 1
        assert db.session.get(Participant, ledger.participant).name == "Ama"
    admin = staff_client(Role.ADMIN)
    page = admin.get("/staff/privacy/").get_data(as_text=True)
    assert f'href="/staff/people/{ledger.participant}/erase"' in page and "Ama" in page
    _pay_the_claim(app, ledger.claim)
    _erase(admin, ledger.participant)
    assert "Nobody is waiting" in admin.get("/staff/privacy/").get_data(as_text=True)


def test_an_erased_record_cannot_be_given_details_or_a_new_card(
    app: Flask, staff_client, ledger
) -> None:
    _pay_the_claim(app, ledger.claim)
    client = staff_client(Role.ADMIN)
    _erase(client, ledger.participant)
    view = client.get(f"/staff/people/{ledger.participant}").get_data(as_text=True)
    assert "/edit" not in view and "/card" not in view and "were erased" in view
    assert client.get(f"/staff/people/{ledger.participant}/edit").status_code == 404
    token = csrf_token(client, "/language")
    card = client.post(f"/staff/people/{ledger.participant}/card", data={"csrf_token": token})
    assert card.status_code == 404
    with app.app_context():
        assert db.session.get(Participant, ledger.participant).card_code_digest is None


def test_two_admins_erasing_at_once_erase_once(app: Flask, ledger) -> None:
    import threading

    from app.privacy import erasure
    from tests.conftest import make_staff

    _pay_the_claim(app, ledger.claim)
    admins = [make_staff(app, Role.ADMIN, email=f"admin{n}@example.org").id for n in (1, 2)]
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def _press(staff_id: int) -> None:
        with app.app_context():
            start.wait()
            try:
                erasure.erase(ledger.participant, staff_id)
                outcomes.append("erased")
            except erasure.AlreadyErased:
                outcomes.append("already")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=_press, args=(staff_id,)) for staff_id in admins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "erased"]
    with app.app_context():
        assert db.session.query(PrivacyEvent).filter_by(action="erasure").count() == 1


def test_an_erased_person_cannot_be_booked_on_a_session_or_given_a_new_claim(
    app: Flask, staff_client, ledger
) -> None:
    """Once erased, a person can no longer sign in, so nothing new may be recorded or paid."""
    from tests.ledger.claim_helpers import form_key
    from tests.ledger.session_helpers import session_data
    from tests.ledger.session_helpers import session_form
    from tests.ledger.test_claims import _line

    _pay_the_claim(app, ledger.claim)
    admin = staff_client(Role.ADMIN)
    assert _erase(admin, ledger.participant).status_code == 302
    tick = f'name="attendees" value="{ledger.participant}"'
    assert tick not in admin.get("/staff/sessions/new").get_data(as_text=True)
    option = f"(P{ledger.participant:05d})</option>"
    assert option not in admin.get("/staff/claims/new").get_data(as_text=True)
    response = admin.post(
        "/staff/sessions/new", data=session_data(session_form(admin), [ledger.participant])
    )
    assert response.status_code == 400
    data = {"csrf_token": csrf_token(admin, "/staff/claims/new")}
    data["form_key"] = form_key(admin, "/staff/claims/new")
    data.update(participant=str(ledger.participant), **_line())
    assert admin.post("/staff/claims/new", data=data).status_code == 400
    with app.app_context():
        assert db.session.query(Claim).filter_by(participant_id=ledger.participant).count() == 1


def test_a_month_to_answer_ends_on_the_same_day_next_month_or_its_last_day() -> None:
    from app.privacy.me_views import one_month_after

    assert one_month_after(date(2026, 3, 15)) == date(2026, 4, 15)
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_month_after(date(2026, 12, 7)) == date(2027, 1, 7)
