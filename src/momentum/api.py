"""The JSON API under /api/v1/: one NinjaAPI, each app adds its router."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer

from momentum import api_contract
from momentum.core.api import router as core_router
from momentum.exercise.api import router as exercise_router
from momentum.governance.api import router as governance_router
from momentum.hub.api import router as hub_router
from momentum.mentoring.api import router as mentoring_router
from momentum.needs.api import router as needs_router
from momentum.people.api import router as people_router
from momentum.results.api import router as results_router
from momentum.screening.api import router as screening_router
from momentum.selfassessment.api import router as selfassessment_router
from momentum.support.api import router as support_router
from momentum.toolkit.api import router as toolkit_router
from momentum.training.api import router as training_router


class SessionAuth(APIKeyCookie):
    """The browser's signed-in session (CSRF is checked for unsafe methods)."""

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None


class SecondFactorRequired(Exception):
    """The account's role needs two-factor authentication, which is not set up yet."""


class TokenAuth(HttpBearer):
    """A personal access token: ``Authorization: Bearer mtm_…``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from momentum.people.services import authenticate_token

        user = authenticate_token(token)
        if user is None:
            return None
        if _second_factor_missing(user):
            # A token must not open what the pages keep closed until MFA is set up.
            raise SecondFactorRequired
        request.user = user
        return user


def _second_factor_missing(user: Any) -> bool:
    from momentum.people.backends import AuthenticationBackend

    return bool(
        settings.MOMENTUM_MFA_REQUIRED
        and user.needs_mfa
        and not AuthenticationBackend.has_second_factor(user)
    )


api = NinjaAPI(
    title="Momentum API",
    version="1",
    description="Programme data, scoped by role and country exactly like the pages.",
    auth=[TokenAuth(), SessionAuth(csrf=True)],
    urls_namespace="api",
    # Served from our static files ("ninja" is an installed app); no online spec validator,
    # which Swagger UI would otherwise call on validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


def _error(
    request: HttpRequest, status: int, code: str, message: str, details: Any = None
) -> HttpResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    return api.create_response(request, body, status=status)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 404, "not_found", "Not found.")


@api.exception_handler(SecondFactorRequired)
def _second_factor_required(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(
        request,
        403,
        "mfa_required",
        "Set up two-factor authentication on your account before using the API.",
    )


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 403, "forbidden", "You do not have permission to do this.")


@api.exception_handler(AuthenticationError)
def _unauthorised(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 401, "unauthorized", "Sign in or send a valid access token.")


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(request, 422, "invalid", "The request is not valid.", details=exc.errors)


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "rate_limited",
}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja raises HttpError itself too, e.g. 403 when a session request fails its CSRF check.
    return _error(request, exc.status_code, _CODES.get(exc.status_code, "error"), str(exc))


api.add_router("/", core_router)
api.add_router("/", people_router)
api.add_router("/", training_router)
api.add_router("/", hub_router)
api.add_router("/", mentoring_router)
api.add_router("/", selfassessment_router)
api.add_router("/", results_router)
api.add_router("/", governance_router)
api.add_router("/", support_router)
api.add_router("/", needs_router)
api.add_router("/", screening_router)
api.add_router("/", toolkit_router)
api.add_router("/", exercise_router)

# Bounded integers and declared refusals on every route (see momentum.api_contract).
api_contract.apply(api)
