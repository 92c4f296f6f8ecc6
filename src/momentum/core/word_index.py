"""Database side of word search: find a token in a ``core.text.word_key`` column.

``HasAnyToken(F("column"), tokens)`` is true when the key holds one of ``tokens``. On
PostgreSQL it reads ``string_to_array(column, ' ') && ARRAY[...]``, which a GIN index on the
same expression answers (create it with ``create_token_index`` in a migration); elsewhere
(SQLite) it reads ``column LIKE '% token %' OR ...``. Both give the same rows, since a key is its
tokens separated by single spaces with one at each end, and a token is letters, digits and
``core.text.STEM_MARK`` only (no ``%`` or ``_``).

    entries.filter(HasAnyToken(F("words_key"), word.tokens))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import BooleanField, Expression, Value
from django.db.models.lookups import Lookup

__all__ = ["HasAnyToken", "create_token_index", "drop_token_index"]


class HasAnyToken(Lookup):  # type: ignore[type-arg]
    lookup_name = "has_any_token"
    prepare_rhs = False

    def __init__(self, lhs: Any, rhs: Iterable[str]) -> None:
        tokens = sorted(set(rhs))
        if not tokens:
            raise ValueError("HasAnyToken needs at least one token")
        super().__init__(lhs, Value(tokens))
        self.tokens = tokens

    @property
    def output_field(self) -> BooleanField:  # type: ignore[override]
        return BooleanField()

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, params = self.process_lhs(compiler, connection)
        patterns = [f"% {token} %" for token in self.tokens]
        sql = " OR ".join(f"{lhs} LIKE %s" for _ in patterns)
        return f"({sql})", [param for _ in patterns for param in params] + patterns

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, params = self.process_lhs(compiler, connection)
        return f"string_to_array({lhs}, ' ') && %s::text[]", [*params, self.tokens]

    def get_group_by_cols(self) -> list[Expression]:  # pragma: no cover - not grouped on
        return []


def create_token_index(schema_editor: Any, table: str, column: str, name: str) -> None:
    """In a migration: the GIN index that answers ``HasAnyToken`` on PostgreSQL (no-op
    elsewhere)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
        f"USING gin ((string_to_array({column}, ' ')))"
    )


def drop_token_index(schema_editor: Any, name: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
