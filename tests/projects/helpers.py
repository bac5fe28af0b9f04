"""Posting the project forms as a browser would: the page's token and form key, then the fields."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from app.projects.models import AccessItem
from tests.conftest import csrf_token


def form_key(html: str) -> str:
    match = re.search(r'name="form_key" type="hidden" value="([^"]+)"', html)
    assert match, "no form key on the page"
    return match.group(1)


def start(client: FlaskClient, name: str, starter: str, key: str | None = None):
    html = client.get("/staff/projects/new").get_data(as_text=True)
    token = csrf_token(client, "/staff/projects/new")
    return client.post(
        "/staff/projects/new",
        data={
            "csrf_token": token,
            "form_key": key or form_key(html),
            "name": name,
            "starter": starter,
        },
    )


def post_plan(client: FlaskClient, project_id: int, **fields: str):
    path = f"/staff/projects/{project_id}/plan"
    data = {"name": "Café review", "stage": "planning", **fields}
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)})


def post_checklist(client: FlaskClient, project_id: int, **fields: str):
    path = f"/staff/projects/{project_id}/checklist"
    data = {f"{item.value}_done": "no" for item in AccessItem} | fields
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)})
