"""Receipt photos: real images only, size and pixel limits, and nothing hidden kept (no GPS)."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest
from flask import Flask
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.datastructures import MultiDict
from werkzeug.test import encode_multipart

from app.extensions import db
from app.ledger.models import Claim
from app.ledger.models import Receipt
from app.ledger.receipts import MAX_SIDE
from app.ledger.receipts import ReceiptRefused
from app.ledger.receipts import clean_receipt
from tests.ledger.claim_helpers import form_key
from tests.ledger.claim_helpers import photo
from tests.ledger.claim_helpers import token

NEW = "/me/claims/new"
GPS_IFD = 0x8825


def _gps_photo() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:03:01 10:00:00"  # DateTime
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    data = photo("JPEG", exif=exif)
    assert GPS_IFD in Image.open(io.BytesIO(data)).getexif()  # the test photo really has a location
    return data


def _send(client, upload: tuple[io.BytesIO, str]):
    """Post the claim with the photo, the body built in memory as a phone would send it."""
    fields = {
        "csrf_token": token(client, NEW),
        "form_key": form_key(client, NEW),
        "category": "travel",
        "spent_on": date.today().isoformat(),
        "description": "Train",
        "amount": "12.40",
        "receipt": FileStorage(upload[0], filename=upload[1]),
    }
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(NEW, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _stored(app: Flask, ledger) -> list[bytes]:
    """Receipts stored by the test (not any the ledger fixture's own claim may carry)."""
    with app.app_context():
        found = db.session.query(Receipt).filter(Receipt.claim_id != ledger.claim)
        return [receipt.data for receipt in found]


def test_a_photo_with_a_gps_tag_is_stored_with_no_metadata(app, ledger, participant_client) -> None:
    client = participant_client(ledger.participant)
    response = _send(client, (io.BytesIO(_gps_photo()), "IMG_0001.JPG"))
    assert response.status_code == 302
    [stored] = _stored(app, ledger)
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    exif = image.getexif()
    assert len(exif) == 0 and exif.get_ifd(GPS_IFD) == {}
    assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info
    assert b"Exif" not in stored[:200] and b"PhoneMaker" not in stored


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_become_plain_jpeg(fmt: str, app: Flask) -> None:
    with app.test_request_context():
        cleaned = clean_receipt(photo(fmt))
    assert Image.open(io.BytesIO(cleaned)).format == "JPEG"


def test_big_photos_are_shrunk_to_2000_pixels(app: Flask) -> None:
    with app.test_request_context():
        cleaned = clean_receipt(photo("PNG", size=(4000, 1000)))
    assert Image.open(io.BytesIO(cleaned)).size == (MAX_SIDE, 500)


def test_text_file_named_jpg_is_refused_plainly(app, ledger, participant_client) -> None:
    client = participant_client(ledger.participant)
    response = _send(client, (io.BytesIO(b"just some words, not a photo\n" * 20), "receipt.jpg"))
    assert response.status_code == 400
    assert "We cannot use this file" in response.get_data(as_text=True)
    assert _stored(app, ledger) == []
    with app.app_context():
        assert db.session.query(Claim).filter_by(participant_id=ledger.participant).count() == 1


def test_svg_is_refused_plainly(app, ledger, participant_client) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = _send(participant_client(ledger.participant), (io.BytesIO(svg), "r.svg"))
    assert response.status_code == 400
    assert "We cannot use this file" in response.get_data(as_text=True)
    assert _stored(app, ledger) == []


def test_gif_is_refused_even_though_it_is_an_image(app: Flask) -> None:
    with app.test_request_context(), pytest.raises(ReceiptRefused):
        clean_receipt(photo("GIF"))


def test_a_20_mb_image_is_refused(app, ledger, participant_client) -> None:
    # A real PNG padded to 20 MB: within Flask's 12 MB limit it would be our 8 MB message;
    # above it, the request itself is refused with the plain "too big" page (413).
    big = photo("PNG") + os.urandom(20 * 1024 * 1024)
    response = _send(participant_client(ledger.participant), (io.BytesIO(big), "big.png"))
    assert response.status_code == 413
    assert "too big" in response.get_data(as_text=True)
    assert _stored(app, ledger) == []


def test_a_10_mb_image_gets_the_8_mb_message(app, ledger, participant_client) -> None:
    big = photo("PNG") + os.urandom(10 * 1024 * 1024)
    response = _send(participant_client(ledger.participant), (io.BytesIO(big), "big.png"))
    assert response.status_code == 400
    assert "The photo file is too big" in response.get_data(as_text=True)
    assert _stored(app, ledger) == []


def test_an_image_over_the_pixel_limit_is_refused(app: Flask) -> None:
    # 8000 x 6000 = 48 megapixels, but a one-colour PNG of that size is tiny on the wire.
    huge = photo("PNG", size=(8000, 6000))
    assert len(huge) < 8 * 1024 * 1024
    with app.test_request_context(), pytest.raises(ReceiptRefused, match="too large"):
        clean_receipt(huge)


def test_staff_see_receipts_at_a_staff_address_and_strangers_do_not(
    app, ledger, participant_client, staff_client, client
) -> None:
    _send(participant_client(ledger.participant), (io.BytesIO(photo()), "r.jpg"))
    with app.app_context():
        receipt = db.session.query(Receipt).filter(Receipt.claim_id != ledger.claim).one()
        path = f"/staff/claims/{receipt.claim_id}/receipts/{receipt.id}"
        wrong_claim = f"/staff/claims/{ledger.claim}/receipts/{receipt.id}"
    assert client.get(path).status_code == 302  # a stranger is sent to sign in
    from app.auth.models import Role

    viewer = staff_client(Role.VIEWER)
    response = viewer.get(path)
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert viewer.get(wrong_claim).status_code == 404
