"""The ``SearchWord`` rows a search reads, as one SQL statement written here rather than built
by the ORM: a search's statement is a union of a dozen short parts, each with a few scalar
subqueries, and building that through querysets cost more Python time (10 to 20 ms) than
PostgreSQL took to run it. The statement is plain SQL that SQLite and PostgreSQL both run;
the parameters are always bound, never written into the text (the text holds only table names
from the models and placeholders, hence the ``noqa: S608`` below).

``search`` decides what to read (which tokens, which checks, how many rows); this module only
says it in SQL and returns the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from momentum.hub.models import Post, PostStatus, SearchEntry, SearchWord, Thread


@dataclass(frozen=True)
class Scope:
    """What narrows a search besides its words: the reader's spaces (None: every space),
    one space, a kind, a language."""

    spaces: list[int] | None = None
    space: int | None = None
    kind: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Holds:
    """A check on the entry of the row at hand: it has one of ``tokens`` (in its title, with
    ``title``). An empty ``tokens`` is a check that never holds.

    ``read_whole``: the tokens' rows are few enough to be read once, in index order (a semi
    join), rather than looked up for each row read: a few thousand look-ups scattered over
    the (entry, token) index cost little once it is in memory, but one disk read each when
    it is not, while reading a token's rows reads neighbouring index pages."""

    tokens: Sequence[str]
    title: bool = False
    read_whole: bool = False


@dataclass(frozen=True)
class Part:
    """One part of the union: the rows of ``tokens`` (only those marked in the title, with
    ``title``) whose entry passes every check of ``others``, newest first, at most ``most``
    (None: all of them), each with ``title`` as its mark and the answer to each of ``flags``
    (a check, or a constant)."""

    tokens: Sequence[str]
    title: bool
    others: Sequence[Holds]
    flags: Sequence[Holds | bool]
    most: int | None


class Row(NamedTuple):
    """A row read: its entry, date and token, whether the entry's title holds the token,
    whether it was read for the newest matches in a title (the part's ``title``), and the
    answers to the part's ``flags``."""

    entry: int
    date: datetime
    token: str
    in_title: bool
    for_title: bool
    flags: tuple[bool, ...]


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def _tokens_match(column: str, tokens: Sequence[str], params: list[Any]) -> str:
    params.extend(tokens)
    if len(tokens) == 1:
        return f"{column} = %s"
    return f"{column} IN ({_placeholders(tokens)})"


def _holds(check: Holds, params: list[Any]) -> str:
    """The entry of the row at hand passes ``check``: a scalar subquery on the primary key
    (entry, token), answered for the rows read only. ``EXISTS`` would let PostgreSQL read
    every row of a common token first, to hash them."""
    if not check.tokens:
        return "FALSE"
    words = _table(SearchWord)
    match = _tokens_match("u.token", check.tokens, params)
    if check.read_whole and not check.title:
        return f"w.entry_id IN (SELECT u.entry_id FROM {words} u WHERE {match})"  # noqa: S608
    # An entry's rows share its date: with it, the title index is read at one point.
    title = " AND u.in_title AND u.published_at = w.published_at" if check.title else ""
    return (
        f"(SELECT u.entry_id FROM {words} u"  # noqa: S608
        f" WHERE u.entry_id = w.entry_id AND {match}{title} LIMIT 1) IS NOT NULL"
    )


def _readable(params: list[Any]) -> str:
    """A post is found only while it and its thread are published, whatever the index says:
    two primary-key reads, for the rows read only."""
    params.extend([PostStatus.PUBLISHED.value, PostStatus.PUBLISHED.value])
    return (
        f"(e.post_id IS NULL OR (SELECT p.id FROM {_table(Post)} p"  # noqa: S608
        f" INNER JOIN {_table(Thread)} t ON p.thread_id = t.id"
        " WHERE p.id = e.post_id AND p.status = %s AND t.status = %s LIMIT 1) IS NOT NULL)"
    )


def _part_sql(part: Part, scope: Scope, params: list[Any]) -> str:
    columns = ["w.entry_id", "w.published_at", "w.token", "w.in_title"]
    columns.append("TRUE" if part.title else "FALSE")
    for flag in part.flags:
        if isinstance(flag, Holds):
            columns.append(_holds(flag, params))
        else:
            columns.append("TRUE" if flag else "FALSE")
    where = [_tokens_match("w.token", part.tokens, params)]
    if part.title:
        where.append("w.in_title")
    if scope.spaces is not None:
        spaces = [0, *scope.spaces]
        where.append(f"w.space_key IN ({_placeholders(spaces)})")
        params.extend(spaces)
    if scope.space is not None:
        where.append("w.space_key = %s")
        params.append(scope.space)
    if scope.kind:
        where.append("e.kind = %s")
        params.append(scope.kind)
    if scope.language:
        where.append("e.language = %s")
        params.append(scope.language)
    where.extend(_holds(other, params) for other in part.others)
    where.append(_readable(params))
    sql = (
        f"SELECT {', '.join(columns)} FROM {_table(SearchWord)} w"  # noqa: S608
        f" INNER JOIN {_table(SearchEntry)} e ON w.entry_id = e.id"
        f" WHERE {' AND '.join(where)}"
    )
    if part.most is None:
        return sql
    params.append(part.most)
    # Newest first from the (token, date) index, stopping at ``most``.
    return f"({sql} ORDER BY w.published_at DESC, w.entry_id DESC LIMIT %s)"


def read(parts: Sequence[Part], scope: Scope) -> list[Row]:
    """The rows of every part of ``parts``, in one statement (a union of the parts)."""
    if not parts:
        return []
    params: list[Any] = []
    sql = " UNION ALL ".join(_part_sql(part, scope, params) for part in parts)
    # SQLite hands dates back as text; the backend converts them as the ORM would.
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            Row(
                row[0],
                convert(row[1], None, connection) if convert else row[1],
                row[2],
                bool(row[3]),
                bool(row[4]),
                tuple(bool(flag) for flag in row[5:]),
            )
            for row in cursor.fetchall()
        ]


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))
