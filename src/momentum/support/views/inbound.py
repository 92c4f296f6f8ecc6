"""The HTTP door for a mail relay: it POSTs each incoming e-mail (raw RFC 822 bytes) with the
shared secret ``MOMENTUM_SUPPORT_INBOUND_TOKEN`` in an ``Authorization: Bearer`` header."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from momentum.support.services.mail import receive

MAX_MESSAGE_BYTES = 30 * 1024 * 1024


@csrf_exempt
@require_POST
def inbound(request: HttpRequest) -> HttpResponse:
    secret = str(getattr(settings, "SUPPORT_INBOUND_TOKEN", "") or "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        return JsonResponse({"error": {"code": "forbidden", "message": "Not allowed."}}, status=403)
    if len(request.body) > MAX_MESSAGE_BYTES:
        return JsonResponse(
            {"error": {"code": "too_large", "message": "The message is too large."}}, status=413
        )
    result = receive(request.body)
    return JsonResponse(
        {
            "outcome": result.outcome,
            "reference": result.request.reference if result.request else None,
            "rejected_files": list(result.rejected_files),
        }
    )
