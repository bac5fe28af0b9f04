"""Small helpers for the claim tests: a token, a photo, a claim moved to a given status."""

from __future__ import annotations

import io
import re
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from app.auth.models import Role
from app.extensions import db
from app.ledger import claims
from app.ledger.claims import Actor
from app.ledger.claims import Payment
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimStatus
from app.ledger.models import PaymentMethod
from tests.conftest import make_staff


def token(client: FlaskClient, path: str) -> str:
    """The form token on the page at path (any csrf field, prefixed or not)."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="[a-z-]*csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, f"no csrf_token on {path}"
    return match.group(1)


def form_key(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="form_key" type="hidden" value="([^"]+)"', html)
    assert match, f"no form_key on {path}"
    return match.group(1)


def photo(
    fmt: str = "JPEG", size: tuple[int, int] = (64, 48), exif: Image.Exif | None = None
) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 40))
    if exif is not None:
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return out.getvalue()


def approve(app: Flask, claim_id: int, email: str = "finance-approver@example.org") -> int:
    """Approve the claim as a new finance member; their staff id."""
    finance = make_staff(app, Role.FINANCE, email=email)
    with app.app_context():
        claims.move(claim_id, ClaimStatus.APPROVED, Actor(staff_id=finance.id, role=Role.FINANCE))
        db.session.remove()
    return finance.id


def pay(app: Flask, claim_id: int, email: str = "finance-payer@example.org") -> int:
    finance = make_staff(app, Role.FINANCE, email=email)
    with app.app_context():
        claims.move(
            claim_id,
            ClaimStatus.PAID,
            Actor(staff_id=finance.id, role=Role.FINANCE),
            payment=Payment(PaymentMethod.BANK_TRANSFER, "REF1", date.today()),
        )
        db.session.remove()
    return finance.id


def status_of(app: Flask, claim_id: int) -> ClaimStatus:
    with app.app_context():
        status = db.session.get(Claim, claim_id).status
        db.session.remove()
        return status


def events_to(app: Flask, claim_id: int, to: ClaimStatus) -> int:
    with app.app_context():
        count = (
            db.session.query(ClaimEvent).filter_by(claim_id=claim_id, to_status=to.value).count()
        )
        db.session.remove()
        return count
