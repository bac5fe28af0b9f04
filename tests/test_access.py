"""Every route is listed here with who may use it. A route missing from this list fails."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.guard import PUBLIC, access_of
from app.auth.models import Role

A, C, F, V = Role.ADMIN, Role.COORDINATOR, Role.FINANCE, Role.VIEWER
ALL = frozenset(Role)

# endpoint: (who may use it, methods, an example path)
ROUTES: dict[str, tuple[str | frozenset[Role], frozenset[str], str]] = {
    "static": (PUBLIC, frozenset({"GET"}), "/static/site.css"),
    "core.home": (PUBLIC, frozenset({"GET"}), "/"),
    "core.language": (PUBLIC, frozenset({"GET", "POST"}), "/language"),
    "core.healthz": (PUBLIC, frozenset({"GET"}), "/healthz"),
    "auth.login": (PUBLIC, frozenset({"GET", "POST"}), "/login"),
    "auth.logout": (PUBLIC, frozenset({"POST"}), "/logout"),
    "staff.home": (ALL, frozenset({"GET"}), "/staff/"),
    "staff.accounts": (frozenset({A}), frozenset({"GET"}), "/staff/accounts"),
}

STAFF_ROUTES = [(name, spec) for name, spec in ROUTES.items() if spec[0] != PUBLIC]


def _methods(rule) -> frozenset[str]:  # type: ignore[no-untyped-def]
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
    staff_client,
    endpoint: str,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    allowed, methods, path = spec
    assert client.get(path).status_code == 302  # strangers are sent to sign in
    for role in Role:
        with app.test_client() as other:
            from tests.conftest import make_staff, sign_in

            user = make_staff(app, role, email=f"{endpoint}-{role.value}@example.org")
            sign_in(other, user.email)
            status = other.get(path).status_code
            assert status == (200 if role in allowed else 403), (endpoint, role, status)


POST_ROUTES = [(n, s) for n, s in ROUTES.items() if "POST" in s[1]]


@pytest.mark.parametrize(("endpoint", "spec"), POST_ROUTES, ids=[n for n, _ in POST_ROUTES])
def test_state_changing_route_needs_a_csrf_token(client: FlaskClient, endpoint: str, spec) -> None:  # type: ignore[no-untyped-def]
    _access, methods, path = spec
    if "GET" not in methods:
        assert client.get(path).status_code == 405
    response = client.post(path, data={})
    assert response.status_code == 400


def test_forbidden_page_is_plain_and_in_the_layout(app: Flask, staff_client) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(Role.VIEWER)
    response = client.get("/staff/accounts")
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "You cannot see this page" in page and 'id="main-content"' in page
