"""The shape of one row of the privacy registry: how a model that refers to a
person is exported and erased. The rows themselves are in `registry.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from alongside.accounts.models import Person
from alongside.core.exports import Row

__all__ = ["DELETED", "Entry", "Erasure", "Prepare", "Row"]

# What most entries say about erasure.
DELETED = "Deleted with your account."


class Prepare(Protocol):
    """Erases words that must go even when their row stays. Runs inside the
    erasure's transaction, before the account row is deleted."""

    def __call__(self, *, person: Person, keep_posts: bool) -> None: ...


class Erasure(StrEnum):
    DELETE = "deleted"
    DETACH = "kept without your name"


@dataclass(frozen=True)
class Entry:
    """One link from a model to the person."""

    model: str  # "app_label.ModelName", as in Model._meta.label
    field: str  # the field that refers to the person
    title: str  # a heading in the download
    erasure: Erasure
    what_erasure_does: str  # plain words, shown in docs and tests
    export: Callable[[Person], list[Row]] | None = None
    not_exported_because: str = ""
    prepare: Prepare | None = None

    @property
    def key(self) -> str:
        return f"{self.model}.{self.field}"
