"""Asking the database whether a JSON list of strings holds any of some strings,
so that matching filters and ranks supporters there instead of reading every
supporter's lists into Python.

Exact string equality, element by element, on the two databases Alongside runs
on: `json_each` on SQLite, the `?|` operator on PostgreSQL (top-level string
elements only, as Python's `in` on a list of strings).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import NotSupportedError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, Func, Value
from django.db.models.sql.compiler import SQLCompiler


class HasAnyString(Func):
    """True when the JSON list in `field` holds at least one of `strings`. Never
    true for an empty `strings`."""

    output_field = BooleanField()

    def __init__(self, field: str, strings: Sequence[str]) -> None:
        self.strings = list(strings)
        super().__init__(F(field))

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, Any]:
        raise NotSupportedError(
            "Matching reads JSON lists on SQLite and PostgreSQL only."
        )

    def as_sqlite(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        **extra_context: Any,
    ) -> tuple[str, Any]:
        field, params = compiler.compile(self.source_expressions[0])
        wanted, wanted_params = compiler.compile(Value(json.dumps(self.strings)))
        # Only a compiled column and placeholders go into the text; the strings
        # travel as parameters.
        held = f"json_each({field}) AS held"
        sql = (
            f"EXISTS(SELECT 1 FROM {held} WHERE held.type = 'text' AND "  # noqa: S608
            f"held.value IN (SELECT value FROM json_each({wanted})))"
        )
        return sql, (*params, *wanted_params)

    def as_postgresql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        **extra_context: Any,
    ) -> tuple[str, Any]:
        field, params = compiler.compile(self.source_expressions[0])
        return f"({field} ?| %s::text[])", (*params, self.strings)
