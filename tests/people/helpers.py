"""Steps of the participant sign-in journeys, as a browser would take them."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.conftest import csrf_token


def ask_for_code(client: FlaskClient, email: str, **kwargs):
    token = csrf_token(client, "/me/sign-in/by-email")
    data = {"email": email, "csrf_token": token}
    return client.post("/me/sign-in/by-email", data=data, **kwargs)


def type_code(client: FlaskClient, email: str, code: str):
    token = csrf_token(client, "/me/sign-in/code")
    return client.post("/me/sign-in/code", data={"email": email, "code": code, "csrf_token": token})


def type_card_code(client: FlaskClient, code: str):
    token = csrf_token(client, "/me/sign-in")
    return client.post("/me/sign-in", data={"code": code, "csrf_token": token})


def signed_in(client: FlaskClient) -> bool:
    response = client.get("/me")
    return response.status_code == 200
