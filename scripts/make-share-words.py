#!/usr/bin/env python3
"""Writes public/share-model-2.bin: the tables of share-link format 2.

A general model of short English text, built from nothing in this repository:
- the most frequent English words of the `wordfreq` package (its data: CC-BY-SA 4.0, see
  public/share-model-2.LICENSE.txt), each with its frequency rounded to a tenth of a
  Zipf unit and grouped in steps of STEP tenths;
- letter-after-two-letters counts over the next ~100,000 rarer words of the same list, for spelling
  out words that are not in the first list (names, places, jargon).

The file is part of link format 2: a link made with these tables can only be read with the
same tables, so this file must never change once shipped. A new table means a new format
number and a new file name. Reproduce it with:

    pip install wordfreq==3.1.1 && python3 scripts/make-share-words.py

and check that `git diff --stat public/share-model-2.bin` shows nothing.

Layout (little-endian), raw-deflated as a whole (so that the transfer size does not depend on
whether the static host compresses .bin files):
    b"CGW2"
    784 x 14 u8       letter weights, two to a byte (high nibble first), each an index into
                      the Fibonacci scale 0, 1, 2, 3, 5 .. 987: row = the two letters before (28 x first + second;
                      0 word start, 1..26 a..z, 27 other letter), column = the next letter
                      (0 end of word, 1..26 a..z, 27 other)
    u8 B, B x u32     weight of each frequency group
    u32 N             number of words
    N x u8            frequency group of each word (alphabetical order)
    N x (u8 shared prefix length with the previous word, suffix bytes, 0x0a)
"""
import importlib.metadata
import math
import os
import re
import sys
import zlib

import wordfreq

WORDS = 16000
STEP = 3  # tenths of a Zipf unit per frequency group
# Interest labels use rarer words than running text does: weights are frequency^FLATTEN.
FLATTEN = 0.8
SPELL_WORDS = 100_000
OUT = os.path.join(os.path.dirname(__file__), "..", "public", "share-model-2.bin")

if importlib.metadata.version("wordfreq") != "3.1.1":
    sys.exit("make-share-words: needs wordfreq 3.1.1, the version the shipped file was made with")

plain = re.compile(r"[a-z]+\Z")
ranked = [w for w in wordfreq.top_n_list("en", 400_000) if plain.match(w)]
words = ranked[:WORDS]
spell = ranked[WORDS:WORDS + SPELL_WORDS]


def group(w):
    tenths = int(round(wordfreq.zipf_frequency(w, "en") * 10))
    return tenths // STEP


groups = {w: group(w) for w in words}
low = min(groups.values())
high = max(groups.values())
# Weight of a group: its frequency relative to the rarest group, 10^(Zipf difference), so
# that the word total stays well under 2^22 (the range coder's limit).
weights = [max(1, int(round(10 ** (FLATTEN * (g - low) * STEP / 10)))) for g in range(low, high + 1)]
total = sum(weights[groups[w] - low] for w in words)
assert total < (1 << 22), total

# Letter after the two letters before (0 = word start), blended with letter after letter for
# pairs that are rare in the training words.
order1 = [[1] * 28 for _ in range(28)]
order2 = [[[0] * 28 for _ in range(28)] for _ in range(28)]
for w in spell:
    a = b = 0
    for ch in w + "$":
        c = 0 if ch == "$" else ord(ch) - 96
        order1[b][c] += 1
        order2[a][b][c] += 1
        a, b = b, c
# Letters outside a..z (é, ł, â) are rare in the English list; give them a fixed small share.
for row in order1:
    row[27] = max(row[27], sum(row) // 200)
BLEND = 20
NIBBLE = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987]
rows = []
for a in range(28):
    for b in range(28):
        n1 = sum(order1[b])
        n2 = sum(order2[a][b])
        p = [(order2[a][b][c] + BLEND * order1[b][c] / n1) / (n2 + BLEND) for c in range(28)]
        top = max(p)
        # Each weight is one of NIBBLE (a Fibonacci scale, about 0.7 bit a step), as its index.
        row = [min(range(1, 16), key=lambda i: abs(math.log(NIBBLE[i]) - math.log(max(v / top * 987, 1e-9))))
               for v in p]
        if a == 0 and b == 0:
            row[0] = 0  # a spelled word has at least one letter
        rows.append(row)

out = bytearray(b"CGW2")
for row in rows:
    out += bytes(row[i] << 4 | row[i + 1] for i in range(0, 28, 2))
out.append(len(weights))
for v in weights:
    out += v.to_bytes(4, "little")
alpha = sorted(words)
out += len(alpha).to_bytes(4, "little")
out += bytes(groups[w] - low for w in alpha)
prev = ""
for w in alpha:
    k = 0
    while k < min(len(w), len(prev), 255) and w[k] == prev[k]:
        k += 1
    out.append(k)
    out += w[k:].encode("ascii")
    out.append(10)
    prev = w
packed = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
data = packed.compress(bytes(out)) + packed.flush()
with open(OUT, "wb") as f:
    f.write(data)
print(f"{OUT}: {len(words)} words, {len(weights)} groups, total weight {total}, "
      f"{len(out)} bytes, {len(data)} deflated")
