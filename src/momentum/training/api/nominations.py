"""The API of nominations."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from momentum.people.models import Profile
from momentum.training import selectors
from momentum.training.models import (
    Nomination,
)
from momentum.training.services import nominations

router = Router(tags=["training"])


class NominationOut(Schema):
    id: int
    session: int = Field(..., alias="session_id")
    officer: int = Field(..., alias="officer_id")
    country: str = Field(..., alias="country.code")
    given_name: str = Field(..., alias="officer.user.given_name")
    family_name: str = Field(..., alias="officer.user.family_name")
    given_name_ar: str = Field(..., alias="officer.user.given_name_ar")
    family_name_ar: str = Field(..., alias="officer.user.family_name_ar")
    sex: str = Field(..., alias="officer.sex")
    rank_level: str = Field(..., alias="officer.rank_level")
    status: str
    waitlist_position: int | None
    justification: str
    created_at: datetime


class NominationIn(Schema):
    officer: int = Field(..., description="The id of the officer's profile (see /people)")
    justification: str
    motivation: str = ""
    supervisor_name: str = ""
    supervisor_endorsement: str = ""


class RefusalDetail(Schema):
    code: str
    message: str
    details: dict[str, list[str]] | None = None


class RefusalOut(Schema):
    error: RefusalDetail


# Refusals that clash with what already exists; the others are bad requests.
_CONFLICTS = {"duplicate", "overlap"}


def _refusal(error: RefusalError) -> Status[dict[str, Any]]:
    """A service's refusal in the API's error shape: its first code, every message."""
    if hasattr(error, "error_dict"):
        errors = [each for field in error.error_dict.values() for each in field]
        details: dict[str, list[str]] | None = error.message_dict
    else:
        errors, details = error.error_list, None
    codes = [each.code or "refused" for each in errors]
    status = 409 if _CONFLICTS & set(codes) else 400
    body: dict[str, Any] = {"code": codes[0], "message": " ".join(error.messages)}
    if details is not None:
        body["details"] = details
    return Status(status, {"error": body})


@router.get("/sessions/{session_id}/nominations", response=list[NominationOut])
@paginate(PageNumberPagination, page_size=50)
def list_session_nominations(request: HttpRequest, session_id: int) -> Any:
    """A session's nominations: staff see all, a focal point their country's, a trainer of the
    session its selected participants."""
    user = request.user
    session = selectors.get_session_for_nominations(user, session_id)
    if not user.has_perm("training.view_nominations", session):
        raise PermissionDenied
    nominations = selectors.session_nominations_for(user, session)
    return selectors.with_officers(nominations).order_by("country__code", "created_at", "pk")


@router.post(
    "/sessions/{session_id}/nominations",
    response={201: NominationOut, 400: RefusalOut, 404: RefusalOut, 409: RefusalOut},
)
def create_session_nomination(
    request: HttpRequest, session_id: int, payload: NominationIn
) -> Status[Any]:
    """Nominate an officer, with the same checks as the page: 403 for an officer of another
    country, 400 or 409 (with a code) when the nomination is refused."""
    user = request.user
    session = selectors.get_session_for_nominations(user, session_id)
    if not user.has_perm("training.nominate", session):
        raise PermissionDenied
    officer = Profile.objects.select_related("user", "country").filter(pk=payload.officer).first()
    if officer is None:
        message = "No officer has this id."
        return Status(404, {"error": {"code": "not_found", "message": message}})
    try:
        nomination = nominations.nominate_officer(
            session=session,
            officer=officer,
            by=user,  # type: ignore[arg-type]
            justification=payload.justification,
            motivation=payload.motivation,
            supervisor_name=payload.supervisor_name,
            supervisor_endorsement=payload.supervisor_endorsement,
        )
    except RefusalError as error:
        return _refusal(error)
    created = selectors.with_officers(Nomination.objects.filter(pk=nomination.pk)).get()
    return Status(201, created)
