"""Receipt uploads cannot stall the server (issue 9, 2).

Hostile photos are refused from their bytes and header alone, before any pixel is decoded: too
many pixels, thousands of progressive scans, an animation. Big photos decode at a reduced
scale. And nobody can send an endless stream of photos.
"""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from flask import Flask
from PIL import Image
from PIL import ImageFile
from werkzeug.datastructures import FileStorage
from werkzeug.datastructures import MultiDict
from werkzeug.test import encode_multipart

from app.extensions import db
from app.ledger import claim_services
from app.ledger.claims import Actor
from app.ledger.claims import move
from app.ledger.models import Claim
from app.ledger.models import ClaimStatus
from app.ledger.models import Receipt
from app.ledger.receipts import MAX_SCANS
from app.ledger.receipts import ReceiptRefused
from app.ledger.receipts import clean_receipt
from app.ledger.receipts import scan_count
from tests.ledger.claim_helpers import form_key
from tests.ledger.claim_helpers import photo
from tests.ledger.claim_helpers import token

NEW = "/me/claims/new"
CANNOT_OPEN = "We cannot open this photo. Take the photo again and send the new one."
TOO_LARGE = "The photo is too large. Take the photo again at a smaller size."
QUICK = 1.0  # seconds: a refusal reads bytes and a header, nothing more


def _segments(data: bytes) -> list[tuple[int, int]]:
    """Where each scan (its header and compressed data) starts and ends in a JPEG."""
    found, at = [], 2
    while data[at + 1] != 0xD9:
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        end = at + 2 + length
        if data[at + 1] == 0xDA:  # the scan's data runs to the next marker that is not RSTn
            while data[end] != 0xFF or data[end + 1] == 0 or 0xD0 <= data[end + 1] <= 0xD7:
                end += 1
            found.append((at, end))
        at = end
    return found


def progressive_with_scans(extra: int, size: tuple[int, int] = (2000, 2000)) -> bytes:
    """A real progressive JPEG of one colour with its last scan repeated `extra` times: tiny
    on the wire, and each scan is one more pass over every block when decoded."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG", progressive=True)
    data = out.getvalue()
    start, end = _segments(data)[-1]
    return data[:end] + data[start:end] * extra + data[end:]


@pytest.fixture(scope="module")
def wide_webp() -> bytes:
    """A lossless WebP of 6300 x 6300 pixels of one colour: under 2 KB on the wire."""
    out = io.BytesIO()
    Image.new("L", (6300, 6300), 255).save(out, "WEBP", lossless=True)
    return out.getvalue()


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any image is decoded: hostile files must be refused before that."""

    def refuse(*_args: object) -> None:
        raise AssertionError("an image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def _refused_quickly(app: Flask, data: bytes, message: str) -> None:
    started = time.perf_counter()
    with app.test_request_context(), pytest.raises(ReceiptRefused) as refused:
        clean_receipt(data)
    assert str(refused.value) == message
    assert time.perf_counter() - started < QUICK


def test_a_progressive_jpeg_with_thousands_of_scans_is_refused_without_decoding(
    app: Flask, no_decoding: None
) -> None:
    hostile = progressive_with_scans(3000)
    assert len(hostile) < 260 * 1024 and scan_count(hostile) > 3000
    _refused_quickly(app, hostile, CANNOT_OPEN)


def test_an_ordinary_progressive_photo_is_kept(app: Flask) -> None:
    ordinary = progressive_with_scans(0, size=(640, 480))
    assert 1 < scan_count(ordinary) <= MAX_SCANS
    with app.test_request_context():
        assert Image.open(io.BytesIO(clean_receipt(ordinary))).size == (640, 480)


def test_a_tiny_webp_of_40_megapixels_is_refused_without_decoding(
    app: Flask, wide_webp: bytes, no_decoding: None
) -> None:
    assert len(wide_webp) < 4096
    _refused_quickly(app, wide_webp, TOO_LARGE)


def test_a_png_past_pillows_own_bomb_limit_is_refused_plainly(
    app: Flask, no_decoding: None
) -> None:
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")  # 100 megapixels, a few KB
    _refused_quickly(app, out.getvalue(), TOO_LARGE)


def test_an_animated_webp_is_refused_before_its_frames_are_decoded(
    app: Flask, no_decoding: None
) -> None:
    out = io.BytesIO()
    frames = [Image.new("RGB", (64, 64), (i, 0, 0)) for i in range(40)]
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    _refused_quickly(
        app,
        out.getvalue(),
        "We cannot use this file. Send a photo from your phone, or choose a different photo.",
    )


def test_a_big_jpeg_is_decoded_at_a_reduced_scale(app: Flask, monkeypatch) -> None:
    """A 5000 x 4000 photo is decoded at half size (draft), not as 20 megapixels."""
    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def watch(image: ImageFile.ImageFile):
        decoded.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", watch)
    with app.test_request_context():
        cleaned = clean_receipt(photo("JPEG", size=(5000, 4000)))
    assert decoded and max(w * h for w, h in decoded) <= 2500 * 2000
    assert Image.open(io.BytesIO(cleaned)).size == (2000, 1600)


def _send(client, data: bytes, path: str = NEW):
    fields = {
        "csrf_token": token(client, NEW),
        "form_key": form_key(client, NEW),
        "category": "travel",
        "spent_on": date.today().isoformat(),
        "description": "Train",
        "amount": "12.40",
        "receipt": FileStorage(io.BytesIO(data), filename="receipt.jpg"),
    }
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_the_claim_form_refuses_a_many_scan_jpeg_plainly_and_saves_nothing(
    app: Flask, ledger, participant_client
) -> None:
    client = participant_client(ledger.participant)
    started = time.perf_counter()
    response = _send(client, progressive_with_scans(3000))
    assert time.perf_counter() - started < QUICK * 2
    assert response.status_code == 400
    assert CANNOT_OPEN in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Claim).filter_by(participant_id=ledger.participant).count() == 1


