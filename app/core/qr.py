"""QR codes drawn on the server as one SVG path: no script, no image file, crisp when printed.

Used for the two-step set-up code and for the codes on survey posters and links.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno


@dataclass(frozen=True)
class QrDrawing:
    """A QR code as one SVG path (dark squares), drawn by the template: no script, no image."""

    size: int  # modules across, quiet zone included
    path: str


QUIET_ZONE = 4


def qr_drawing(uri: str) -> QrDrawing:
    """Each run of dark modules in a row becomes one rectangle of the path."""
    matrix = segno.make(uri, error="m").matrix
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            parts.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
    return QrDrawing(len(matrix) + 2 * QUIET_ZONE, "".join(parts))
