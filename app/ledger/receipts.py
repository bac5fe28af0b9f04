"""Receipt photos: only real JPEG, PNG or WebP images, re-encoded so no metadata survives.

The file's name and the browser's content type are ignored: Pillow opens the bytes and says
what they are. The stored copy is a fresh JPEG built from the pixels alone, so EXIF (with any
GPS location), XMP, ICC profiles and comments are all left behind.
"""

from __future__ import annotations

import io
import warnings
from typing import IO

from flask import Response
from flask import abort
from flask_babel import gettext as _
from PIL import Image
from PIL import ImageOps
from PIL import UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
# JPEGs are decoded at a reduced scale (draft), so a 24-megapixel phone photo costs little.
MAX_PIXELS = 24_000_000
# PNG and WebP have no reduced decode: every pixel is decoded, so they get a lower limit (a
# 12-megapixel phone photo or any screenshot still passes).
MAX_LOSSLESS_PIXELS = 12_500_000
# Each scan of a progressive JPEG is a pass over the whole image: phones and encoders write
# about ten. Thousands of scans in a small file is how a photo ties up the server for minutes.
MAX_SCANS = 30
MAX_SIDE = 2000
JPEG_QUALITY = 85
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
CONTENT_TYPE = "image/jpeg"
JPEG_START, START_OF_SCAN = b"\xff\xd8", b"\xff\xda"

# Pillow's own guard for every image this process opens: warn above MAX_PIXELS, refuse at
# twice that. Receipts turn the warning into a refusal below.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class ReceiptRefused(Exception):
    """The upload is not a photo we can keep; the message says why in plain words."""


def read_upload(stream: IO[bytes]) -> bytes:
    """The uploaded bytes, refusing more than MAX_BYTES without reading further."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReceiptRefused(_too_big())
    if not data:
        raise ReceiptRefused(_("The photo file is empty. Choose the photo again."))
    return data


def clean_receipt(data: bytes) -> bytes:
    """A metadata-free JPEG of the image in data, or ReceiptRefused.

    Everything that could make decoding slow or large is refused from the bytes and the header
    alone, before a single pixel is decoded."""
    if len(data) > MAX_BYTES:
        raise ReceiptRefused(_too_big())
    if data.startswith(JPEG_START) and scan_count(data) > MAX_SCANS:
        raise ReceiptRefused(_too_complex())
    image = _open(data)
    if image.format == "JPEG":
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at 1/2, 1/4 or 1/8 scale when big
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
            # In place and without needless copies: every copy of a big image costs its size again.
            ImageOps.exif_transpose(image, in_place=True)
            pixels = image if image.mode == "RGB" else image.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise ReceiptRefused(_too_many_pixels()) from bomb
    except (OSError, ValueError, SyntaxError) as broken:
        raise ReceiptRefused(_not_a_photo()) from broken
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image from the pixels alone: nothing from the original's info travels with it.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def scan_count(data: bytes) -> int:
    """How many scans a JPEG has: its start-of-scan markers. Inside the compressed data every
    0xFF byte is followed by 0x00, so FF DA is only ever a real marker."""
    return data.count(START_OF_SCAN)


def _open(data: bytes) -> Image.Image:
    """The image with only its header read; refused when its size alone is too much."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=sorted(ALLOWED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise ReceiptRefused(_too_many_pixels()) from bomb
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as unknown:
        raise ReceiptRefused(_not_a_photo()) from unknown
    if image.format not in ALLOWED_FORMATS:
        raise ReceiptRefused(_not_a_photo())
    width, height = image.size
    limit = MAX_PIXELS if image.format == "JPEG" else MAX_LOSSLESS_PIXELS
    if width * height > limit:
        raise ReceiptRefused(_too_many_pixels())
    if getattr(image, "n_frames", 1) > 1:  # an animation is not a photo, and costs every frame
        raise ReceiptRefused(_not_a_photo())
    return image


def _not_a_photo() -> str:
    return _("We cannot use this file. Send a photo from your phone, or choose a different photo.")


def _too_many_pixels() -> str:
    return _("The photo is too large. Take the photo again at a smaller size.")


def _too_big() -> str:
    return _("The photo file is too big. Take it again at a smaller size, or choose a smaller one.")


def _too_complex() -> str:
    return _("We cannot open this photo. Take the photo again and send the new one.")


def receipt_response(data: bytes | None) -> Response:
    """Serve a stored receipt as an image that no browser will read as anything else."""
    if data is None:
        abort(404)
    response = Response(data, mimetype=CONTENT_TYPE)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = 'inline; filename="receipt.jpg"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
