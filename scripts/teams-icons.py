#!/usr/bin/env python3
"""Draws the two Teams app icons into manifests/teams/ (standard library only).

    color.png    192x192, opaque: a white key on the accent colour #3B5BDB
    outline.png   32x32, transparent background, the same key in white lines

Run `python3 scripts/teams-icons.py` after changing the drawing; the output is
deterministic, so unchanged code rewrites identical files.
"""
import math
import os
import struct
import zlib

ACCENT = (0x3B, 0x5B, 0xDB)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersamples per axis, for anti-aliased edges


def png(width, height, rows, alpha):
    """PNG bytes for 8-bit RGB (alpha=False) or RGBA rows of (r, g, b[, a]) tuples."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = bytearray()
    for row in rows:
        raw.append(0)  # filter: none
        for pixel in row:
            raw.extend(pixel)
    colour_type = 6 if alpha else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def to_key(x, y):
    """Icon coordinates (0..1, y down) to the key's own frame: the key lies along +x,
    head on the left, and is turned 45 degrees so the blade points down-right."""
    dx, dy = x - 0.5, y - 0.5
    c = s = math.sqrt(0.5)
    return 0.5 + dx * c + dy * s, 0.5 - dx * s + dy * c


def in_box(x, y, x0, y0, x1, y1):
    return x0 <= x <= x1 and y0 <= y <= y1


def solid_key(x, y):
    """The filled key: a ring for the head, a shaft, two teeth."""
    kx, ky = to_key(x, y)
    d = math.hypot(kx - 0.29, ky - 0.5)
    if 0.075 <= d <= 0.175:
        return True
    if in_box(kx, ky, 0.44, 0.455, 0.84, 0.545):
        return True
    return in_box(kx, ky, 0.66, 0.5, 0.72, 0.65) or in_box(kx, ky, 0.76, 0.5, 0.84, 0.61)


def line_key(x, y):
    """The key drawn in lines about 2px wide at 32x32: ring, shaft, two teeth."""
    w = 0.035  # half the line width
    kx, ky = to_key(x, y)
    d = math.hypot(kx - 0.28, ky - 0.5)
    if abs(d - 0.14) <= w:
        return True
    if in_box(kx, ky, 0.42 - w, 0.5 - w, 0.86 + w, 0.5 + w):
        return True
    return in_box(kx, ky, 0.67 - w, 0.5, 0.67 + w, 0.66 + w) or in_box(kx, ky, 0.82 - w, 0.5, 0.82 + w, 0.62 + w)


def coverage(shape, size, px, py):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            hits += shape(x, y)
    return hits / (SAMPLES * SAMPLES)


def colour_icon(size=192):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            a = coverage(solid_key, size, px, py)
            row.append(tuple(round(b + (f - b) * a) for f, b in zip(WHITE, ACCENT)))
        rows.append(row)
    return png(size, size, rows, alpha=False)


def outline_icon(size=32):
    rows = []
    for py in range(size):
        rows.append([WHITE + (round(255 * coverage(line_key, size, px, py)),) for px in range(size)])
    return png(size, size, rows, alpha=True)


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "manifests", "teams")
    for name, data in (("color.png", colour_icon()), ("outline.png", outline_icon())):
        path = os.path.normpath(os.path.join(folder, name))
        with open(path, "wb") as f:
            f.write(data)
        print(path)


if __name__ == "__main__":
    main()
