"""Database side of word search: find a token in a ``core.text.word_key`` column.

``HasAnyToken(F("column"), tokens)`` is true when the key holds one of ``tokens``. On
PostgreSQL it reads ``column_tokens && ARRAY[...]``, where ``column_tokens`` is a generated
``text[]`` column (``string_to_array(column, ' ')``, stored) with a GIN index, both made by
``create_token_index`` in a migration: the planner then has statistics on the tokens, and
checking a row costs no splitting. Elsewhere (SQLite) it reads ``column LIKE '% token %' OR
...``. Both give the same rows, since a key is its tokens separated by single spaces with one
at each end, and a token is letters, digits and ``core.text.STEM_MARK`` only (no ``%`` or
``_``).

    entries.filter(HasAnyToken(F("words_key"), word.tokens))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import BooleanField, Value
from django.db.models.lookups import Lookup

__all__ = ["TOKENS_SUFFIX", "HasAnyToken", "create_token_index", "drop_token_index"]

TOKENS_SUFFIX = "_tokens"


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

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, params = self.process_lhs(compiler, connection)
        patterns = [f"% {token} %" for token in self.tokens]
        sql = " OR ".join(f"{lhs} LIKE %s" for _ in patterns)
        return f"({sql})", [param for _ in patterns for param in params] + patterns

    def as_postgresql(self, compiler: Any, connection: Any) -> Any:
        lhs, params = self.process_lhs(compiler, connection)
        if not lhs.endswith('"'):
            raise ValueError("HasAnyToken reads a column (F('name')) on PostgreSQL")
        return f'{lhs[:-1]}{TOKENS_SUFFIX}" && %s::text[]', [*params, self.tokens]

    def get_group_by_cols(self) -> list[Any]:  # pragma: no cover - not grouped on
        return []


def create_token_index(schema_editor: Any, table: str, column: str, name: str) -> None:
    """In a migration: the generated token column and its GIN index that answer
    ``HasAnyToken`` on PostgreSQL (nothing elsewhere). The column is not in the model: the
    database fills it from ``column`` on every write."""
    if schema_editor.connection.vendor != "postgresql":
        return
    tokens = f"{column}{TOKENS_SUFFIX}"
    # Keys and tokens go to the TOAST table: the rows stay narrow, so reading the dates of
    # thousands of matches (newest first) reads few pages; the index needs no row's tokens.
    schema_editor.execute(f"ALTER TABLE {table} SET (toast_tuple_target = 128)")
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {tokens} text[] "
        f"GENERATED ALWAYS AS (string_to_array({column}, ' ')) STORED"
    )
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({tokens})")


def drop_token_index(schema_editor: Any, table: str, column: str, name: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}{TOKENS_SUFFIX}")
