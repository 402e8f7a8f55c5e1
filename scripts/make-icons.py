#!/usr/bin/env python3
"""Draws the app icons (two overlapping circles on the brand colour) as PNGs, with only the
standard library. Run once when the design changes; the PNGs are committed."""
import struct, sys, zlib, os

BG = (0x2F, 0x6F, 0x5E)
LEFT = (0xF7, 0xF5, 0xF0)
RIGHT = (0xF2, 0xC1, 0x4E)
BOTH = (0xFF, 0xFF, 0xFF)

def icon(size, safe):
    # Maskable icons keep their content in the central 80 % safe zone.
    scale = 0.8 if safe else 1.0
    r = size * 0.26 * scale
    cy = size / 2
    cl, cr = size / 2 - r * 0.55, size / 2 + r * 0.55
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            inl = (px - cl) ** 2 + (py - cy) ** 2 <= r * r
            inr = (px - cr) ** 2 + (py - cy) ** 2 <= r * r
            row += bytes(BOTH if inl and inr else LEFT if inl else RIGHT if inr else BG)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = sys.argv[1] if len(sys.argv) > 1 else "public/icons"
for name, size, safe in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("maskable-512.png", 512, True)]:
    with open(os.path.join(out, name), "wb") as f:
        f.write(icon(size, safe))
