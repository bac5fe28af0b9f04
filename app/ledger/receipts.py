"""Receipt photos: only real JPEG, PNG or WebP images, re-encoded so no metadata survives.

The file's name and the browser's content type are ignored: Pillow opens the bytes and says
what they are. The stored copy is a fresh JPEG built from the pixels alone, so EXIF (with any
GPS location), XMP, ICC profiles and comments are all left behind.
"""

from __future__ import annotations

import io
import warnings
from typing import IO

from flask import Response, abort
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000
JPEG_QUALITY = 85
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
CONTENT_TYPE = "image/jpeg"


class ReceiptRefused(Exception):
    """The upload is not a photo we can keep; the message says why in plain words."""


def read_upload(stream: IO[bytes]) -> bytes:
    """The uploaded bytes, refusing more than MAX_BYTES without reading further."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReceiptRefused(_("The photo is too big. Send a photo smaller than 8 MB."))
    if not data:
        raise ReceiptRefused(_("The photo file is empty. Choose the photo again."))
    return data


def clean_receipt(data: bytes) -> bytes:
    """A metadata-free JPEG of the image in data, or ReceiptRefused."""
    if len(data) > MAX_BYTES:
        raise ReceiptRefused(_("The photo is too big. Send a photo smaller than 8 MB."))
    image = _open(data)
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
        pixels = upright.convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as broken:
        raise ReceiptRefused(_not_a_photo()) from broken
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image from the pixels alone: nothing from the original's info travels with it.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # We apply our own, lower pixel limit just below; Pillow's warning adds nothing.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=sorted(ALLOWED_FORMATS))
    except Image.DecompressionBombError as bomb:
        raise ReceiptRefused(_too_many_pixels()) from bomb
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as unknown:
        raise ReceiptRefused(_not_a_photo()) from unknown
    if image.format not in ALLOWED_FORMATS:
        raise ReceiptRefused(_not_a_photo())
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ReceiptRefused(_too_many_pixels())
    return image


def _not_a_photo() -> str:
    return _("The file must be a photo in JPEG, PNG or WebP format. Choose a different file.")


def _too_many_pixels() -> str:
    return _("The photo is too large. Take the photo again at a smaller size.")


def receipt_response(data: bytes | None) -> Response:
    """Serve a stored receipt as an image that no browser will read as anything else."""
    if data is None:
        abort(404)
    response = Response(data, mimetype=CONTENT_TYPE)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = 'inline; filename="receipt.jpg"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
