"""Who may use each people, session and claim route; read by tests/test_access.py.

Paths may use {survey}, {question}, {participant}, {claim}, {session} placeholders where the
ledger's fixtures give them values (see tests/pages.py `fill`).
"""

from __future__ import annotations

from app.auth.guard import PUBLIC
from app.auth.models import Role
from app.people.guard import PARTICIPANT

A, C, F, V = Role.ADMIN, Role.COORDINATOR, Role.FINANCE, Role.VIEWER
GET, BOTH, POST = frozenset({"GET"}), frozenset({"GET", "POST"}), frozenset({"POST"})
ALL_STAFF = frozenset(Role)

# People and participants' own area (app/people/staff_views.py, app/me/views.py).
PEOPLE_ROUTES: dict = {
    "people.index": (ALL_STAFF, GET, "/staff/people/"),
    "people.add": (frozenset({A, C}), BOTH, "/staff/people/new"),
    "people.view": (ALL_STAFF, GET, "/staff/people/{participant}"),
    "people.edit": (frozenset({A, C}), BOTH, "/staff/people/{participant}/edit"),
    "people.pause": (frozenset({A, C}), POST, "/staff/people/{participant}/pause"),
    "people.card": (frozenset({A, C}), POST, "/staff/people/{participant}/card"),
    "me.sign_in": (PUBLIC, BOTH, "/me/sign-in"),
    "me.by_email": (PUBLIC, BOTH, "/me/sign-in/by-email"),
    "me.code": (PUBLIC, BOTH, "/me/sign-in/code"),
    "me.email_link": (PUBLIC, BOTH, "/me/sign-in/email?c=1"),
    "me.sign_out": (PARTICIPANT, POST, "/me/sign-out"),
    "me.home": (PARTICIPANT, GET, "/me"),
    "me.preferences": (PARTICIPANT, BOTH, "/me/preferences"),
    "me.data": (PARTICIPANT, GET, "/me/data"),
    "me.data_json": (PARTICIPANT, GET, "/me/data.json"),
    "me.statement": (PARTICIPANT, GET, "/me/statement"),
    "me.letter": (PARTICIPANT, GET, "/me/letter"),
}

# Sessions, rate card, thresholds and statements (app/ledger/session_views.py).
SESSION_ROUTES: dict = {
    "sessions.index": (ALL_STAFF, GET, "/staff/sessions"),
    "sessions.new": (frozenset({A, C}), BOTH, "/staff/sessions/new"),
    "sessions.detail": (ALL_STAFF, GET, "/staff/sessions/{session}"),
    "sessions.send_drafts": (frozenset({A, C}), POST, "/staff/sessions/{session}/send-drafts"),
    "sessions.rate_card": (ALL_STAFF, GET, "/staff/rates"),
    "sessions.new_rate": (frozenset({A}), BOTH, "/staff/rates/new"),
    "sessions.remove_rate": (frozenset({A}), POST, "/staff/rates/999999/remove"),
    "sessions.threshold_table": (ALL_STAFF, GET, "/staff/thresholds"),
    "sessions.new_threshold": (frozenset({A}), BOTH, "/staff/thresholds/new"),
    "sessions.remove_threshold": (frozenset({A}), POST, "/staff/thresholds/999999/remove"),
    "sessions.statement": (ALL_STAFF, GET, "/staff/people/{participant}/statement"),
    "sessions.letter": (ALL_STAFF, GET, "/staff/people/{participant}/letter"),
}

# Claims, approvals, payments, receipts and the finance export (app/ledger/claim_views.py,
# app/ledger/me_claim_views.py).
MAKERS = frozenset({A, C, F})
FINANCE = frozenset({A, F})
CLAIM_ROUTES: dict = {
    "claims.index": (ALL_STAFF, GET, "/staff/claims?status=submitted"),
    "claims.new": (MAKERS, BOTH, "/staff/claims/new"),
    "claims.show": (ALL_STAFF, GET, "/staff/claims/{claim}"),
    "claims.act": (MAKERS, POST, "/staff/claims/{claim}/approve"),
    "claims.add_line": (MAKERS, BOTH, "/staff/claims/{claim}/lines/new"),
    "claims.receipt": (ALL_STAFF, GET, "/staff/claims/{claim}/receipts/1"),
    "claims.correct": (FINANCE, BOTH, "/staff/claims/{claim}/correct"),
    "claims.export_lines": (FINANCE, BOTH, "/staff/claims/export"),
    "claims.batch": (FINANCE, GET, "/staff/claims/batches/1.csv?x={claim}"),
    "claims.approval_limit": (frozenset({A}), BOTH, "/staff/claims/approval-limit"),
    "claims.letterhead_page": (frozenset({A}), BOTH, "/staff/claims/letterhead"),
    "me_claims.index": (PARTICIPANT, GET, "/me/claims"),
    "me_claims.new": (PARTICIPANT, BOTH, "/me/claims/new"),
    "me_claims.show": (PARTICIPANT, GET, "/me/claims/{claim}"),
    "me_claims.fix_line": (PARTICIPANT, BOTH, "/me/claims/{claim}/lines/1"),
    "me_claims.act": (PARTICIPANT, POST, "/me/claims/{claim}/resubmit"),
    "me_claims.cancel": (PARTICIPANT, BOTH, "/me/claims/{claim}/cancel"),
    "me_claims.receipt": (PARTICIPANT, GET, "/me/claims/{claim}/receipts/1"),
}

LEDGER_ROUTES = {**PEOPLE_ROUTES, **SESSION_ROUTES, **CLAIM_ROUTES}
__all__ = [
    "LEDGER_ROUTES",
    "PUBLIC",
    "PARTICIPANT",
    "A",
    "C",
    "F",
    "V",
    "GET",
    "BOTH",
    "POST",
    "ALL_STAFF",
]
