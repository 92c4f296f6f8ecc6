"""The audit log: staff search it and export it; nobody changes or deletes an entry."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from momentum.core import audit
from momentum.core.models import AuditEntry

pytestmark = pytest.mark.django_db

AUDIT_URL = "/en/audit/"
EXPORT_URL = "/en/audit/export/"


def _entry(
    verb: str,
    *,
    actor_label: str = "someone@example.org",
    at: datetime | None = None,
    country=None,
    target_label: str = "",
) -> AuditEntry:  # type: ignore[no-untyped-def]
    return AuditEntry.objects.create(
        verb=verb,
        actor_label=actor_label,
        country=country,
        target_label=target_label,
        at=at or datetime(2024, 5, 10, 12, 0, tzinfo=UTC),
    )


def _listed(response) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    return list(response.context["page"])


def _csv_rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


# Who may see it ---------------------------------------------------------------------------------


def test_staff_see_the_audit_log(client_for, staff):
    _entry("invitation.sent", actor_label="focal.jo@example.org")

    response = client_for(staff).get(AUDIT_URL)

    assert response.status_code == 200
    assert [entry.verb for entry in _listed(response)] == ["invitation.sent"]
    assert "focal.jo@example.org" in response.content.decode()


@pytest.mark.parametrize("persona", ["focal_point", "outsider", "donor", "officer"])
def test_other_roles_may_not_see_the_audit_log(client_for, persona, request):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(AUDIT_URL).status_code == 403


@pytest.mark.parametrize("persona", ["focal_point", "outsider", "donor", "officer"])
def test_other_roles_may_not_export_the_audit_log(client_for, persona, request):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(EXPORT_URL, {"format": "csv"}).status_code == 403
    assert client_for(user).get(EXPORT_URL, {"format": "xlsx"}).status_code == 403
    assert not AuditEntry.objects.filter(verb="audit.exported").exists()


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(AUDIT_URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# Filters -------------------------------------------------------------------------------------


def test_filter_by_actor_matches_part_of_the_email(client_for, staff):
    _entry("a", actor_label="focal.jo@example.org")
    _entry("b", actor_label="focal.ma@example.org")

    response = client_for(staff).get(AUDIT_URL, {"actor": "FOCAL.JO"})

    assert [entry.actor_label for entry in _listed(response)] == ["focal.jo@example.org"]


def test_filter_by_verb(client_for, staff):
    _entry("invitation.sent")
    _entry("profile.changed")

    response = client_for(staff).get(AUDIT_URL, {"verb": "profile.changed"})

    assert [entry.verb for entry in _listed(response)] == ["profile.changed"]


def test_verb_filter_offers_the_verbs_that_occur(client_for, staff):
    _entry("invitation.sent")
    _entry("profile.changed")

    response = client_for(staff).get(AUDIT_URL)

    choices = [value for value, _label in response.context["form"].fields["verb"].choices]
    assert choices == ["", "invitation.sent", "profile.changed"]


def test_filter_by_country(client_for, staff, jordan, morocco):
    _entry("in.jordan", country=jordan)
    _entry("in.morocco", country=morocco)
    _entry("nowhere")

    response = client_for(staff).get(AUDIT_URL, {"country": morocco.pk})

    assert [entry.verb for entry in _listed(response)] == ["in.morocco"]


def test_filter_by_dates_includes_both_ends(client_for, staff):
    _entry("before", at=datetime(2024, 4, 30, 23, 59, tzinfo=UTC))
    _entry("first-day", at=datetime(2024, 5, 1, 0, 0, tzinfo=UTC))
    _entry("last-day", at=datetime(2024, 5, 31, 23, 59, tzinfo=UTC))
    _entry("after", at=datetime(2024, 6, 1, 0, 0, tzinfo=UTC))

    response = client_for(staff).get(AUDIT_URL, {"since": "2024-05-01", "until": "2024-05-31"})

    assert sorted(entry.verb for entry in _listed(response)) == ["first-day", "last-day"]


def test_date_filter_uses_the_readers_time_zone(client_for, staff):
    staff.time_zone = "Asia/Amman"  # UTC+3
    staff.save()
    # 22:30 UTC on 31 May is already 1 June in Amman.
    _entry("late-evening", at=datetime(2024, 5, 31, 22, 30, tzinfo=UTC))

    june = client_for(staff).get(AUDIT_URL, {"since": "2024-06-01", "until": "2024-06-01"})

    assert [entry.verb for entry in _listed(june)] == ["late-evening"]


def test_filter_by_record_label(client_for, staff):
    _entry("a", target_label="Leila Haddad")
    _entry("b", target_label="Omar Khalil")

    response = client_for(staff).get(AUDIT_URL, {"text": "haddad"})

    assert [entry.target_label for entry in _listed(response)] == ["Leila Haddad"]


def test_end_date_before_start_date_shows_a_field_error_and_no_entries(client_for, staff):
    _entry("anything")

    response = client_for(staff).get(AUDIT_URL, {"since": "2024-06-01", "until": "2024-05-01"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["until"] == ["The end date must not be before the start date."]
    assert _listed(response) == []
    content = response.content.decode()
    assert 'class="field--invalid"' in content
    # Beside the field and in the summary at the top, which links to the field.
    assert content.count("The end date must not be before the start date.") == 2
    assert 'href="#id_until"' in content
    # What the user typed is kept.
    assert 'value="2024-06-01"' in content


# Pagination and query budget ----------------------------------------------------------------


def test_log_is_paginated_fifty_entries_a_page_newest_first(client_for, staff):
    AuditEntry.objects.bulk_create(
        AuditEntry(verb=f"verb.{number:03}", at=datetime(2024, 1, 1, 0, number, tzinfo=UTC))
        for number in range(60)
    )
    client = client_for(staff)

    first = client.get(AUDIT_URL)
    second = client.get(AUDIT_URL, {"page": 2})

    assert len(_listed(first)) == 50
    assert _listed(first)[0].verb == "verb.059"
    assert [entry.verb for entry in _listed(second)] == [f"verb.{n:03}" for n in range(9, -1, -1)]
    assert "Page 2 of 2" in second.content.decode()


def test_pagination_links_keep_the_filters(client_for, staff):
    AuditEntry.objects.bulk_create(AuditEntry(verb="same.verb") for _ in range(55))

    response = client_for(staff).get(AUDIT_URL, {"verb": "same.verb"})

    assert 'href="?verb=same.verb&amp;' in response.content.decode()
    assert "page=2" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 120])
def test_audit_log_queries_do_not_grow_with_rows(client_for, staff, jordan, rows):
    AuditEntry.objects.bulk_create(
        AuditEntry(verb=f"verb.{number % 3}", actor_label="a@example.org", country=jordan)
        for number in range(rows)
    )
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(AUDIT_URL)

    assert response.status_code == 200
    assert len(_listed(response)) == min(rows, 50)
    # session, user, roles, distinct verbs for the filter, count, countries for the filter,
    # page of entries (their country joined)
    assert len(queries) == 7, [query["sql"] for query in queries]


# Export ----------------------------------------------------------------------------------------


def test_csv_export_contains_the_filtered_rows(client_for, staff, jordan):
    _entry(
        "invitation.sent",
        actor_label="focal.jo@example.org",
        country=jordan,
        target_label="amina@example.org",
    )
    _entry("profile.changed", actor_label="staff@example.org")

    response = client_for(staff).get(EXPORT_URL, {"verb": "invitation.sent", "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0] == [
        "at",
        "actor_label",
        "verb",
        "target_type",
        "target_id",
        "target_label",
        "country",
        "details",
    ]
    assert [row[2] for row in rows[1:]] == ["invitation.sent"]
    assert rows[1][1] == "focal.jo@example.org"
    assert rows[1][5] == "amina@example.org"
    assert rows[1][6] == "JO"


def test_xlsx_export_contains_the_filtered_rows(client_for, staff, jordan, morocco):
    _entry("role.assigned", country=jordan)
    _entry("role.assigned", country=morocco)

    response = client_for(staff).get(EXPORT_URL, {"country": jordan.pk, "format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["at", "actor_label", "verb"]
    assert [(row[2], row[6]) for row in rows[1:]] == [("role.assigned", "JO")]


def test_export_details_are_json(client_for, staff):
    audit.record(staff, "profile.changed", None, changes={"rank": ["Sergeant", "Captain"]})

    response = client_for(staff).get(EXPORT_URL, {"verb": "profile.changed", "format": "csv"})

    assert _csv_rows(response)[1][7] == '{"changes": {"rank": ["Sergeant", "Captain"]}}'


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_exports_never_turn_a_name_into_a_spreadsheet_formula(client_for, staff, dangerous):
    _entry("invitation.sent", target_label=dangerous)
    client = client_for(staff)

    csv_rows = _csv_rows(client.get(EXPORT_URL, {"verb": "invitation.sent", "format": "csv"}))
    xlsx = client.get(EXPORT_URL, {"verb": "invitation.sent", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cell = sheet.cell(row=2, column=6)

    assert csv_rows[1][5] == "'" + dangerous
    assert cell.data_type == "s"
    assert cell.value == "'" + dangerous


def test_export_is_itself_audited_with_its_format_and_filters(client_for, staff, jordan):
    _entry("role.assigned", country=jordan)

    client_for(staff).get(EXPORT_URL, {"verb": "role.assigned", "format": "xlsx"})

    exported = AuditEntry.objects.get(verb="audit.exported")
    assert exported.actor == staff
    assert exported.actor_label == staff.email
    assert exported.details == {"format": "xlsx", "filters": {"verb": "role.assigned"}}


def test_export_with_invalid_filters_is_refused_and_not_audited(client_for, staff):
    response = client_for(staff).get(
        EXPORT_URL, {"since": "2024-06-01", "until": "2024-05-01", "format": "csv"}
    )

    assert response.status_code == 400
    assert not AuditEntry.objects.filter(verb="audit.exported").exists()


def test_export_links_on_the_page_carry_the_filters(client_for, staff):
    _entry("role.assigned")

    content = client_for(staff).get(AUDIT_URL, {"verb": "role.assigned"}).content.decode()

    assert f"{EXPORT_URL}?verb=role.assigned&amp;format=csv" in content
    assert f"{EXPORT_URL}?verb=role.assigned&amp;format=xlsx" in content


# Append-only --------------------------------------------------------------------------------


def test_record_writes_who_did_what_to_which_record(staff, jordan):
    entry = audit.record(staff, "country.viewed", jordan, country=jordan, note="x")

    entry.refresh_from_db()
    assert entry.actor == staff
    assert entry.actor_label == staff.email
    assert entry.verb == "country.viewed"
    assert (entry.target_type, entry.target_id, entry.target_label) == (
        "core.country",
        str(jordan.pk),
        "Jordan",
    )
    assert entry.country == jordan
    assert entry.details == {"note": "x"}


def test_record_without_a_person_names_the_system(db):
    entry = audit.record(None, "job.finished")

    assert entry.actor is None
    assert entry.actor_label == "system"


def test_saving_an_existing_entry_is_refused():
    entry = _entry("original")
    entry.verb = "rewritten"

    with pytest.raises(PermissionError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).verb == "original"


def test_deleting_an_entry_is_refused():
    entry = _entry("kept")

    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_is_refused():
    _entry("kept")

    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(verb="kept").update(verb="rewritten")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(verb="rewritten")
    assert AuditEntry.objects.get().verb == "kept"


def test_queryset_delete_is_refused():
    _entry("kept")

    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(verb="kept").delete()
    assert AuditEntry.objects.count() == 1


def test_bulk_update_is_refused():
    entry = _entry("kept")
    entry.verb = "rewritten"

    with pytest.raises(PermissionError), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["verb"])
    assert AuditEntry.objects.get().verb == "kept"


def test_entry_still_reads_right_after_the_account_is_deleted(staff):
    entry = audit.record(staff, "invitation.sent")

    staff.delete()

    entry = AuditEntry.objects.get(pk=entry.pk)
    assert entry.actor is None
    assert entry.actor_label == "staff@example.org"


def test_admin_offers_no_add_change_or_delete(staff):
    model_admin = admin.site._registry[AuditEntry]
    request = RequestFactory().get("/en/admin/core/auditentry/")
    request.user = staff
    staff.is_superuser = True
    entry = _entry("kept")

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_change_permission(request, entry) is False
    assert model_admin.has_delete_permission(request) is False
    assert model_admin.has_delete_permission(request, entry) is False
    assert "delete_selected" not in model_admin.get_actions(request)


def test_superuser_can_read_but_not_add_in_the_admin(client_for, staff):
    staff.is_superuser = True
    staff.is_staff = True
    staff.save()
    entry = _entry("kept")
    client = client_for(staff)

    assert client.get("/en/admin/core/auditentry/").status_code == 200
    assert client.get("/en/admin/core/auditentry/add/").status_code == 403
    assert (
        client.post(f"/en/admin/core/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
