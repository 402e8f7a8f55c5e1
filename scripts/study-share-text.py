#!/usr/bin/env python3
"""What a stronger text model could save on share links: estimates for the next format.

Reads only the tuning maps (tests/data/tuning/*.json), never a held-out set, and prints the
ideal code length (the sum of -log2 p, what a range coder reaches within a few bits) of their
words under format 2/3's model and under the changes one might make, with what each would add
to the tables. The models here are simplified re-implementations (no adaptation, a blended
letter model instead of the shipped nibble table), so compare rows with each other, not with
link lengths; and words are only part of a link (about two thirds of its bits on the tuning
maps: the rest is case, spaces, punctuation and digits, categories and the name), so a
saving here shrinks links by about two thirds as much. Issue 14's closing note quotes this
output.

    pip install wordfreq==3.1.1 && python3 scripts/study-share-text.py
    # the word-pair row also needs symspellpy's bigram list (MIT); the category row reads the
    # keywords of src/core/categorise.rs, the app's own table for filing interests:
    pip install symspellpy && python3 scripts/study-share-text.py
"""
import collections
import glob
import json
import math
import os
import re
import zlib

import wordfreq

ROOT = os.path.join(os.path.dirname(__file__), "..")
FLATTEN = 0.8  # as scripts/make-share-words.py
LIST = 16000

labels = []
for f in sorted(glob.glob(os.path.join(ROOT, "tests/data/tuning/*.json"))):
    m = json.load(open(f, encoding="utf-8"))
    labels += [m["what"]] + [i["label"] for i in m["interests"]]
WORD = re.compile(r"[A-Za-z\u00c0-\u1fff]+")
words = [w.lower() for t in labels for w in WORD.findall(t)]
first_seen = list(dict.fromkeys(words))  # a repeat costs a few bits whatever the model
plain = re.compile(r"[a-z]+\Z")
ranked = [w for w in wordfreq.top_n_list("en", 400_000) if plain.match(w)]


def unigram(n):
    wt = {w: wordfreq.word_frequency(w, "en") ** FLATTEN for w in ranked[:n]}
    total = sum(wt.values())
    return {w: -math.log2(v / total) for w, v in wt.items()}


def sym(c):
    return 0 if c == "$" else (ord(c) - 96 if "a" <= c <= "z" else 27)


def letters(order, train):
    counts = [collections.defaultdict(lambda: [0] * 28) for _ in range(order + 1)]
    for w in train:
        ctx = [0] * order
        for ch in w + "$":
            c = sym(ch)
            for k in range(order + 1):
                counts[k][tuple(ctx[order - k:]) if k else ()][c] += 1
            ctx = (ctx + [c])[1:] if order else ctx
    return order, counts


def spell(model, w, escape=2.0):
    order, counts = model
    bits, ctx = 0.0, [0] * order
    for ch in w + "$":
        c, p = sym(ch), 1 / 28
        for k in range(order + 1):
            row = counts[k].get(tuple(ctx[order - k:]) if k else ())
            if row:
                total, seen = sum(row), sum(1 for x in row if x)
                keep = total / (total + escape * seen)
                p = keep * row[c] / total + (1 - keep) * p
        bits += -math.log2(p) + (7 if c == 27 else 0)
        ctx = (ctx + [c])[1:] if order else ctx
    return bits


def list_gzip(n):
    out, prev = bytearray(), ""
    for w in sorted(ranked[:n]):
        k = 0
        while k < min(len(w), len(prev)) and w[k] == prev[k]:
            k += 1
        out += bytes([k]) + w[k:].encode() + b"\n"
        prev = w
    return len(zlib.compress(bytes(out), 9))


def total(listed, letter_model, split=False):
    bits = 0.0
    for w in first_seen:
        if w in listed:
            bits += listed[w]
            continue
        best = spell(letter_model, w)
        if split:  # a listed word and a spelled tail, or two listed words
            for i in range(2, len(w) - 1):
                a, b = w[:i], w[i:]
                if a in listed and b in listed:
                    best = min(best, listed[a] + listed[b] + 1)
                if a in listed and len(b) <= 3:
                    best = min(best, listed[a] + 1 + spell(letter_model, b))
        bits += best
    return bits


