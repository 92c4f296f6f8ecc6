"""A country's inventories: the countries one may see, a country's training offer and gender
initiatives, adding, changing and removing a row, and importing rows from a spreadsheet."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Country
from momentum.needs.forms import InitiativeForm, InventoryImportForm, TrainingOfferForm
from momentum.needs.inventory_sheet import (
    INITIATIVE_COLUMNS,
    OFFER_COLUMNS,
    InventoryKind,
    template_workbook,
)
from momentum.needs.models import Initiative, TrainingOffer
from momentum.needs.services import inventories as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _country_for(request: AuthenticatedRequest, pk: int, *, write: bool = False) -> Country:
    """The country whose inventory the user may read (404 otherwise) and, with ``write``,
    change (403 for a reader who may not)."""
    country = Country.objects.filter(pk=pk).first()
    if country is None or not request.user.has_perm("needs.view_inventory", country):
        if not request.user.has_perm("needs.see_inventories"):
            raise PermissionDenied
        raise Http404
    if write and not request.user.has_perm("needs.edit_inventory", country):
        raise PermissionDenied
    return country


@login_required
def inventory_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("needs.see_inventories"):
        raise PermissionDenied
    countries = Country.objects.order_by("code")
    if not (request.user.is_programme_staff or Role.BOARD_MEMBER in request.user.roles):
        countries = countries.filter(pk__in=request.user.countries_for(Role.FOCAL_POINT))
    offers = dict(
        TrainingOffer.objects.values_list("country")
        .annotate(n=Count("pk"))
        .values_list("country", "n")
    )
    initiatives = dict(
        Initiative.objects.values_list("country")
        .annotate(n=Count("pk"))
        .values_list("country", "n")
    )
    rows = [
        {
            "country": country,
            "offers": offers.get(country.pk, 0),
            "initiatives": initiatives.get(country.pk, 0),
        }
        for country in countries
    ]
    return render(request, "needs/inventories/list.html", {"rows": rows})


@login_required
def inventory_detail(request: AuthenticatedRequest, country: int) -> HttpResponse:
    target = _country_for(request, country)
    return render(
        request,
        "needs/inventories/detail.html",
        {
            "country": target,
            "offers": list(
                TrainingOffer.objects.filter(country=target).select_related("area_of_work")
            ),
            "initiatives": list(Initiative.objects.filter(country=target)),
            "can_edit": request.user.has_perm("needs.edit_inventory", target),
        },
    )


def _row_form(
    request: AuthenticatedRequest,
    *,
    country: Country,
    form_class: type[TrainingOfferForm] | type[InitiativeForm],
    instance: TrainingOffer | Initiative | None,
    save: Any,
    title: str,
) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}  # type: ignore[union-attr]
        try:
            save(by=request.user, country=country, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The inventory is saved."))
            return redirect("needs:inventory", country=country.pk)
    return render(
        request,
        "needs/inventories/form.html",
        {"country": country, "form": form, "title": title, "instance": instance},
        status=422 if form.errors else 200,
    )


def _row(model: type[Model], request: AuthenticatedRequest, pk: int) -> Any:
    """A row of an inventory the user may change (404 if she may not read it)."""
    row = get_object_or_404(model.objects.select_related("country"), pk=pk)  # type: ignore[attr-defined]
    _country_for(request, row.country_id, write=True)
    return row


@login_required
def offer_new(request: AuthenticatedRequest, country: int) -> HttpResponse:
    target = _country_for(request, country, write=True)
    return _row_form(
        request,
        country=target,
        form_class=TrainingOfferForm,
        instance=None,
        save=services.save_offer,
        title=_("Add a course to the training offer"),
    )


@login_required
def offer_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    offer = _row(TrainingOffer, request, pk)

    def save(**fields: Any) -> TrainingOffer:
        return services.save_offer(offer=offer, **fields)

    return _row_form(
        request,
        country=offer.country,
        form_class=TrainingOfferForm,
        instance=offer,
        save=save,
        title=_("Change a course of the training offer"),
    )


@login_required
@require_POST
def offer_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    offer = _row(TrainingOffer, request, pk)
    services.delete_offer(by=request.user, offer=offer)
    messages.success(request, _("The course was removed from the training offer."))
    return redirect("needs:inventory", country=offer.country_id)


@login_required
def initiative_new(request: AuthenticatedRequest, country: int) -> HttpResponse:
    target = _country_for(request, country, write=True)
    return _row_form(
        request,
        country=target,
        form_class=InitiativeForm,
        instance=None,
        save=services.save_initiative,
        title=_("Add a gender initiative"),
    )


@login_required
def initiative_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    initiative = _row(Initiative, request, pk)

    def save(**fields: Any) -> Initiative:
        return services.save_initiative(initiative=initiative, **fields)

    return _row_form(
        request,
        country=initiative.country,
        form_class=InitiativeForm,
        instance=initiative,
        save=save,
        title=_("Change a gender initiative"),
    )


@login_required
@require_POST
def initiative_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    initiative = _row(Initiative, request, pk)
    services.delete_initiative(by=request.user, initiative=initiative)
    messages.success(request, _("The initiative was removed."))
    return redirect("needs:inventory", country=initiative.country_id)


@login_required
def inventory_import(request: AuthenticatedRequest, country: int) -> HttpResponse:
    target = _country_for(request, country, write=True)
    form = InventoryImportForm(request.POST or None, request.FILES or None)
    problems: list[Any] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.import_inventory(
                by=request.user,
                country=target,
                kind=form.cleaned_data["kind"],
                data=upload.read(),
                filename=upload.name or "",
                replace=form.cleaned_data["replace"],
            )
        except services.InventoryImportRefused as refusal:
            problems = refusal.checked.problems
            form.add_error("file", refusal.messages[0])
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s row was added to the inventory.",
                    "%(count)s rows were added to the inventory.",
                    count,
                )
                % {"count": count},
            )
            return redirect("needs:inventory", country=target.pk)
    return render(
        request,
        "needs/inventories/import.html",
        {
            "country": target,
            "form": form,
            "problems": problems,
            "offer_columns": OFFER_COLUMNS,
            "initiative_columns": INITIATIVE_COLUMNS,
        },
        status=422 if form.errors else 200,
    )


@login_required
def inventory_template(request: AuthenticatedRequest, kind: str) -> HttpResponse:
    if not request.user.has_perm("needs.see_inventories"):
        raise PermissionDenied
    if kind not in InventoryKind.values:
        raise Http404
    response = HttpResponse(template_workbook(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="inventory-{kind}.xlsx"'
    return response
