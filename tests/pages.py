"""The registry of pages that the browser checks (axe, reflow, page weight).

A change that adds a page adds one line here (or in the survey lists below). A path may use
{survey} (the demo survey's id), {question} (its first question's id) or {q_<key>} (the id of
the demo question with that local key, e.g. {q_welcome}).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.auth.models import Role


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    role: Role | None = None  # sign in with this role first
    participant: bool = True  # held to the 14 KB limit
    submit_empty: bool = False  # press the main button first, to check the page with its errors
    status: int = 200
    needs_survey: bool = False  # create the demo survey first
    start_survey: bool = False  # start the demo survey and agree to take part first
    as_participant: bool = False  # signed in as the ledger fixture's participant (Ama)
    printed_in: str | None = (
        None  # always in this language, whatever the reader's (a poster, a preview)
    )


PAGES: list[Page] = [
    Page("home", "/"),
    Page("language", "/language"),
    Page("language-errors", "/language", submit_empty=True, status=400),
    Page("sign-in", "/login"),
    Page("sign-in-errors", "/login", submit_empty=True, status=400),
    Page("not-found", "/no-such-page", status=404),
    Page("staff-home", "/staff/", role=Role.ADMIN, participant=False),
    Page("staff-accounts", "/staff/accounts", role=Role.ADMIN, participant=False),
    Page("forbidden", "/staff/accounts", role=Role.VIEWER, participant=False, status=403),
    # Participant survey pages
    Page("survey-home", "/", needs_survey=True),
    Page("survey-start", "/s/cafe", needs_survey=True),
    Page("survey-consent", "/s/cafe/consent", start_survey=True),
    Page(
        "survey-consent-errors", "/s/cafe/consent", start_survey=True, submit_empty=True, status=400
    ),
    Page("q-yes-no", "/s/cafe/q/{q_visited}", start_survey=True),
    Page("q-scale", "/s/cafe/q/{q_welcome}", start_survey=True),
    Page("q-multiple", "/s/cafe/q/{q_hard}", start_survey=True),
    Page("q-priorities", "/s/cafe/q/{q_priorities}", start_survey=True),
    Page("q-number", "/s/cafe/q/{q_household}", start_survey=True),
    Page("q-short-text", "/s/cafe/q/{q_well}", start_survey=True),
    Page("q-long-text", "/s/cafe/q/{q_else}", start_survey=True),
    Page("survey-check", "/s/cafe/check", start_survey=True),
    Page("survey-done", "/s/cafe/done", needs_survey=True),
    Page("resume", "/resume"),
    Page("resume-errors", "/resume", submit_empty=True, status=400),
]

# Staff survey builder pages: added by app/surveys/builder/views.py's change.
_B = {"role": Role.COORDINATOR, "participant": False, "needs_survey": True}
PAGES += [
    Page("survey-admin-list", "/staff/surveys/", **_B),
    Page("survey-admin-list-read-only", "/staff/surveys/", **{**_B, "role": Role.VIEWER}),
    Page("survey-create", "/staff/surveys/new", **_B),
    Page("survey-create-errors", "/staff/surveys/new", submit_empty=True, status=400, **_B),
    Page("survey-templates", "/staff/surveys/templates", **_B),
    Page(
        "survey-templates-errors", "/staff/surveys/templates", submit_empty=True, status=400, **_B
    ),
    Page("survey-duplicate", "/staff/surveys/{survey}/duplicate", **_B),
    Page("survey-copy-questions", "/staff/surveys/{survey}/copy-questions", **_B),
    Page(
        "survey-copy-questions-pick",
        "/staff/surveys/{named_survey}/copy-questions?from={survey}",
        **_B,
    ),
    Page("survey-overview", "/staff/surveys/{survey}", **_B),
    Page("survey-overview-plain-words", "/staff/surveys/{wordy_survey}", **_B),
    Page("survey-running", "/staff/surveys/{survey}/running", **_B),
    Page("survey-edit", "/staff/surveys/{survey}/edit", **_B),
    Page("survey-archive-while-open", "/staff/surveys/{survey}/archive", **_B),
    Page("question-add", "/staff/surveys/{survey}/questions/new", **_B),
    Page(
        "question-add-errors",
        "/staff/surveys/{survey}/questions/new",
        submit_empty=True,
        status=400,
        **_B,
    ),
    Page("question-edit", "/staff/surveys/{survey}/questions/{q_often}", **_B),
    # The form drawn for one type: only the fields that type needs.
    Page("question-add-priorities", "/staff/surveys/{survey}/questions/new?kind=priorities", **_B),
    Page("question-add-number", "/staff/surveys/{survey}/questions/new?kind=number", **_B),
    Page("survey-translate", "/staff/surveys/{survey}/translate/cy", **_B),
    Page("survey-translate-rtl", "/staff/surveys/{survey}/translate/ar", **_B),
    Page("survey-preview", "/staff/surveys/{survey}/preview", printed_in="en", **_B),
    Page(
        "survey-preview-plain-words",
        "/staff/surveys/{wordy_survey}/preview",
        printed_in="en",
        **_B,
    ),
    # A preview is in the language previewed, whatever the staff member's own (its bar is theirs).
    Page(
        "survey-preview-question",
        "/staff/surveys/{survey}/preview/{q_priorities}?lang=ar",
        printed_in="ar",
        **_B,
    ),
    Page(
        "survey-preview-consent-welsh",
        "/staff/surveys/{survey}/preview/consent?lang=cy",
        printed_in="cy",
        **_B,
    ),
    Page(
        "survey-preview-consent-errors",
        "/staff/surveys/{survey}/preview/consent?lang=ar",
        submit_empty=True,
        status=400,
        printed_in="ar",
        **_B,
    ),
    Page(
        "survey-preview-name-polish",
        "/staff/surveys/{named_survey}/preview/name?lang=pl",
        printed_in="pl",
        **_B,
    ),
    Page(
        "survey-preview-check-arabic",
        "/staff/surveys/{survey}/preview/check?lang=ar",
        printed_in="ar",
        **_B,
    ),
    Page(
        "survey-preview-done-urdu",
        "/staff/surveys/{survey}/preview/done?lang=ur",
        printed_in="ur",
        **_B,
    ),
    Page("survey-enter", "/staff/surveys/{survey}/enter", **_B),
    Page("survey-share", "/staff/surveys/{survey}/share", **_B),
    Page("survey-poster-welsh", "/staff/surveys/{survey}/share/cy/poster", printed_in="cy", **_B),
    Page("survey-poster-arabic", "/staff/surveys/{survey}/share/ar/poster", printed_in="ar", **_B),
    Page("survey-paper-welsh", "/staff/surveys/{survey}/share/cy/paper", printed_in="cy", **_B),
    Page(
        "survey-paper-arabic-large",
        "/staff/surveys/{survey}/share/ar/paper?print=large",
        printed_in="ar",
        **_B,
    ),
    Page(
        "survey-enter-errors", "/staff/surveys/{survey}/enter", submit_empty=True, status=400, **_B
    ),
    Page("survey-entered", "/staff/surveys/{survey}/entered?x={entered}", **_B),
    Page("survey-entered-response", "/staff/surveys/{survey}/entered/{entered}", **_B),
    Page("survey-entered-correct", "/staff/surveys/{survey}/entered/{entered}/correct", **_B),
    Page(
        "survey-entered-correct-errors",
        "/staff/surveys/{survey}/entered/{entered}/correct",
        submit_empty=True,
        status=400,
        **_B,
    ),
    Page("survey-entered-withdraw", "/staff/surveys/{survey}/entered/{entered}/withdraw", **_B),
]

# Results, themes and export pages: added by app/surveys/results/views.py's change.
PAGES += [
    Page(
        "survey-results",
        "/staff/surveys/{survey}/results",
        role=Role.COORDINATOR,
        participant=False,
        needs_survey=True,
    ),
    Page(
        "survey-results-filtered",
        "/staff/surveys/{survey}/results?language=cy&channel=paper",
        role=Role.VIEWER,
        participant=False,
        needs_survey=True,
    ),
    Page(
        "survey-text-answers",
        "/staff/surveys/{survey}/results/{q_else}",
        role=Role.COORDINATOR,
        participant=False,
        needs_survey=True,
    ),
]


# People and participants' own area: app/people/staff_views.py and app/me/views.py.
_P = {"role": Role.COORDINATOR, "participant": False}
PAGES += [
    Page("people-list", "/staff/people/", **_P),
    Page("people-list-read-only", "/staff/people/", **{**_P, "role": Role.VIEWER}),
    Page("person-add", "/staff/people/new", **_P),
    Page("person-add-errors", "/staff/people/new", submit_empty=True, status=400, **_P),
    Page("person-view", "/staff/people/{participant}", **_P),
    Page("person-edit", "/staff/people/{participant}/edit", **_P),
    Page("me-sign-in", "/me/sign-in"),
    Page("me-sign-in-errors", "/me/sign-in", submit_empty=True, status=400),
    Page("me-by-email", "/me/sign-in/by-email"),
    Page("me-by-email-errors", "/me/sign-in/by-email", submit_empty=True, status=400),
    Page("me-code", "/me/sign-in/code"),
    Page("me-email-link", "/me/sign-in/email?c=1"),
    Page("me-home", "/me", as_participant=True),
    Page("me-preferences", "/me/preferences", as_participant=True),
    Page("me-data", "/me/data", as_participant=True),
    Page("me-statement", "/me/statement", as_participant=True),
    Page("me-letter", "/me/letter", as_participant=True),
]

# Sessions, rates, thresholds and statements (app/ledger/session_views.py).
_S = {"role": Role.COORDINATOR, "participant": False}
PAGES += [
    Page("sessions-list", "/staff/sessions?x={session}", **_S),
    Page("session-new", "/staff/sessions/new?x={participant}", **_S),
    Page(
        "session-new-errors",
        "/staff/sessions/new?x={participant}",
        submit_empty=True,
        status=400,
        **_S,
    ),
    Page("session-detail", "/staff/sessions/{session}", **_S),
    Page("rate-card", "/staff/rates", role=Role.ADMIN, participant=False),
    Page("rate-new", "/staff/rates/new", role=Role.ADMIN, participant=False),
    Page(
        "rate-new-errors",
        "/staff/rates/new",
        role=Role.ADMIN,
        participant=False,
        submit_empty=True,
        status=400,
    ),
    Page("thresholds", "/staff/thresholds", role=Role.ADMIN, participant=False),
    Page("threshold-new", "/staff/thresholds/new", role=Role.ADMIN, participant=False),
    Page(
        "threshold-new-errors",
        "/staff/thresholds/new",
        role=Role.ADMIN,
        participant=False,
        submit_empty=True,
        status=400,
    ),
    Page("statement", "/staff/people/{participant}/statement", role=Role.VIEWER, participant=False),
    Page(
        "benefits-letter", "/staff/people/{participant}/letter", role=Role.VIEWER, participant=False
    ),
]

# Claims: staff pages (app/ledger/claim_views.py) and participants' own (me_claim_views.py).
_C = {"role": Role.FINANCE, "participant": False}
PAGES += [
    Page("approval-limit", "/staff/claims/approval-limit", role=Role.ADMIN, participant=False),
    Page("letterhead", "/staff/claims/letterhead", role=Role.ADMIN, participant=False),
    Page("claims-list", "/staff/claims?x={claim}", **_C),
    Page("claim-new", "/staff/claims/new?participant={participant}", **_C),
    Page(
        "claim-new-errors",
        "/staff/claims/new?participant={participant}",
        submit_empty=True,
        status=400,
        **_C,
    ),
    Page("claim-detail", "/staff/claims/{claim}", **_C),
    Page("claim-detail-read-only", "/staff/claims/{claim}", **{**_C, "role": Role.VIEWER}),
    Page("claim-add-line-not-now", "/staff/claims/{claim}/lines/new", **_C),
    Page("claim-export", "/staff/claims/export?x={claim}", **_C),
    Page("me-claims", "/me/claims", as_participant=True),
    Page("me-claim-new", "/me/claims/new", as_participant=True),
    Page(
        "me-claim-new-errors", "/me/claims/new", as_participant=True, submit_empty=True, status=400
    ),
    Page("me-claim", "/me/claims/{claim}", as_participant=True),
    Page("me-claim-cancel", "/me/claims/{claim}/cancel", as_participant=True),
]

LEDGER_NAMES = ("{participant}", "{other_participant}", "{claim}", "{session}", "{project}")
UPDATE_NAMES = ("{update}", "{draft_update}", "{cant_do_update}", "{theme}")


def needs_ledger(path: str) -> bool:
    return any(name in path for name in LEDGER_NAMES)


def needs_updates(path: str) -> bool:
    return any(name in path for name in UPDATE_NAMES)


def path_for(request, path: str, survey) -> str:
    """A registered path with every fixture id it names filled in (fixtures made as needed)."""
    updates = request.getfixturevalue("updates") if needs_updates(path) else None
    ledger = request.getfixturevalue("ledger") if needs_ledger(path) or updates else None
    if "{entered}" in path:
        path = path.replace("{entered}", str(request.getfixturevalue("entered_response")))
    if "{named_survey}" in path:  # a survey that asks names
        path = path.replace("{named_survey}", str(request.getfixturevalue("named_survey")))
    for wordy in ("wordy_survey", "wordy_update"):  # words for the plain-words check to find
        if f"{{{wordy}}}" in path:
            path = path.replace(f"{{{wordy}}}", str(request.getfixturevalue(wordy)))
    return fill(path, survey, ledger, updates)


def fill(path: str, survey, ledger=None, updates=None) -> str:
    """Put the demo survey's ids (and the ledger and updates fixtures') into a registered path."""
    ids: dict = {}
    if updates is not None:
        ids.update(
            update=updates.published,
            draft_update=updates.draft,
            cant_do_update=updates.cant_do,
            theme=updates.theme,
        )
    if survey is not None:
        ids.update({f"q_{key}": value for key, value in survey.questions.items()})
        ids.update(survey=survey.id, question=survey.first_question)
    if ledger is not None:
        ids.update(
            participant=ledger.participant,
            other_participant=ledger.other_participant,
            claim=ledger.claim,
            session=ledger.session,
            project=ledger.project,
        )
    return path.format(**ids) if ids else path
