"""My hub settings (handle, how I appear, photo, e-mails) and members' photos."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from momentum.hub.forms.members import SettingsForm
from momentum.hub.models import MemberSettings
from momentum.hub.selectors.members import display_for
from momentum.hub.services import members as services
from momentum.people.http import AuthenticatedRequest


def _initial(settings: MemberSettings) -> dict[str, object]:
    return {
        "handle": settings.handle,
        "name_display": settings.name_display,
        "show_photo": settings.show_photo,
        "email_on_mention": settings.email_on_mention,
        "email_on_reply": settings.email_on_reply,
        "digest": settings.digest,
    }


@login_required
def my_settings(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("hub.use_hub"):
        raise PermissionDenied
    settings = services.settings_for(user)
    if request.method == "POST":
        form = SettingsForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                settings = services.update_settings(
                    user=user,
                    handle=data["handle"],
                    name_display=data["name_display"],
                    show_photo=data["show_photo"],
                    email_on_mention=data["email_on_mention"],
                    email_on_reply=data["email_on_reply"],
                    digest=data["digest"],
                    photo=data.get("photo"),
                    remove_photo=data["remove_photo"],
                )
            except ValidationError as error:
                code = getattr(error, "code", "") or ""
                field = "handle" if code.startswith("handle") else "photo"
                for message in error.messages:
                    form.add_error(field, message)
            else:
                messages.success(request, _("Your hub settings were saved."))
                return redirect("hub:settings")
    else:
        form = SettingsForm(initial=_initial(settings))
    return render(
        request,
        "hub/members/settings.html",
        {
            "form": form,
            "settings": settings,
            "preview": display_for(user, settings, get_language() or "en"),
            "photo_url": services_photo_url(settings),
        },
    )


def services_photo_url(settings: MemberSettings) -> str | None:
    from django.urls import reverse

    return reverse("hub:member_photo", args=[settings.user_id]) if settings.photo else None


@login_required
@require_GET
def member_photo(request: AuthenticatedRequest, user_pk: int) -> HttpResponseBase:
    """A member's photo: to signed-in hub users, and only if its owner shows it (the owner
    always sees their own)."""
    user = request.user
    if not user.has_perm("hub.use_hub"):
        raise Http404
    settings = MemberSettings.objects.filter(user_id=user_pk).first()
    if settings is None or not settings.photo:
        raise Http404
    if not settings.show_photo and settings.user_id != user.pk:
        raise Http404
    content_type = "image/png" if (settings.photo.name or "").endswith(".png") else "image/jpeg"
    response = FileResponse(settings.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
