"""Every route is listed here with who may use it. A route missing from this list fails."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.guard import PUBLIC
from app.auth.guard import access_of
from app.auth.models import Role
from app.people.guard import PARTICIPANT
from tests.access_ledger import LEDGER_ROUTES
from tests.access_surveys import SURVEY_ADMIN_ROUTES
from tests.access_surveys import SURVEY_RESULTS_ROUTES
from tests.access_surveys import SURVEY_ROUTES
from tests.all_pages import EXTRA_ROUTES
from tests.conftest import csrf_token
from tests.conftest import make_staff
from tests.conftest import sign_in
from tests.pages import path_for

A, C, F, V = Role.ADMIN, Role.COORDINATOR, Role.FINANCE, Role.VIEWER
ALL = frozenset(Role)

# endpoint: (who may use it, methods, an example path). {survey} and {question} in a path are
# filled in with the demo survey's id and its first question's id.
CORE_ROUTES: dict[str, tuple[str | frozenset[Role], frozenset[str], str]] = {
    "static": (PUBLIC, frozenset({"GET"}), "/static/site.css"),
    "site.home": (PUBLIC, frozenset({"GET"}), "/"),
    "site.language": (PUBLIC, frozenset({"GET", "POST"}), "/language"),
    "site.healthz": (PUBLIC, frozenset({"GET"}), "/healthz"),
    "site.robots": (PUBLIC, frozenset({"GET"}), "/robots.txt"),
    "auth.login": (PUBLIC, frozenset({"GET", "POST"}), "/login"),
    "auth.logout": (PUBLIC, frozenset({"POST"}), "/logout"),
    "staff.home": (ALL, frozenset({"GET"}), "/staff/"),
    "staff.accounts": (frozenset({A}), frozenset({"GET"}), "/staff/accounts"),
}
ROUTES = {
    **CORE_ROUTES,
    **SURVEY_ROUTES,
    **SURVEY_ADMIN_ROUTES,
    **SURVEY_RESULTS_ROUTES,
    **LEDGER_ROUTES,
    **EXTRA_ROUTES,
}

STAFF_ROUTES = [(name, spec) for name, spec in ROUTES.items() if isinstance(spec[0], frozenset)]
PARTICIPANT_ROUTES = [(name, spec) for name, spec in ROUTES.items() if spec[0] == PARTICIPANT]


def _methods(rule) -> frozenset[str]:
    return frozenset(rule.methods - {"HEAD", "OPTIONS"})


def test_every_route_is_listed_with_its_roles(app: Flask) -> None:
    seen = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    unlisted = sorted(set(seen) - set(ROUTES))
    assert not unlisted, f"Add these routes to ROUTES with their roles: {unlisted}"
    assert not sorted(set(ROUTES) - set(seen)), "ROUTES lists routes that no longer exist"
    for endpoint, (access, methods, _path) in ROUTES.items():
        assert _methods(seen[endpoint]) == methods, endpoint
        if endpoint != "static":
            assert access_of(app.view_functions[endpoint]) == access, endpoint


@pytest.mark.parametrize(("endpoint", "spec"), STAFF_ROUTES, ids=[n for n, _ in STAFF_ROUTES])
def test_staff_route_refuses_strangers_and_wrong_roles(
    app: Flask,
    client: FlaskClient,
    survey,
    request,
    endpoint: str,
    spec,
) -> None:
    allowed, methods, path = spec
    path = path_for(request, path, survey)
    stranger = _visit(client, methods, path)
    assert stranger.status_code == 302 and "/login" in stranger.headers["Location"]
    for role in Role:
        with app.test_client() as other:
            user = make_staff(app, role, email=f"{endpoint}-{role.value}@example.org")
            sign_in(other, user.email)
            status = _visit(other, methods, path).status_code
            if role not in allowed:
                assert status == 403, (endpoint, role, status)
            elif "GET" in methods:
                assert status == 200, (endpoint, role, status)
            else:  # an empty but well-formed POST: refused or done, never forbidden
                assert status in (200, 302, 400, 404), (endpoint, role, status)


def _visit(client: FlaskClient, methods: frozenset[str], path: str):
    """GET the page, or for a POST-only route send an empty form with a valid token."""
    if "GET" in methods:
        return client.get(path)
    return client.post(path, data={"csrf_token": csrf_token(client, "/language")})


POST_ROUTES = [(n, s) for n, s in ROUTES.items() if "POST" in s[1]]


@pytest.mark.parametrize(("endpoint", "spec"), POST_ROUTES, ids=[n for n, _ in POST_ROUTES])
def test_state_changing_route_needs_a_csrf_token(
    client: FlaskClient, survey, request, endpoint: str, spec
) -> None:
    _access, methods, path = spec
    path = path_for(request, path, survey)
    if "GET" not in methods:
        assert client.get(path).status_code == 405
    response = client.post(path, data={})
    # Refused: a plain "page expired" (400), or 404 where the page does not apply at all.
    assert response.status_code in (400, 404)


def test_forbidden_page_is_plain_and_in_the_layout(app: Flask, staff_client) -> None:
    client = staff_client(Role.VIEWER)
    response = client.get("/staff/accounts")
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "You cannot see this page" in page and 'id="main-content"' in page


@pytest.mark.parametrize(
    ("endpoint", "spec"), PARTICIPANT_ROUTES, ids=[n for n, _ in PARTICIPANT_ROUTES]
)
def test_participant_route_sends_strangers_and_staff_to_participant_sign_in(
    app: Flask,
    client: FlaskClient,
    survey,
    request,
    endpoint: str,
    spec,
) -> None:
    _access, methods, path = spec
    path = path_for(request, path, survey)
    stranger = _visit(client, methods, path)
    assert stranger.status_code == 302 and "/me/sign-in" in stranger.headers["Location"]
    with app.test_client() as staff:
        user = make_staff(app, Role.ADMIN, email=f"{endpoint}-admin@example.org")
        sign_in(staff, user.email)
        response = _visit(staff, methods, path)
        assert response.status_code == 302 and "/me/sign-in" in response.headers["Location"]
