"""Two-step sign-in for the test helpers: real authenticator-app codes, computed as an app does."""

from __future__ import annotations

import re
import time

from flask import Flask
from flask.testing import FlaskClient

from app.auth import totp
from app.auth.models import StaffUser
from app.extensions import db


def enrol_two_step(app: Flask, user_id: int) -> str:
    """Give an account an authenticator key, as if its owner had set up their app; the key."""
    secret = totp.new_secret()
    with app.app_context():
        db.session.get(StaffUser, user_id).totp_secret = secret
        db.session.commit()
    return secret


def next_code(app: Flask, user_id: int) -> str:
    """The code an app would show that the server has not seen used yet (waits if it must)."""
    with app.app_context():
        user = db.session.get(StaffUser, user_id)
        secret, last = user.totp_secret, user.totp_last_step
        db.session.remove()
    assert secret, "this account has no two-step key"
    # Never a step older than now: a code from the step before, still inside the drift window when
    # it is made, can be one step too old by the time the server checks it. A step ahead stays good.
    step = max(totp.current_step(), (last or 0) + 1)
    while step > totp.current_step() + totp.DRIFT_STEPS:
        time.sleep(0.5)
    return totp.code_at(secret, step)


def finish_two_step(client: FlaskClient, response):
    """After a right password: type a real code if the second step asks for one."""
    if response.status_code != 302 or response.headers["Location"] != "/login/two-step":
        return response
    with client.session_transaction() as session:
        user_id = session["pending_staff_id"]
    html = client.get("/login/two-step").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    code = next_code(client.application, user_id)
    return client.post("/login/two-step", data={"code": code, "csrf_token": token})


def finish_two_step_in_browser(page, app: Flask, email: str) -> None:
    """The same in a real browser: wait for the code page if it comes, and type the code."""
    page.wait_for_url(lambda url: not url.split("?")[0].endswith("/login"))
    if "/login/two-step" not in page.url:
        return
    with app.app_context():
        user_id = db.session.query(StaffUser.id).filter_by(email=email).scalar()
        db.session.remove()
    page.fill("#code", next_code(app, user_id))
    page.locator("main button[type=submit]").click()


def sign_in_in_browser(page, app: Flask, email: str, password: str) -> None:
    """Sign a member of staff in through the real sign-in page, two steps and all."""
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.locator("main button[type=submit]").click()
    finish_two_step_in_browser(page, app, email)
    page.wait_for_url("**/staff/")
