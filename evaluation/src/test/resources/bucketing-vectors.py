#!/usr/bin/env python3
"""Writes bucketing-vectors.json: reference buckets from an implementation other than ours.

bucket = unsigned(murmur3_x86_32(UTF-8(flagKey + ":" + salt + ":" + unit), seed 0)) mod 10000
(docs/design.md §6). The hash comes from the `mmh3` package (the reference C MurmurHash3), so
the vectors do not depend on the Java code they check. Every client of the flag evaluation
(the endpoint, the Java client, the OpenFeature provider, any future SDK) should pass them.

Regenerate (only when adding rows; existing rows must never change):

    python3 -m venv .venv-mmh3 && .venv-mmh3/bin/pip install mmh3
    .venv-mmh3/bin/python evaluation/src/test/resources/bucketing-vectors.py
"""

import json
import pathlib

import mmh3

BUCKETS = 10_000

FLAGS = [
    ("new-search-algorithm", "2024-06-01"),
    ("checkout-v2", ""),
    ("f", "s1"),
    ("flag.with.dots_and-dashes", "salt:with:colons"),
]

UNITS = [
    "",  # empty unit: the input ends with the separator
    "0",
    "1",
    "a",
    "ab",  # lengths 1..5 cover every murmur3 tail length
    "abc",
    "abcd",
    "abcde",
    "user-1",
    "user-42",
    "user-123456789",
    "alice@example.com",
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "550e8400-e29b-41d4-a716-446655440000",
    "acct#0000001",
    "a:b:c",  # separators inside the unit are just bytes
    " leading space",
    "tab\tid",
    "nul\u0000byte",
    "é",  # two UTF-8 bytes, high bit set in the tail
    "café",
    "naïve-user",
    "ÿ",
    "Ωmega",
    "日本",  # three UTF-8 bytes each
    "日本語ユーザー",
    "user-日本-7",
    "🚀",  # four UTF-8 bytes: a surrogate pair in Java
    "user-🚀-1",
    "👩‍💻",  # emoji ZWJ sequence
    "𝄞music",
    "x" * 300,  # longer than a small scratch buffer
    "user-" + "".join(str(i % 10) for i in range(995)),
    "日本" * 200,
    "u" * 5000,  # longer than any reused buffer
]


# Appended later, so earlier rows keep their place: with it the "flagKey:salt:" prefixes have
# every length mod 4 (32, 13, 5, 43 and 14 bytes), which matters to hashing the prefix once.
MORE_FLAGS = [("dark-mode", "xyz")]
MORE_UNITS = ["", "a", "abc", "user-1", "é", "日本", "🚀", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"]


def row(flag_key, salt, unit):
    data = f"{flag_key}:{salt}:{unit}".encode("utf-8")
    h = mmh3.hash(data, 0, signed=False)
    return {"flagKey": flag_key, "salt": salt, "unit": unit, "hash": h, "bucket": h % BUCKETS}


def rows():
    # Every unit under two flags (rotating), then every flag with a few units, no duplicates.
    seen = set()
    for i, unit in enumerate(UNITS):
        for flag_key, salt in (FLAGS[i % len(FLAGS)], FLAGS[(i + 1) % len(FLAGS)]):
            seen.add((flag_key, salt, unit))
            yield row(flag_key, salt, unit)
    for flag_key, salt in FLAGS:
        for unit in ("user-1", "é", "🚀", ""):
            if (flag_key, salt, unit) not in seen:
                seen.add((flag_key, salt, unit))
                yield row(flag_key, salt, unit)
    for flag_key, salt in MORE_FLAGS:
        for unit in MORE_UNITS:
            yield row(flag_key, salt, unit)


def dump(doc):
    """JSON with one vector per line, so a diff shows exactly which rows changed."""
    lines = [json.dumps(v, ensure_ascii=False) for v in doc["vectors"]]
    head = {k: v for k, v in doc.items() if k != "vectors"}
    body = ",\n  ".join(lines)
    return json.dumps(head, ensure_ascii=False, indent=1)[:-2] + f',\n "vectors": [\n  {body}\n ]\n}}\n'


def main():
    out = pathlib.Path(__file__).with_suffix(".json")
    doc = {
        "description": "bucket = unsigned(murmur3_x86_32(UTF-8(flagKey:salt:unit), seed 0))"
        " mod 10000; hash is the unsigned 32-bit murmur3 value",
        "generator": "bucketing-vectors.py (Python mmh3)",
        "vectors": list(rows()),
    }
    out.write_text(dump(doc), encoding="utf-8")
    print(f"wrote {len(doc['vectors'])} vectors to {out.name}")


if __name__ == "__main__":
    main()
