"""Who may use each survey route; read by tests/test_access.py."""

from __future__ import annotations

from app.auth.guard import PUBLIC
from app.auth.models import Role

A, C, F, V = Role.ADMIN, Role.COORDINATOR, Role.FINANCE, Role.VIEWER
GET, BOTH, POST = frozenset({"GET"}), frozenset({"GET", "POST"}), frozenset({"POST"})
BUILDERS = frozenset({A, C})
ALL_STAFF = frozenset(Role)

SURVEY_ROUTES = {
    "surveys.start": (PUBLIC, BOTH, "/s/cafe"),
    "surveys.consent": (PUBLIC, BOTH, "/s/cafe/consent"),
    "surveys.name": (PUBLIC, BOTH, "/s/cafe/name"),
    "surveys.question": (PUBLIC, BOTH, "/s/cafe/q/{question}"),
    "surveys.check": (PUBLIC, BOTH, "/s/cafe/check"),
    "surveys.done": (PUBLIC, GET, "/s/cafe/done"),
    "surveys.resume": (PUBLIC, BOTH, "/resume"),
}

# Staff survey builder (app/surveys/builder/views.py).
_S, _Q = "/staff/surveys/{survey}", "/staff/surveys/{survey}/questions/{question}"
SURVEY_ADMIN_ROUTES: dict = {
    "survey_admin.index": (ALL_STAFF, GET, "/staff/surveys/"),
    "survey_admin.new": (BUILDERS, BOTH, "/staff/surveys/new"),
    "survey_admin.overview": (BUILDERS, GET, _S),
    "survey_admin.edit": (BUILDERS, BOTH, f"{_S}/edit"),
    "survey_admin.change_status": (BUILDERS, POST, f"{_S}/status"),
    "survey_admin.archive": (BUILDERS, BOTH, f"{_S}/archive"),
    "survey_admin.duplicate": (BUILDERS, BOTH, f"{_S}/duplicate"),
    "survey_admin.start_from_template": (BUILDERS, BOTH, "/staff/surveys/templates"),
    "survey_admin.copy_questions": (BUILDERS, BOTH, f"{_S}/copy-questions"),
    "survey_admin.new_question": (BUILDERS, BOTH, f"{_S}/questions/new"),
    "survey_admin.edit_question": (BUILDERS, BOTH, _Q),
    "survey_admin.move_question": (BUILDERS, POST, f"{_Q}/move"),
    "survey_admin.duplicate_question": (BUILDERS, POST, f"{_Q}/duplicate"),
    "survey_admin.remove_question": (BUILDERS, POST, f"{_Q}/remove"),
    "survey_admin.translate": (BUILDERS, BOTH, f"{_S}/translate/cy"),
    "survey_admin.preview": (BUILDERS, GET, f"{_S}/preview"),
    "survey_admin.preview_question": (BUILDERS, BOTH, f"{_S}/preview/{{question}}"),
    "survey_admin.preview_consent": (BUILDERS, BOTH, f"{_S}/preview/consent"),
    "survey_admin.preview_name": (BUILDERS, BOTH, "/staff/surveys/{named_survey}/preview/name"),
    "survey_admin.preview_check": (BUILDERS, BOTH, f"{_S}/preview/check"),
    "survey_admin.preview_done": (BUILDERS, GET, f"{_S}/preview/done"),
    "survey_admin.enter": (BUILDERS, BOTH, f"{_S}/enter"),
    "survey_admin.share": (BUILDERS, GET, f"{_S}/share"),
    "survey_admin.poster": (BUILDERS, GET, f"{_S}/share/cy/poster"),
    "survey_admin.paper": (BUILDERS, GET, f"{_S}/share/cy/paper"),
    "survey_admin.running_settings": (BUILDERS, BOTH, f"{_S}/running"),
    # Typed-in responses (app/surveys/entered_views.py); {entered} is a paper response.
    "survey_admin.entered_list": (BUILDERS, GET, f"{_S}/entered"),
    "survey_admin.entered_response": (BUILDERS, GET, f"{_S}/entered/{{entered}}"),
    "survey_admin.correct_response": (BUILDERS, BOTH, f"{_S}/entered/{{entered}}/correct"),
    "survey_admin.withdraw_response": (BUILDERS, BOTH, f"{_S}/entered/{{entered}}/withdraw"),
}

# Results, themes and export (app/surveys/results/views.py).
# {q_well} is the demo survey's short-text question (tests.pages.fill fills it in).
SURVEY_RESULTS_ROUTES: dict = {
    "survey_results.summary": (ALL_STAFF, GET, "/staff/surveys/{survey}/results"),
    "survey_results.answers": (ALL_STAFF, GET, "/staff/surveys/{survey}/results/{q_well}"),
    "survey_results.tag": (BUILDERS, POST, "/staff/surveys/{survey}/results/{q_well}/tag"),
    "survey_results.tag_many": (
        BUILDERS,
        POST,
        "/staff/surveys/{survey}/results/{q_well}/tag-many",
    ),
    "survey_results.export_csv": (ALL_STAFF, GET, "/staff/surveys/{survey}/export.csv"),
}
