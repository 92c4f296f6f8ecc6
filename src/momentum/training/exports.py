"""A session's participant list and results as an XLSX spreadsheet.

Staff get every row; a focal point gets the rows of their own country only. Every export is
written to the audit log. Cells typed by people (names, agencies) are kept as text even when
they start like a formula (``=``, ``+``, ``-``, ``@``): a spreadsheet program must never run
them (CSV/formula injection).
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.people.models import Role, User
from momentum.training.completion import progress_for
from momentum.training.models import Nomination, Session

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def as_text_cell(value: Any) -> Any:
    """Strings that a spreadsheet would read as a formula get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def export_nominations(user: User, session: Session) -> QuerySet[Nomination]:
    """The rows ``user`` may export: all for staff, their own country's for a focal point."""
    nominations = Nomination.objects.filter(session=session)
    if not user.is_programme_staff:
        nominations = nominations.filter(country_id__in=user.countries_for(Role.FOCAL_POINT))
    return nominations.select_related(
        "officer__user",
        "officer__agency",
        "officer__rank",
        "country",
        "session__course",
        "certificate",
    ).order_by("country__code", "officer__user__family_name", "officer__user__given_name", "pk")


def _scope_country(user: User) -> Country | None:
    """The country a focal point's export is limited to (None for staff: every country)."""
    if user.is_programme_staff:
        return None
    countries = {
        assignment.country_id: assignment.country
        for assignment in user.role_list
        if assignment.role == Role.FOCAL_POINT and assignment.country is not None
    }
    return next(iter(countries.values())) if len(countries) == 1 else None


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _headers() -> list[str]:
    return [
        _("Given name"),
        _("Family name"),
        _("Given name (Arabic)"),
        _("Family name (Arabic)"),
        _("Sex"),
        _("Country"),
        _("Agency"),
        _("Rank"),
        _("Rank level"),
        _("Status"),
        _("Attendance rate (%)"),
        _("Pre-test (%)"),
        _("Post-test (%)"),
        _("Gain (points)"),
        _("Completed"),
        _("Certificate code"),
    ]


def session_workbook(*, user: User, session: Session, language: str) -> bytes:
    """The spreadsheet, in ``language``; audited. Six queries, whatever the number of rows."""
    from openpyxl import Workbook

    nominations = list(export_nominations(user, session))
    progress = progress_for(nominations)
    audit.record(
        user,
        "training.export",
        session,
        country=_scope_country(user),
        rows=len(nominations),
        scope="all" if user.is_programme_staff else "own_country",
    )
    workbook = Workbook(write_only=True)
    with translation.override(language):
        sheet = workbook.create_sheet(_("Participants"))
        sheet.append(_headers())
        for nomination in nominations:
            officer = nomination.officer
            person = officer.user
            line = progress[nomination.pk]
            certificate = getattr(nomination, "certificate", None)
            row = [
                person.given_name,
                person.family_name,
                person.given_name_ar,
                person.family_name_ar,
                str(officer.get_sex_display()),
                nomination.country.code,
                str(officer.agency) if officer.agency else "",
                str(officer.rank) if officer.rank else "",  # in the export's language
                str(officer.get_rank_level_display()),
                str(nomination.get_status_display()),
                _number(line.attendance_rate),
                _number(line.pre_score),
                _number(line.post_score),
                _number(line.gain),
                _("Yes") if line.completed else _("No"),
                certificate.code if certificate else "",
            ]
            sheet.append([as_text_cell(value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _selection_headers() -> list[str]:
    return [
        _("Country"),
        _("Given name"),
        _("Family name"),
        _("Given name (Arabic)"),
        _("Family name (Arabic)"),
        _("Sex"),
        _("Agency"),
        _("Rank"),
        _("Rank level"),
        _("Areas of work"),
        _("Why this officer"),
        _("Status"),
        _("Reason for the decision"),
    ]


def selection_workbook(
    *, user: User, session: Session, language: str, country: str = "", status: str = ""
) -> bytes:
    """The selection board as a spreadsheet, in the board's order and with its filters, in
    ``language``; audited (every officer's name leaves the platform). Three queries."""
    from openpyxl import Workbook

    from momentum.training.selectors import board_nominations, with_officers

    nominations = list(with_officers(board_nominations(session, country=country, status=status)))
    audit.record(
        user,
        "training.selection_exported",
        session,
        rows=len(nominations),
        country_filter=country,
        status_filter=status,
    )
    workbook = Workbook(write_only=True)
    with translation.override(language):
        sheet = workbook.create_sheet(_("Selection board"))
        sheet.append(_selection_headers())
        for nomination in nominations:
            officer = nomination.officer
            person = officer.user
            row = [
                str(nomination.country),
                person.given_name,
                person.family_name,
                person.given_name_ar,
                person.family_name_ar,
                str(officer.get_sex_display()),
                str(officer.agency) if officer.agency else "",
                str(officer.rank) if officer.rank else "",  # in the export's language
                str(officer.get_rank_level_display()),
                ", ".join(str(area) for area in officer.areas_of_work.all()),
                nomination.justification,
                str(nomination.get_status_display()),
                nomination.decision_reason,
            ]
            sheet.append([as_text_cell(value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
