"""What every route of the JSON API promises, applied once to all of them.

- **Integers fit in 64 bits.** Every integer a client sends (path, query, body, page number)
  is bounded in its schema, so a number beyond what the database stores is refused with 422
  and the API's error shape instead of failing inside the database; the bounds are in the
  OpenAPI document, where clients and test tools read them.
- **Refusals are declared.** Each route's OpenAPI entry lists the 4xx answers it can give
  (401 without valid credentials, 403, 404, 422, 429 where it applies), all in the one
  error shape.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from ninja import NinjaAPI, Schema
from pydantic import BaseModel, create_model

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


class ErrorDetail(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    """The API's one error shape."""

    error: ErrorDetail


_bounded_models: dict[type[BaseModel], type[BaseModel]] = {}


# A page number or size times the other must still be an offset the database accepts.
PAGING_MAX = 2**31 - 1
PAGING_FIELDS = {"page", "page_size", "per_page"}


def _bounds_missing(metadata: list[Any], *, upper_bound: int = INT64_MAX) -> list[Any]:
    lower = any(isinstance(item, annotated_types.Ge | annotated_types.Gt) for item in metadata)
    upper = any(isinstance(item, annotated_types.Le | annotated_types.Lt) for item in metadata)
    missing: list[Any] = []
    if not lower:
        missing.append(annotated_types.Ge(INT64_MIN))
    if not upper:
        missing.append(annotated_types.Le(upper_bound))
    return missing


def _bounded(annotation: Any, metadata: list[Any] | None = None, *, upper: int = INT64_MAX) -> Any:
    """``annotation`` with every integer in it bounded to 64 bits (the same object when it
    holds no integer)."""
    if annotation is int:
        missing = _bounds_missing(metadata or [], upper_bound=upper)
        return Annotated[int, *missing] if missing else annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bounded_model(annotation)
    origin = get_origin(annotation)
    if origin is None:
        return annotation
    args = get_args(annotation)
    if origin is Annotated:
        inner = _bounded(args[0], [*list(args[1:]), *(metadata or [])], upper=upper)
        return annotation if inner is args[0] else Annotated[inner, *args[1:]]
    new_args = tuple(_bounded(arg, upper=upper) for arg in args)
    if all(new is old for new, old in zip(new_args, args, strict=True)):
        return annotation
    if origin in (Union, types.UnionType):
        return Union[new_args]  # noqa: UP007 - built from a tuple
    if origin in (list, set, frozenset, tuple):
        return origin[new_args if origin is tuple else new_args[0]]
    return annotation


def bounded_model(model: type[BaseModel]) -> type[BaseModel]:
    """A subclass of ``model`` whose integer fields (also in nested models) fit in 64 bits."""
    if model in _bounded_models:
        return _bounded_models[model]
    _bounded_models[model] = model  # a model that refers to itself ends here
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        upper = PAGING_MAX if name in PAGING_FIELDS else INT64_MAX
        annotation = _bounded(info.annotation, list(info.metadata), upper=upper)
        if annotation is not info.annotation:
            fields[name] = (annotation, info)
    if not fields:
        return model
    bounded = create_model(  # type: ignore[call-overload]
        model.__name__, __base__=model, __module__=model.__module__, **fields
    )
    _bounded_models[model] = bounded
    return bounded  # type: ignore[no-any-return]


def apply(api: NinjaAPI) -> None:
    """Bound every route's integers and declare its refusals. Call once every router is
    added."""
    for bound_router in api._get_bound_routers():
        for path_view in bound_router.path_operations.values():
            for operation in path_view.operations:
                operation.models = [bounded_model(model) for model in operation.models]
                _declare_refusals(operation)


def _declare_refusals(operation: Any) -> None:
    responses = operation.response_models
    if responses == {200: None} or not isinstance(responses, dict):
        return
    wanted = [403, 404, 422]
    if operation.auth_callbacks:
        wanted.insert(0, 401)
    if any(status == 429 for status in responses):
        wanted.append(429)
    for status in wanted:
        if status not in responses:
            responses[status] = operation._create_response_model(ErrorOut)
