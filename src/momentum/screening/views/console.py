"""The screening console: parse an MRZ (or read the visual zone) and screen the traveller."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from momentum.people.http import AuthenticatedRequest
from momentum.screening import mrz
from momentum.screening.forms import WorldConsoleForm
from momentum.screening.models import World
from momentum.screening.selectors.screen import Identity, ScreeningResult, identity_from, screen


def run_console(
    world: World, data: dict[str, Any]
) -> tuple[mrz.ParsedMRZ | None, ScreeningResult, float]:
    """Parse the MRZ when given, else take the visual zone; screen; time it in milliseconds."""
    started = time.perf_counter()
    parsed = None
    if data.get("mrz", "").strip():
        parsed = mrz.parse(data["mrz"], correct=bool(data.get("correct")))
        identity = identity_from(parsed)
    else:
        identity = Identity(
            surname=data.get("surname", "").upper(),
            given_names=data.get("given_names", "").upper(),
            birth_date=data.get("birth_date"),
            nationality=data.get("nationality", "").upper(),
            sex=data.get("sex", ""),
            document_number=data.get("document_number", "").upper(),
            issuing_state=data.get("issuing_state", "").upper(),
        )
    result = screen(world, identity)
    return parsed, result, round((time.perf_counter() - started) * 1000, 1)


@login_required
def console(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("screening.use_console"):
        raise PermissionDenied
    context: dict[str, Any] = {}
    form = WorldConsoleForm(request.GET or None)
    if request.GET and form.is_valid():
        parsed, result, elapsed = run_console(form.cleaned_data["world"], form.cleaned_data)
        context.update(parsed=parsed, result=result, elapsed=elapsed)
    elif not request.GET:
        world = World.objects.order_by("-created_at").first()
        form = WorldConsoleForm(initial={"world": world})
    context["form"] = form
    return render(request, "screening/console.html", context)