def _receipts_of(app: Flask, participant_id: int) -> int:
    with app.app_context():
        return (
            db.session.query(Receipt)
            .join(Claim, Claim.id == Receipt.claim_id)
            .filter(Claim.participant_id == participant_id)
            .count()
        )


def test_a_person_can_send_only_so_many_receipt_photos_a_day(
    app: Flask, ledger, participant_client
) -> None:
    client = participant_client(ledger.other_participant)
    for _number in range(claim_services.MAX_RECEIPTS_PER_DAY):
        assert _send(client, photo()).status_code == 302
    refused = _send(client, photo())
    assert refused.status_code == 400
    assert "You have sent a lot of receipt photos today." in refused.get_data(as_text=True)
    assert _receipts_of(app, ledger.other_participant) == claim_services.MAX_RECEIPTS_PER_DAY


def test_one_claim_takes_only_so_many_receipt_photos(
    app: Flask, ledger, participant_client
) -> None:
    client = participant_client(ledger.other_participant)
    assert _send(client, photo()).status_code == 302
    with app.app_context():
        claim = db.session.query(Claim).filter_by(participant_id=ledger.other_participant).one()
        line_id, claim_id = claim.lines[0].id, claim.id
        from app.auth.models import Role
        from tests.conftest import make_staff

    coordinator = make_staff(app, Role.COORDINATOR, email="asks-changes@example.org")
    with app.test_request_context():
        move(
            claim_id,
            ClaimStatus.CHANGES_REQUESTED,
            Actor(staff_id=coordinator.id, role=Role.COORDINATOR),
            reason="Send a clearer photo",
        )
    path = f"/me/claims/{claim_id}/lines/{line_id}"
    for _number in range(claim_services.MAX_RECEIPTS_PER_CLAIM):
        response = _fix(client, path)
    assert "as many receipt photos as it can take" in response.get_data(as_text=True)
    assert _receipts_of(app, ledger.other_participant) == claim_services.MAX_RECEIPTS_PER_CLAIM


def _fix(client, path: str):
    fields = {
        "csrf_token": token(client, path),
        "category": "travel",
        "spent_on": date.today().isoformat(),
        "description": "Train",
        "amount": "12.40",
        "miles": "",
        "receipt": FileStorage(io.BytesIO(photo()), filename="receipt.jpg"),
    }
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_sideways_phone_photo_is_still_turned_upright(app: Flask) -> None:
    """Turning in place (to save a copy of a big image) still honours the phone's rotation."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned a quarter
    out = io.BytesIO()
    Image.new("RGB", (64, 32), (1, 2, 3)).save(out, "JPEG", exif=exif)
    with app.test_request_context():
        assert Image.open(io.BytesIO(clean_receipt(out.getvalue()))).size == (32, 64)
