"""The support office's records: categories and their queues, requests and their messages,
working calendars, and the knowledge base."""

from momentum.support.models.calendars import Holiday, WorkingCalendar
from momentum.support.models.knowledge import Article
from momentum.support.models.requests import (
    Attachment,
    CannedReply,
    Category,
    HeldMail,
    HeldReason,
    Message,
    MessageKind,
    Rating,
    Request,
    RequestQuerySet,
    Status,
)

__all__ = [
    "Article",
    "Attachment",
    "CannedReply",
    "Category",
    "HeldMail",
    "HeldReason",
    "Holiday",
    "Message",
    "MessageKind",
    "Rating",
    "Request",
    "RequestQuerySet",
    "Status",
    "WorkingCalendar",
]
