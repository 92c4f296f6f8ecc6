from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.counting import CachedCountPaginator, cached_count
from momentum.core.forms import add_service_errors
from momentum.core.home import next_steps_for
from momentum.core.models import Country
from momentum.people import selectors, services
from momentum.people.forms import (
    AcceptInvitationForm,
    AccessTokenForm,
    AccountSettingsForm,
    BulkInvitationForm,
    InvitationForm,
    OfficerFilterForm,
    ProfileForm,
)
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import AccessToken, Profile, Role
from momentum.people.signals import PROFILES


def _query_without_page(request: AuthenticatedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    """Each role's own home page: what they may do, and nothing else."""
    user = request.user
    context: dict[str, object] = {"roles": sorted(user.roles)}
    if user.is_programme_staff or user.has_role(Role.DONOR):
        context["counts"] = selectors.officer_counts(user)
        context["countries"] = {country.code: country for country in Country.objects.all()}
    focal_countries = user.countries_for(Role.FOCAL_POINT)
    if focal_countries and not user.is_programme_staff:
        context["focal_countries"] = Country.objects.filter(pk__in=focal_countries)
        context["my_officers"] = cached_count(
            PROFILES, Profile.objects.filter(country_id__in=focal_countries)
        )
    if user.has_perm("people.invite", None):
        context["pending_invitations"] = selectors.pending_invitations_count(user)
    context["own_profile"] = (
        Profile.objects.filter(user=user).select_related("country", "rank").first()
    )
    context["next_steps"] = next_steps_for(user)
    return render(request, "people/home.html", context)


@login_required
def officer_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("people.list_officers"):
        raise PermissionDenied
    countries = selectors.countries_for_officer_lists(request.user)
    form = OfficerFilterForm(request.GET or None, countries=countries)
    filters = form.filters() if form.is_valid() else {}
    officers = selectors.officers_for(
        request.user, **filters, language=translation.get_language() or ""
    )
    page = CachedCountPaginator(officers, 25, topic=PROFILES).get_page(request.GET.get("page"))
    template = "people/_officer_table.html" if request.htmx else "people/officer_list.html"
    return render(
        request, template, {"form": form, "page": page, "query": _query_without_page(request)}
    )


@login_required
def officer_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    profile = selectors.get_profile_for(request.user, pk)
    return render(
        request,
        "people/officer_detail.html",
        {"profile": profile, "can_edit": request.user.has_perm("people.change_profile", profile)},
    )


def _edit_profile(
    request: AuthenticatedRequest, profile: Profile, success_url: str
) -> HttpResponse:
    countries = (
        Country.objects.all()
        if request.user.is_programme_staff
        else Country.objects.filter(pk=profile.country_id)
    )
    if request.method == "POST":
        form = ProfileForm(request.POST, countries=countries)
        if form.is_valid():
            data = dict(form.cleaned_data)
            areas = list(data.pop("areas_of_work"))
            version = data.pop("version")
            try:
                services.update_profile(
                    profile=profile,
                    by=request.user,
                    data=data,
                    areas_of_work=areas,
                    expected_version=version,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The profile was saved."))
                return redirect(success_url)
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(profile), countries=countries)
    return render(request, "people/profile_form.html", {"form": form, "profile": profile})


@login_required
def officer_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    profile = selectors.get_profile_for(request.user, pk, write=True)
    return _edit_profile(request, profile, profile_url(profile))


def profile_url(profile: Profile) -> str:
    return reverse("people:officer", kwargs={"pk": profile.pk})


@login_required
def my_account(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    profile = Profile.objects.filter(user=user).select_related("country", "agency", "rank").first()
    if request.method == "POST":
        form = AccountSettingsForm(request.POST)
        if form.is_valid():
            services.update_own_account(user=user, **form.cleaned_data)
            # The next page is in the newly chosen language, and so is the message on it.
            with translation.override(form.cleaned_data["preferred_language"]):
                messages.success(request, _("Your settings were saved."))
                return redirect(reverse("people:my_account"))
    else:
        form = AccountSettingsForm(
            initial={"preferred_language": user.preferred_language, "time_zone": user.time_zone}
        )
    return render(request, "people/my_account.html", {"form": form, "profile": profile})


@login_required
def my_profile_edit(request: AuthenticatedRequest) -> HttpResponse:
    profile = get_object_or_404(Profile.objects.with_related(), user=request.user)
    return _edit_profile(request, profile, reverse("people:my_account"))


@login_required
def invitation_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("people.invite", None):
        raise PermissionDenied
    invitations = selectors.invitations_for(request.user)
    page = Paginator(invitations, 25).get_page(request.GET.get("page"))
    return render(request, "people/invitation_list.html", {"page": page})


def _invitation_countries(user: object):  # type: ignore[no-untyped-def]
    return selectors.countries_for_officer_lists(user)


@login_required
def invitation_new(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("people.invite", None):
        raise PermissionDenied
    countries = _invitation_countries(user)
    form = InvitationForm(
        request.POST or None,
        staff=user.is_programme_staff,
        countries=countries,
        initial={"language": request.LANGUAGE_CODE, "role": Role.OFFICER},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invite_person(
                by=user,
                email=data["email"],
                role=data["role"],
                country=data["country"],
                language=data["language"],
                details={"given_name": data["given_name"], "family_name": data["family_name"]},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("role", _("You may not invite someone to this role or country."))
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": data["email"]}
            )
            return redirect("people:invitations")
    return render(request, "people/invitation_form.html", {"form": form})


@login_required
@require_POST
def invitation_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(selectors.invitations_for(request.user), pk=pk)
    try:
        services.revoke_invitation(invitation=invitation, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("people:invitations")


@login_required
def bulk_invitation(request: AuthenticatedRequest) -> HttpResponse:
    from momentum.people.imports import start_bulk_invitation

    if not request.user.has_perm("people.bulk_invite"):
        raise PermissionDenied
    # Bound on every POST: a form sent without a file must say so, not show itself afresh.
    form = (
        BulkInvitationForm(request.POST, request.FILES)
        if request.method == "POST"
        else BulkInvitationForm()
    )
    if form.is_bound and form.is_valid():
        job = start_bulk_invitation(
            by=request.user,
            upload=form.cleaned_data["file"],
            all_or_nothing=form.cleaned_data["all_or_nothing"],
            language=request.LANGUAGE_CODE,
        )
        return redirect("core:job", pk=job.pk)
    return render(request, "people/bulk_invitation.html", {"form": form})


def accept_invitation(request: AuthenticatedRequest, key: str) -> HttpResponse:
    invitation = services.find_invitation(key)
    if invitation is None or not invitation.is_usable:
        return render(request, "people/invitation_invalid.html", status=410)
    if request.user.is_authenticated:
        return render(request, "people/invitation_invalid.html", {"signed_in": True}, status=409)
    needs_sex = invitation.role == Role.OFFICER
    # What the inviter already knew of the person is filled in for them to check.
    initial = {
        name: invitation.details.get(name, "")
        for name in ("given_name", "family_name", "given_name_ar", "family_name_ar", "sex")
    }
    form = AcceptInvitationForm(request.POST or None, needs_sex=needs_sex, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.accept_invitation(
                invitation=invitation,
                password=data["password1"],
                given_name=data["given_name"],
                family_name=data["family_name"],
                given_name_ar=data["given_name_ar"],
                family_name_ar=data["family_name_ar"],
                sex=data.get("sex", ""),
            )
        except ValidationError as error:
            # The service names the password "password"; the form asks for it as "password1".
            if hasattr(error, "error_dict") and "password" in error.error_dict:
                form.add_error("password1", error.error_dict.pop("password"))
            if not hasattr(error, "error_dict") or error.error_dict:
                add_service_errors(form, error)
        else:
            login(request, user, backend="momentum.people.backends.AuthenticationBackend")
            messages.success(request, _("Welcome to Momentum. Your account is ready."))
            return redirect("home")
    return render(
        request, "people/accept_invitation.html", {"form": form, "invitation": invitation}
    )


_NEW_TOKEN_KEY = "momentum_new_token"  # noqa: S105 - the session key's name


@login_required
def token_list(request: AuthenticatedRequest) -> HttpResponse:
    form = AccessTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, secret = services.create_access_token(
            user=request.user,
            name=form.cleaned_data["name"],
            expires_in_days=form.cleaned_data["expires_in_days"],
        )
        # Shown once, on the page the browser is redirected to (a reload creates nothing).
        request.session[_NEW_TOKEN_KEY] = secret
        return redirect("people:tokens")
    new_secret = request.session.pop(_NEW_TOKEN_KEY, None) if request.method == "GET" else None
    tokens = AccessToken.objects.filter(user=request.user)
    return render(
        request, "people/tokens.html", {"form": form, "tokens": tokens, "new_secret": new_secret}
    )


@login_required
@require_POST
def token_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(AccessToken, pk=pk, user=request.user)
    services.revoke_access_token(token=token, by=request.user)
    messages.success(request, _("The token was revoked. It no longer works."))
    return redirect("people:tokens")
