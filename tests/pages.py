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

# Staff survey builder pages: added by app/surveys/admin_views.py's change.
_B = {"role": Role.COORDINATOR, "participant": False, "needs_survey": True}
PAGES += [
    Page("survey-admin-list", "/staff/surveys/", **_B),
    Page("survey-admin-list-read-only", "/staff/surveys/", **{**_B, "role": Role.VIEWER}),
    Page("survey-create", "/staff/surveys/new", **_B),
    Page("survey-create-errors", "/staff/surveys/new", submit_empty=True, status=400, **_B),
    Page("survey-overview", "/staff/surveys/{survey}", **_B),
    Page("survey-edit", "/staff/surveys/{survey}/edit", **_B),
    Page("question-add", "/staff/surveys/{survey}/questions/new", **_B),
    Page(
        "question-add-errors",
        "/staff/surveys/{survey}/questions/new",
        submit_empty=True,
        status=400,
        **_B,
    ),
    Page("question-edit", "/staff/surveys/{survey}/questions/{q_often}", **_B),
    Page("survey-translate", "/staff/surveys/{survey}/translate/cy", **_B),
    Page("survey-translate-rtl", "/staff/surveys/{survey}/translate/ar", **_B),
    Page("survey-preview", "/staff/surveys/{survey}/preview", **_B),
    Page("survey-preview-question", "/staff/surveys/{survey}/preview/{q_priorities}?lang=ar", **_B),
    Page("survey-enter", "/staff/surveys/{survey}/enter", **_B),
    Page(
        "survey-enter-errors", "/staff/surveys/{survey}/enter", submit_empty=True, status=400, **_B
    ),
]

# Results, themes and export pages: added by app/surveys/results_views.py's change.
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


def fill(path: str, survey) -> str:  # type: ignore[no-untyped-def]
    """Put the demo survey's ids into a registered path."""
    if survey is None:
        return path
    ids = {f"q_{key}": value for key, value in survey.questions.items()}
    return path.format(survey=survey.id, question=survey.first_question, **ids)
