"""The support office's JSON API: the categories, the caller's requests (every request for
staff) with their public conversation, and asking, through the same services and rules as
the pages. Internal notes are never read here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from momentum.support import selectors
from momentum.support.models import Category, MessageKind, Request
from momentum.support.services import requests as services

router = Router(tags=["support"])


class CategoryOut(Schema):
    code: str
    name: str
    first_response_hours: int
    resolution_hours: int


class RequestOut(Schema):
    reference: str
    category: str
    subject: str
    status: str
    country: str | None
    created_at: datetime
    first_response_due: datetime
    first_response_at: datetime | None
    resolution_due: datetime
    resolved_at: datetime | None
    rating: str


class MessageOut(Schema):
    kind: str
    body: str
    created_at: datetime
    by_email: bool


class RequestDetailOut(RequestOut):
    description: str
    messages: list[MessageOut]


class RequestIn(Schema):
    category: str
    subject: str
    description: str


class RefusalDetail(Schema):
    code: str
    message: str
    details: Any = None


class RefusalOut(Schema):
    error: RefusalDetail


def _out(request: Request) -> dict[str, Any]:
    return {
        "reference": request.reference,
        "category": request.category.code,
        "subject": request.subject,
        "status": request.status,
        "country": request.country.code if request.country else None,
        "created_at": request.created_at,
        "first_response_due": request.first_response_due,
        "first_response_at": request.first_response_at,
        "resolution_due": request.resolution_due,
        "resolved_at": request.resolved_at,
        "rating": request.rating,
    }


@router.get("/support/categories", response=list[CategoryOut])
def list_support_categories(request: HttpRequest) -> Any:
    return list(selectors.categories())


@router.get("/support/requests", response=list[RequestOut])
@paginate(PageNumberPagination, page_size=20)
def list_support_requests(request: HttpRequest, status: str | None = None) -> Any:
    """The caller's own requests; every request for programme staff."""
    requests = Request.objects.visible_to(request.user).select_related("category", "country")
    if status:
        requests = requests.filter(status=status)
    return _Page(requests.order_by("-created_at", "-pk"))


class _Page:
    def __init__(self, queryset: Any) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return int(self.queryset.count())

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [_out(row) for row in self.queryset[window]]


@router.get("/support/requests/{reference}", response=RequestDetailOut)
def get_support_request(request: HttpRequest, reference: str) -> dict[str, Any]:
    support_request = selectors.get_request_for(request.user, reference)
    messages = [
        message
        for message in selectors.conversation(support_request, with_notes=False)
        if message.kind != MessageKind.EVENT
    ]
    return {
        **_out(support_request),
        "description": support_request.description,
        "messages": [
            {
                "kind": message.kind,
                "body": message.body,
                "created_at": message.created_at,
                "by_email": message.by_email,
            }
            for message in messages
        ],
    }


@router.post("/support/requests", response={201: RequestOut, 422: RefusalOut})
def open_support_request(request: HttpRequest, payload: RequestIn) -> Status[Any]:
    user = request.user
    if not user.has_perm("support.ask"):
        raise PermissionDenied
    category = Category.objects.filter(code=payload.category).first()
    if category is None:
        return Status(
            422,
            {
                "error": {
                    "code": "invalid",
                    "message": "Unknown category.",
                    "details": {"category": ["Unknown category."]},
                }
            },
        )
    if not payload.subject.strip() or not payload.description.strip():
        return Status(
            422, {"error": {"code": "invalid", "message": "Give a subject and a description."}}
        )
    try:
        opened = services.open_request(
            by=user,
            category=category,
            subject=payload.subject[:200],
            description=payload.description[:10_000],
        )
    except RefusalError as error:
        return Status(422, {"error": {"code": "refused", "message": " ".join(error.messages)}})
    return Status(201, _out(opened))