print(f"{len(labels)} labels, {len(words)} words ({len(first_seen)} first seen) in the tuning maps")
print(f"in format 2's list of {LIST}: {sum(1 for w in words if w in set(ranked[:LIST])) / len(words):.0%} of words")
two = letters(2, ranked[LIST:LIST + 100_000])
base = total(unigram(LIST), two)
print(f"\nthe words under format 2/3's model (list of {LIST}, letter after two letters): {base:.0f} bits")
for n in (24_000, 26_000, 32_000, 64_000):
    b = total(unigram(n), two)
    print(f"  a list of {n}: {b:.0f} bits ({(b - base) / base:+.1%}); list {list_gzip(n) - list_gzip(LIST):+,} B deflated")
b = total(unigram(LIST), two, split=True)
print(f"  words split into listed parts (no new table): {b:.0f} bits ({(b - base) / base:+.1%})")
for order in (3, 4):
    model = letters(order, ranked[LIST:LIST + 100_000])
    b = total(unigram(LIST), model)
    contexts = sum(len(c) for c in model[1])
    print(f"  letters after {order} letters: {b:.0f} bits ({(b - base) / base:+.1%}); {contexts:,} contexts")

# Word pairs: the second word's cost given the first, mixed half and half with the list.
try:
    import symspellpy
    path = os.path.join(os.path.dirname(symspellpy.__file__), "frequency_bigramdictionary_en_243_342.txt")
    pairs, firsts = {}, collections.Counter()
    for line in open(path, encoding="utf-8"):
        a, b, c = line.split()
        pairs[(a, b)] = int(c)
        firsts[a] += int(c)
    listed = unigram(LIST)
    saved = 0.0
    for t in labels:
        ws = re.findall(r"[A-Za-z\u00c0-\u1fff]+|[^A-Za-z\u00c0-\u1fff]", t)
        for a, space, b in zip(ws, ws[1:], ws[2:]):
            a, b = a.lower(), b.lower()
            if space != " " or b not in listed or not a.isalpha():
                continue
            pu = 2 ** -listed[b]
            pb = pairs.get((a, b), 0) / firsts[a] if firsts[a] else 0
            saved += listed[b] + math.log2(0.5 * pb + 0.5 * pu)
    print(f"  word pairs ({len(pairs):,} from symspellpy): {-saved:.0f} bits ({-saved / base:+.1%}) on listed words")
except ImportError:
    print("  word pairs: pip install symspellpy to estimate")

# Category keywords: the category is coded before its label, and core::categorise lists the
# words that go with each category; a listed word among its label's category's keywords made
# k times likelier (the rest of the list renormalised around it).
src = open(os.path.join(ROOT, "src/core/categorise.rs"), encoding="utf-8").read()
block = src[src.index("const KEYWORDS"):]
keywords = {c: set(re.findall(r'"([^"]+)"', ws))
            for c, ws in re.findall(r'\(\s*"(\w+)",\s*&\[(.*?)\]', block[:block.index("\n];")], re.S)}
CATEGORY_IDS = {"sport & fitness": "sport", "food & drink": "food", "local & community": "local",
                "arts & culture": "arts"}
listed = unigram(LIST)
for k in (4, 16):
    saved, seen, hits, n = 0.0, set(), 0, 0
    for f in sorted(glob.glob(os.path.join(ROOT, "tests/data/tuning/*.json"))):
        for i in json.load(open(f, encoding="utf-8"))["interests"]:
            c = i["category"].lower()
            kw = keywords.get(CATEGORY_IDS.get(c, c), set())
            mass = sum(2 ** -listed[w] for w in kw if w in listed)
            for w in (w.lower() for w in WORD.findall(i["label"])):
                if w in seen or w not in listed:
                    continue
                seen.add(w)
                n += 1
                hit = w in kw or w.rstrip("s") in kw
                hits += hit
                saved += (math.log2(k) if hit else 0) - math.log2(1 + (k - 1) * mass)
    print(f"  category keywords {k}x likelier: {-saved:.0f} bits ({-saved / base:+.1%}); "
          f"{hits / n:.0%} of first-seen listed interest words are keywords of their category")
