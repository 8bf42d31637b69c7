"""Loading the evaluation files. Texts stay in memory and are never printed."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

UK_CHALLENGE = Path(__file__).with_name("uk_challenge.jsonl")
CHALLENGE_SET = Path(__file__).with_name("challenge_set.txt")


def data_dir() -> Path:
    """``../shared/data/safety`` beside the repository (as CI lays it out), or the
    folder named by ``ALONGSIDE_EVALUATION_DATA`` (a worktree kept elsewhere)."""
    from django.conf import settings

    named = os.environ.get("ALONGSIDE_EVALUATION_DATA")
    if named:
        return Path(named)
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "safety"


def is_held_out(file_name: str, index: int) -> bool:
    """A fixed half of each file, chosen by hash, kept back from tuning."""
    digest = hashlib.sha256(f"{file_name}:{index}".encode()).digest()
    return digest[0] % 2 == 1


@dataclass(frozen=True, slots=True)
class Example:
    index: int
    text: str
    held_out: bool
    label: str = ""
    spans: tuple[tuple[str, int, int], ...] = ()
    extra: dict[str, object] = field(default_factory=dict)


def _limited(rows: Iterator[Example], limit: int | None) -> list[Example]:
    result: list[Example] = []
    for example in rows:
        if limit is not None and len(result) >= limit:
            break
        result.append(example)
    return result


def sdcnl(directory: Path, limit: int | None = None) -> list[Example]:
    name = "sdcnl-training-set.csv"

    def rows() -> Iterator[Example]:
        with (directory / name).open(newline="", encoding="utf-8") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                text = f"{row['title']}\n\n{row['selftext']}".strip()
                yield Example(index, text, is_held_out(name, index), row["is_suicide"])

    return _limited(rows(), limit)


def davidson(directory: Path, limit: int | None = None) -> list[Example]:
    name = "davidson-labeled-data.csv"

    def rows() -> Iterator[Example]:
        with (directory / name).open(newline="", encoding="utf-8") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                # Tweets are stored with HTML entities (&amp;, &#8220;); people typed
                # the characters.
                text = html.unescape(html.unescape(row["tweet"]))
                yield Example(index, text, is_held_out(name, index), row["class"])

    return _limited(rows(), limit)


def presidio(directory: Path, limit: int | None = None) -> list[Example]:
    name = "presidio-synth-dataset-v2.json"
    records = json.loads((directory / name).read_text(encoding="utf-8"))

    def rows() -> Iterator[Example]:
        for index, record in enumerate(records):
            spans = tuple(
                (span["entity_type"], span["start_position"], span["end_position"])
                for span in record["spans"]
            )
            yield Example(
                index, record["full_text"], is_held_out(name, index), spans=spans
            )

    return _limited(rows(), limit)


def uk_challenge(limit: int | None = None) -> list[Example]:
    def rows() -> Iterator[Example]:
        with UK_CHALLENGE.open(encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                if not line.strip():
                    continue
                record = json.loads(line)
                text = record.pop("text")
                yield Example(
                    index,
                    text,
                    is_held_out("uk_challenge", index),
                    label=record.get("category", ""),
                    extra=record,
                )

    return _limited(rows(), limit)


def _labels(words: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for word in words:
        key, _, value = word.partition("=")
        labels[key] = value
    return labels


def challenge_set(limit: int | None = None) -> list[Example]:
    """Our own hand-labelled sentences (``challenge_set.txt``), by category.

    Each sentence carries its block's labels (the ``##`` line above it), changed by
    any after ``||``. Within each block the sentences are ordered by a hash of their
    words and every second one is held out, so both halves hold every category and
    the split does not depend on where a sentence sits in the block. A category may
    open again further down the file (sentences written later): that block is split
    by itself, so adding sentences never moves earlier ones between the halves.
    """
    sentences: list[tuple[str, int, str, dict[str, str]]] = []
    category = ""
    block = 0
    labels: dict[str, str] = {}
    with CHALLENGE_SET.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.strip()
            if not line or (line.startswith("#") and not line.startswith("## ")):
                continue
            if line.startswith("## "):
                category, *words = line[3:].split()
                labels = _labels(words)
                block += 1
                continue
            text, _, override = line.partition(" || ")
            sentences.append(
                (category, block, text, {**labels, **_labels(override.split())})
            )
    held_out: set[str] = set()
    for number in {block for _, block, _, _ in sentences}:
        ranked = sorted(
            (text for _, block, text, _ in sentences if block == number),
            key=lambda text: hashlib.sha256(f"challenge:{text}".encode()).digest(),
        )
        held_out.update(ranked[1::2])
    rows = (
        Example(index, text, text in held_out, label=category, extra=dict(extra))
        for index, (category, _, text, extra) in enumerate(sentences)
    )
    return _limited(rows, limit)
