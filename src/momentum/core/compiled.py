"""Queries that run on every request, built once.

Building a query with the ORM — resolving its lookups and expressions, compiling its SQL — can
cost more than running it: the signed-in user's query (an ``EXISTS`` per activity) took longer
to build than PostgreSQL took to answer it. For the few queries every request makes, the SQL is
built once per database with stand-in values, and each request runs it with its own values in
their place (as a raw query of the same model, so that each column is still converted by its
field).

A stand-in must be a value of the column's type that no real request uses, and appear once in
the query's parameters. Values that a database adapts before binding (dates and times on SQLite)
cannot be stood in for: filter on them in Python after the query, or leave the query built by
the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from django.db.models import Model, QuerySet
from django.db.models.query import RawQuerySet

M = TypeVar("M", bound=Model)


class CompiledQuery(Generic[M]):
    def __init__(self, build: Callable[..., QuerySet[M]], *stand_ins: Any) -> None:
        self._build = build
        self._stand_ins = stand_ins
        self._compiled: dict[tuple[str, Hashable], tuple[str, tuple[Any, ...], list[int]]] = {}

    def _compile(self, using: str, variant: Hashable) -> tuple[str, tuple[Any, ...], list[int]]:
        compiled = self._compiled.get((using, variant))
        if compiled is None:
            queryset = self._build(*self._stand_ins).using(using)
            sql, params = queryset.query.sql_with_params()
            positions = []
            for stand_in in self._stand_ins:
                if list(params).count(stand_in) != 1:
                    raise ValueError(f"The stand-in {stand_in!r} must appear once in {params!r}.")
                positions.append(list(params).index(stand_in))
            compiled = (sql, tuple(params), positions)
            self._compiled[(using, variant)] = compiled
        return compiled

    def run(self, model: type[M], *values: Any, using: str, variant: Hashable = ()) -> list[M]:
        """The query's rows with ``values`` in place of the stand-ins. ``variant`` names what else
        the built query depends on (a registry's contents…): another variant is built anew."""
        sql, params, positions = self._compile(using, variant)
        bound = list(params)
        for position, value in zip(positions, values, strict=True):
            bound[position] = value
        raw: RawQuerySet[M] = model._default_manager.db_manager(using).raw(sql, bound)
        return list(raw)
