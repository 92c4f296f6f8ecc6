"""Writes for a country's inventories: its training offer and its gender initiatives, row by
row or from a spreadsheet (every row checked first; nothing saved when one is wrong)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.needs.inventory_sheet import CheckedSheet, InventoryKind, check_sheet
from momentum.needs.models import Initiative, TrainingOffer

OFFER_FIELDS = (
    "course",
    "provider",
    "area_of_work",
    "level",
    "frequency",
    "duration_days",
    "language",
    "participants_a_year",
    "women_a_year",
)
INITIATIVE_FIELDS = ("what", "run_by", "funder", "since")


class InventoryImportRefused(ValidationError):
    """The spreadsheet had a wrong row (or could not be read): nothing was saved."""

    def __init__(self, checked: CheckedSheet) -> None:
        super().__init__(checked.file_problem or _("Some rows are wrong: nothing was saved."))
        self.checked = checked


def _require_editor(by: Any, country_id: int) -> None:
    if not by.has_perm("needs.edit_inventory", country_id):
        raise PermissionDenied


def _check_offer_numbers(fields: dict[str, Any]) -> None:
    if fields["women_a_year"] > fields["participants_a_year"]:
        raise ValidationError({"women_a_year": _("There cannot be more women than participants.")})


@transaction.atomic
def save_offer(
    *, by: Any, country: Country, offer: TrainingOffer | None = None, **fields: Any
) -> TrainingOffer:
    """Add a course to the country's training offer, or change one of its courses."""
    _require_editor(by, country.pk)
    _check_offer_numbers(fields)
    unknown = set(fields) - set(OFFER_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if offer is None:
        offer = TrainingOffer(country=country)
    elif offer.country_id != country.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(offer, name, value)
    created = offer.pk is None
    offer.save()
    audit.record(
        by,
        "needs.offer_added" if created else "needs.offer_changed",
        offer,
        country=country,
        course=offer.course,
    )
    return offer


@transaction.atomic
def delete_offer(*, by: Any, offer: TrainingOffer) -> None:
    _require_editor(by, offer.country_id)
    audit.record(by, "needs.offer_removed", offer, country=offer.country, course=offer.course)
    offer.delete()


@transaction.atomic
def save_initiative(
    *, by: Any, country: Country, initiative: Initiative | None = None, **fields: Any
) -> Initiative:
    """Add an initiative for gender-sensitive policing to the country's inventory, or change one."""
    _require_editor(by, country.pk)
    unknown = set(fields) - set(INITIATIVE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if initiative is None:
        initiative = Initiative(country=country)
    elif initiative.country_id != country.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(initiative, name, value)
    created = initiative.pk is None
    initiative.save()
    audit.record(
        by,
        "needs.initiative_added" if created else "needs.initiative_changed",
        initiative,
        country=country,
    )
    return initiative


@transaction.atomic
def delete_initiative(*, by: Any, initiative: Initiative) -> None:
    _require_editor(by, initiative.country_id)
    audit.record(by, "needs.initiative_removed", initiative, country=initiative.country)
    initiative.delete()


@transaction.atomic
def import_inventory(
    *, by: Any, country: Country, kind: str, data: bytes, filename: str, replace: bool
) -> int:
    """Add (or, with ``replace``, put in place of the existing rows) every row of the
    spreadsheet; returns how many rows were saved. When any row is wrong, nothing is saved and
    ``InventoryImportRefused`` carries every wrong row and why."""
    _require_editor(by, country.pk)
    checked = check_sheet(data=data, filename=filename, kind=kind, country=country)
    if checked.file_problem or checked.problems:
        raise InventoryImportRefused(checked)
    if kind == InventoryKind.OFFER:
        if replace:
            TrainingOffer.objects.filter(country=country).delete()
        count = len(TrainingOffer.objects.bulk_create(checked.offers))
    else:
        if replace:
            Initiative.objects.filter(country=country).delete()
        count = len(Initiative.objects.bulk_create(checked.initiatives))
    audit.record(
        by,
        "needs.inventory_imported",
        None,
        country=country,
        kind=kind,
        count=count,
        replaced=replace,
    )
    return count
