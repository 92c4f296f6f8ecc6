"""Bulk invitations from a spreadsheet: read the rows, check each, invite the good ones.

The upload is stored on a ``Job``; the work happens in a background task that advances the
job's progress row by row and ends with a report of every rejected row and why.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _

from momentum.core import services as jobs
from momentum.core.models import Country, Job
from momentum.people.models import Invitation, Language, Rank, RankLevel, Role, Sex, User

JOB_KIND = "people.bulk_invitation"
COLUMNS = (
    "email",
    "given_name",
    "family_name",
    "given_name_ar",
    "family_name_ar",
    "sex",
    "country",
    "rank",
    "rank_level",
    "language",
)
MAX_ROWS = 5000


class _AllOrNothingRollback(Exception):
    """Raised to undo every invitation when a row failed and the user chose all-or-nothing."""


@dataclass
class RowError:
    row: int
    email: str
    reason: str


def start_bulk_invitation(
    *, by: User, upload: UploadedFile, all_or_nothing: bool, language: str
) -> Job:
    """Store the upload and queue the work; the returned job shows its progress."""
    from momentum.people.tasks import run_bulk_invitation

    job = jobs.create_job(
        kind=JOB_KIND,
        by=by,
        all_or_nothing=all_or_nothing,
        language=language,
        filename=upload.name,
    )
    job.input_file.save(upload.name or "officers.csv", upload, save=True)
    transaction.on_commit(lambda: run_bulk_invitation.enqueue(job_id=job.pk))
    return job


@dataclass
class Sheet:
    """A spreadsheet's column names (lower case) and its non-empty rows, each with the row
    number the person sees in their spreadsheet program (the column names are row 1)."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _sheet_from(records: Iterable[Sequence[Any]]) -> Sheet:
    numbered = enumerate(records, start=1)
    _number, header = next(numbered, (1, ()))
    columns = [_cell_text(name).lower() for name in header]
    rows = []
    for number, record in numbered:
        values = {
            column: _cell_text(value)
            for column, value in zip(columns, record, strict=False)
            if column
        }
        if any(values.values()):
            rows.append((number, values))
    return Sheet(columns=columns, rows=rows)


