"""The list of watched words and phrases, kept by programme staff."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.hub.forms.moderation import WatchedTermForm
from momentum.hub.models import WatchedTerm
from momentum.hub.services import watched_terms as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Language


def _require_staff(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("hub.manage_watched_terms"):
        raise PermissionDenied


@login_required
def watched_terms(request: AuthenticatedRequest) -> HttpResponse:
    """The list by language, and the form to add a word or phrase. Queries: one for the list
    (it is short: a few dozen words per language)."""
    _require_staff(request)
    form = WatchedTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.add_watched_term(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(phrase)s” is now watched.") % {"phrase": term.phrase})
            return redirect("hub:watched_terms")
    terms = list(WatchedTerm.objects.select_related("created_by").order_by("language", "phrase"))
    groups = [
        (code, label, [term for term in terms if term.language == code])
        for code, label in Language.choices
    ]
    return render(
        request,
        "hub/moderation/watched_terms.html",
        {"form": form, "groups": groups, "total": len(terms)},
    )


@login_required
@require_POST
def watched_term_active(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    term = get_object_or_404(WatchedTerm, pk=pk)
    active = request.POST.get("active") == "1"
    services.set_watched_term_active(term=term, by=request.user, active=active)
    if active:
        messages.success(request, _("“%(phrase)s” is watched again.") % {"phrase": term.phrase})
    else:
        messages.success(request, _("“%(phrase)s” is no longer watched.") % {"phrase": term.phrase})
    return redirect("hub:watched_terms")


@login_required
@require_POST
def watched_term_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    term = get_object_or_404(WatchedTerm, pk=pk)
    phrase = term.phrase
    services.delete_watched_term(term=term, by=request.user)
    messages.success(request, _("“%(phrase)s” was removed from the list.") % {"phrase": phrase})
    return redirect("hub:watched_terms")