def _csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Commas, or the semicolons a French or Arabic spreadsheet program writes, or tabs."""
    try:
        return csv.Sniffer().sniff(text.partition("\n")[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_sheet(data: bytes, filename: str) -> Sheet:
    """The first sheet of an XLSX file, or a CSV file (UTF-8, with or without a BOM)."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # Some programs write a wrong size into the file; read every row there is.
            sheet.reset_dimensions()
            return _sheet_from(sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
    text = data.decode("utf-8-sig")
    # A record's number is its row in a spreadsheet program: blank lines count, line breaks
    # inside a quoted cell do not.
    return _sheet_from(csv.reader(io.StringIO(text, newline=""), _csv_dialect(text)))


def rank_key(text: str) -> str:
    """A rank's name as compared: the same words in any case or spacing are the same rank."""
    return " ".join(text.split()).casefold()


def ranks_by_name() -> dict[str, int]:
    """Every rank's id under each of its names (Arabic, French and English), so a sheet may
    name ranks in any of the three languages."""
    ranks: dict[str, int] = {}
    for pk, *names in Rank.objects.values_list("pk", "name_en", "name_fr", "name_ar"):
        for name in names:
            if name:
                ranks.setdefault(rank_key(name), pk)
    return ranks


@dataclass
class Known:
    """The addresses that already have an account or an invitation waiting."""

    accounts: set[str]
    waiting: set[str]

    @classmethod
    def among(cls, emails: Iterable[str]) -> Known:
        wanted = sorted({email.lower() for email in emails if email})
        known = cls(accounts=set(), waiting=set())
        for start in range(0, len(wanted), 500):  # stays below every database's parameter limit
            chunk = wanted[start : start + 500]
            known.accounts.update(
                User.objects.annotate(address=Lower("email"))
                .filter(address__in=chunk)
                .values_list("address", flat=True)
            )
            known.waiting.update(
                Invitation.objects.pending()
                .annotate(address=Lower("email"))
                .filter(address__in=chunk)
                .values_list("address", flat=True)
            )
        return known


def check_row(
    row: dict[str, str],
    *,
    countries: dict[str, Country],
    seen: set[str],
    inviter: User,
    known: Known | None = None,
    ranks: dict[str, int] | None = None,
) -> tuple[dict[str, Any] | None, str]:
    """The invitation a row asks for, or the reason it cannot be sent."""
    email = row.get("email", "").lower()
    try:
        validate_email(email)
    except ValidationError:
        return None, _("The e-mail address is missing or not valid.")
    if email in seen:
        return None, _("This e-mail address appears twice in the file.")
    if known is not None and email in known.accounts:
        return None, _("Someone with this e-mail address already has an account.")
    if known is not None and email in known.waiting:
        return None, _("This person already has an invitation waiting.")
    if not row.get("given_name") or not row.get("family_name"):
        return None, _("The given name and family name (Latin script) are required.")
    sex = row.get("sex", "").lower()
    if sex not in Sex.values:
        return None, _("Sex must be “female” or “male”.")
    country = countries.get(row.get("country", "").upper())
    if country is None:
        return None, _("The country code is not one of the programme's countries.")
    if not inviter.is_programme_staff and country.pk not in inviter.countries_for(Role.FOCAL_POINT):
        return None, _("You may only invite officers of your own country.")
    rank_id = None
    if rank_key(row.get("rank", "")):
        rank_id = (ranks or {}).get(rank_key(row.get("rank", "")))
        if rank_id is None:
            return None, _(
                "The rank is not one of the programme's ranks. Name it as in the list of "
                "ranks, in Arabic, French or English, or leave the cell empty."
            )
    rank_level = row.get("rank_level", "").lower() or RankLevel.JUNIOR
    if rank_level not in RankLevel.values:
        return None, _("The rank level must be junior, mid or senior.")
    language = row.get("language", "").lower() or Language.ENGLISH
    if language not in Language.values:
        return None, _("The language must be ar, fr or en.")
    return {
        "email": email,
        "country": country,
        "language": language,
        "details": {
            "given_name": row.get("given_name", ""),
            "family_name": row.get("family_name", ""),
            "given_name_ar": row.get("given_name_ar", ""),
            "family_name_ar": row.get("family_name_ar", ""),
            "sex": sex,
            "rank_id": rank_id,
            "rank_level": rank_level,
            "languages": [language],
        },
    }, ""


def run(job: Job) -> dict[str, Any]:
    """Invite every good row of the job's file; report the rest. Returns the report."""
    from momentum.people.services import invite_person

    inviter = job.created_by
    with translation.override(job.parameters.get("language", "en")):
        with job.input_file.open("rb") as handle:
            data = handle.read()
        try:
            sheet = read_sheet(data, job.parameters.get("filename", job.input_file.name))
        except (UnicodeDecodeError, csv.Error, KeyError, ValueError, OSError, zipfile.BadZipFile):
            jobs.fail_job(
                job,
                error=_(
                    "The file could not be read. Save it as CSV (UTF-8) or XLSX and try again."
                ),
            )
            return {}
        if "email" not in sheet.columns:
            jobs.fail_job(
                job, error=_("The file has no “email” column. The first row must name the columns.")
            )
            return {}
        if len(sheet.rows) > MAX_ROWS:
            jobs.fail_job(
                job,
                error=_("The file has more than %(max)s rows. Split it and upload each part.")
                % {"max": MAX_ROWS},
            )
            return {}
        total = len(sheet.rows)
        jobs.start_job(job, total=total)
        all_or_nothing = bool(job.parameters.get("all_or_nothing"))
        # Rows a previous run finished (its worker vanished mid-way) keep their outcome: they
        # are neither invited twice nor reported as "already invited".
        done = {} if all_or_nothing else jobs.done_steps(job)
        countries = {country.code: country for country in Country.objects.all()}
        ranks = ranks_by_name()
        known = Known.among(
            row.get("email", "") for number, row in sheet.rows if str(number) not in done
        )
        errors: list[RowError] = []
        invited: list[str] = []
        seen: set[str] = {outcome["email"] for outcome in done.values() if outcome.get("invited")}

        checked: list[tuple[int, str, dict[str, Any] | None, str]] = []
        for number, row in sheet.rows:
            if str(number) in done:
                checked.append((number, row.get("email", ""), None, ""))
                continue
            request, reason = check_row(
                row, countries=countries, seen=seen, inviter=inviter, known=known, ranks=ranks
            )
            if request is not None:
                seen.add(request["email"])
            checked.append((number, row.get("email", ""), request, reason))

        def invite(number: int, email: str, request: dict[str, Any]) -> bool:
            # The checks above ran before any invitation was sent; the service checks again,
            # in case someone else invited the same person meanwhile.
            try:
                with transaction.atomic():
                    invite_person(by=inviter, role=Role.OFFICER, **request)
            except ValidationError as error:
                errors.append(RowError(number, email, " ".join(error.messages)))
                return False
            except PermissionDenied:
                errors.append(
                    RowError(number, email, _("You may only invite officers of your own country."))
                )
                return False
            invited.append(request["email"])
            return True

        if not all_or_nothing:
            for number, email, request, reason in checked:

                def one_row(
                    number: int = number,
                    email: str = email,
                    request: dict[str, Any] | None = request,
                    reason: str = reason,
                ) -> dict[str, Any]:
                    if request is None:
                        return {"email": email, "invited": False, "reason": reason}
                    before = len(errors)
                    if invite(number, email, request):
                        invited.pop()  # counted below, from the recorded outcome
                        return {"email": request["email"], "invited": True}
                    return {"email": email, "invited": False, "reason": errors.pop(before).reason}

                outcome = jobs.run_step(job, str(number), one_row, done=done)
                if outcome.get("invited"):
                    invited.append(outcome["email"])
                else:
                    errors.append(RowError(number, email, outcome.get("reason", "")))
        else:
            errors.extend(
                RowError(n, email, reason)
                for n, email, request, reason in checked
                if request is None
            )
            if not errors:
                try:
                    with transaction.atomic():
                        for number, email, request, _reason in checked:
                            if request is not None and not invite(number, email, request):
                                raise _AllOrNothingRollback
                            jobs.advance_job(job)
                except _AllOrNothingRollback:
                    invited.clear()
                    # The rollback undid the progress too: every row was read all the same.
                    jobs.advance_job(job, steps=total)
            else:
                jobs.advance_job(job, steps=total)
        errors.sort(key=lambda error: error.row)
        report = {
            "rows": total,
            "invited": len(invited),
            "rejected": [error.__dict__ for error in errors],
            "rolled_back": all_or_nothing and bool(errors),
        }
        jobs.finish_job(job, report=report)
        return report
