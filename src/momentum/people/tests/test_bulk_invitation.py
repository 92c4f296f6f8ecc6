"""Inviting officers from a spreadsheet: the good rows, the report of bad ones, the job page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from momentum.core.models import AuditEntry, Job, JobStatus
from momentum.people.models import Invitation, Role
from momentum.people.tests.factories import InvitationFactory, RankFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/people/invitations/bulk/"
HEADER = (
    "email,given_name,family_name,given_name_ar,family_name_ar,sex,country,rank,rank_level,language"
)


def _csv(*lines: str, header: str = HEADER) -> SimpleUploadedFile:
    text = "\n".join([header, *lines]) + "\n"
    return SimpleUploadedFile("officers.csv", text.encode(), content_type="text/csv")


def _xlsx(rows: list[list[object]], header: str = HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header.split(","))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        "officers.xlsx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """``upload(client, file, all_or_nothing=False, language="en")``: the response and the job."""

    def send(client, file, *, all_or_nothing=False, language="en"):
        data = {"file": file}
        if all_or_nothing:
            data["all_or_nothing"] = "on"
        # The job is queued on commit; under test the task then runs at once.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/{language}/people/invitations/bulk/", data)
        job = Job.objects.order_by("-pk").first()
        return response, job

    return send


def _rejected(job: Job) -> list[tuple[int, str, str]]:
    return [(error["row"], error["email"], error["reason"]) for error in job.report["rejected"]]


# Good files ----------------------------------------------------------------------------------


def test_focal_point_invites_every_good_row_of_a_csv(
    client_for, focal_point, jordan, upload, mailoutbox
):
    captain = RankFactory(name_en="Captain", name_fr="Capitaine", name_ar="نقيب", level="mid")
    response, job = upload(
        client_for(focal_point),
        _csv(
            "amal@example.org,Amal,Nasser,أمل,ناصر,female,JO,Captain,mid,ar",
            "Omar@Example.org,Omar,Khalil,,,Male,jo,,,fr",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.total, job.done) == (2, 2)
    assert job.report == {"rows": 2, "invited": 2, "rejected": [], "rolled_back": False}
    amal = Invitation.objects.get(email="amal@example.org")
    assert (amal.role, amal.country, amal.language, amal.invited_by) == (
        Role.OFFICER,
        jordan,
        "ar",
        focal_point,
    )
    assert amal.details["given_name_ar"] == "أمل"
    assert (amal.details["sex"], amal.details["rank_id"], amal.details["rank_level"]) == (
        "female",
        captain.pk,
        "mid",
    )
    omar = Invitation.objects.get(email="omar@example.org")
    assert (omar.language, omar.details["sex"], omar.details["rank_level"]) == (
        "fr",
        "male",
        "junior",
    )
    assert sorted(message.to[0] for message in mailoutbox) == [
        "amal@example.org",
        "omar@example.org",
    ]
    arabic = next(message for message in mailoutbox if message.to == ["amal@example.org"])
    assert "/ar/people/invitations/accept/" in arabic.body
    assert AuditEntry.objects.filter(verb="invitation.sent").count() == 2


def test_an_xlsx_file_is_read_like_a_csv(client_for, staff, jordan, morocco, upload):
    inspector = RankFactory()
    captain = RankFactory(name_en="Captain", name_fr="Capitaine", name_ar="نقيب", level="mid")
    _response, job = upload(
        client_for(staff),
        _xlsx(
            [
                [
                    "salma@example.org",
                    "Salma",
                    "Benali",
                    None,
                    None,
                    "female",
                    "MA",
                    "Inspector",
                    None,
                    "fr",
                ],
                [
                    "karim@example.org",
                    "Karim",
                    "Mansour",
                    "كريم",
                    "منصور",
                    "male",
                    "JO",
                    " نقيب ",  # a rank may be named in Arabic or French too
                    "senior",
                    "ar",
                ],
            ]
        ),
    )

    job.refresh_from_db()
    assert job.report["invited"] == 2, job.report
    salma = Invitation.objects.get(email="salma@example.org")
    assert (salma.country, salma.details["rank_id"]) == (morocco, inspector.pk)
    karim = Invitation.objects.get(email="karim@example.org")
    assert (karim.country, karim.details["rank_id"], karim.details["rank_level"]) == (
        jordan,
        captain.pk,
        "senior",
    )


def test_a_semicolon_separated_csv_is_understood(client_for, staff, jordan, upload):
    # What a spreadsheet program set to French or Arabic writes when it saves as CSV.
    file = _csv("nadia@example.org;Nadia;Haddad;;;female;JO;;;fr", header=HEADER.replace(",", ";"))

    _response, job = upload(client_for(staff), file)

    job.refresh_from_db()
    assert job.report["invited"] == 1, job.report
    assert Invitation.objects.filter(email="nadia@example.org").exists()


def test_a_csv_saved_with_a_byte_order_mark_is_understood(client_for, staff, jordan, upload):
    text = "\ufeff" + HEADER + "\nnadia@example.org,Nadia,Haddad,,,female,JO,,,en\n"
    file = SimpleUploadedFile("officers.csv", text.encode("utf-8"))

    _response, job = upload(client_for(staff), file)

    job.refresh_from_db()
    assert job.report["invited"] == 1, job.report


# Bad rows ------------------------------------------------------------------------------------


def test_bad_rows_are_reported_with_their_row_number_and_reason(
    client_for, focal_point, jordan, morocco, upload, mailoutbox
):
    UserFactory(email="has.account@example.org")
    InvitationFactory(email="waiting@example.org", country=jordan)

    _response, job = upload(
        client_for(focal_point),
        _csv(
            "good@example.org,Good,Row,,,female,JO,,,en",  # row 2
            "not-an-email,Bad,Email,,,female,JO,,,en",  # row 3
            "GOOD@example.org,Twice,Inthefile,,,female,JO,,,en",  # row 4
            "sex@example.org,Bad,Sex,,,woman,JO,,,en",  # row 5
            "nowhere@example.org,Unknown,Country,,,male,ZZ,,,en",  # row 6
            "moroccan@example.org,Other,Country,,,male,MA,,,en",  # row 7
            "has.account@example.org,Existing,Account,,,male,JO,,,en",  # row 8
            "waiting@example.org,Already,Invited,,,male,JO,,,en",  # row 9
            ",No,Email,,,male,JO,,,en",  # row 10
            "noname@example.org,,,,,male,JO,,,en",  # row 11
            "level@example.org,Bad,Level,,,male,JO,,general,en",  # row 12
            "lang@example.org,Bad,Language,,,male,JO,,,de",  # row 13
            "second.good@example.org,Second,Good,,,male,JO,,,en",  # row 14
            "rank@example.org,Unknown,Rank,,,male,JO,Generalissimo,,en",  # row 15
        ),
    )

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.report["rows"], job.report["invited"]) == (14, 2)
    assert job.report["rolled_back"] is False
    assert _rejected(job) == [
        (3, "not-an-email", "The e-mail address is missing or not valid."),
        (4, "GOOD@example.org", "This e-mail address appears twice in the file."),
        (5, "sex@example.org", "Sex must be “female” or “male”."),
        (6, "nowhere@example.org", "The country code is not one of the programme's countries."),
        (7, "moroccan@example.org", "You may only invite officers of your own country."),
        (8, "has.account@example.org", "Someone with this e-mail address already has an account."),
        (9, "waiting@example.org", "This person already has an invitation waiting."),
        (10, "", "The e-mail address is missing or not valid."),
        (11, "noname@example.org", "The given name and family name (Latin script) are required."),
        (12, "level@example.org", "The rank level must be junior, mid or senior."),
        (13, "lang@example.org", "The language must be ar, fr or en."),
        (
            15,
            "rank@example.org",
            "The rank is not one of the programme's ranks. Name it as in the list of ranks, "
            "in Arabic, French or English, or leave the cell empty.",
        ),
    ]
    assert sorted(message.to[0] for message in mailoutbox) == [
        "good@example.org",
        "second.good@example.org",
    ]
    assert not Invitation.objects.filter(country=morocco).exists()


def test_staff_may_invite_officers_of_any_country(client_for, staff, jordan, morocco, upload):
    _response, job = upload(
        client_for(staff),
        _csv(
            "jo@example.org,Jo,Officer,,,female,JO,,,en",
            "ma@example.org,Ma,Officer,,,female,MA,,,en",
        ),
    )

    job.refresh_from_db()
    assert job.report["invited"] == 2
    assert set(Invitation.objects.values_list("country__code", flat=True)) == {"JO", "MA"}


def test_row_numbers_match_the_spreadsheet_even_with_blank_rows(client_for, staff, jordan, upload):
    file = _csv(
        "one@example.org,One,Good,,,female,JO,,,en",  # row 2
        "",  # row 3, blank
        ",,,,,,,,,",  # row 4, empty cells
        "bad-address,Bad,Row,,,female,JO,,,en",  # row 5
    )

    _response, job = upload(client_for(staff), file)

    job.refresh_from_db()
    assert job.report["rows"] == 2
    assert _rejected(job) == [(5, "bad-address", "The e-mail address is missing or not valid.")]


def test_xlsx_row_numbers_match_the_spreadsheet_even_with_blank_rows(
    client_for, staff, jordan, upload
):
    file = _xlsx(
        [
            ["one@example.org", "One", "Good", None, None, "female", "JO"],  # row 2
            [],  # row 3
            ["bad-address", "Bad", "Row", None, None, "female", "JO"],  # row 4
        ]
    )

    _response, job = upload(client_for(staff), file)

    job.refresh_from_db()
    assert _rejected(job) == [(4, "bad-address", "The e-mail address is missing or not valid.")]


def test_the_report_is_written_in_the_language_of_the_page(client_for, staff, jordan, upload):
    from django.utils import translation
    from django.utils.translation import gettext

    _response, job = upload(
        client_for(staff), _csv("bad-address,Bad,Row,,,female,JO,,,en"), language="fr"
    )

    job.refresh_from_db()
    with translation.override("fr"):
        expected = gettext("The e-mail address is missing or not valid.")
    assert _rejected(job) == [(2, "bad-address", expected)]


# All or nothing ------------------------------------------------------------------------------


def test_all_or_nothing_invites_nobody_when_a_row_is_bad(
    client_for, staff, jordan, upload, mailoutbox
):
    _response, job = upload(
        client_for(staff),
        _csv(
            "good@example.org,Good,Row,,,female,JO,,,en",
            "bad@example.org,Bad,Sex,,,x,JO,,,en",
        ),
        all_or_nothing=True,
    )

    job.refresh_from_db()
    assert job.report == {
        "rows": 2,
        "invited": 0,
        "rolled_back": True,
        "rejected": [
            {"row": 3, "email": "bad@example.org", "reason": "Sex must be “female” or “male”."}
        ],
    }
    assert not Invitation.objects.exists()
    assert mailoutbox == []
    assert not AuditEntry.objects.filter(verb="invitation.sent").exists()


def test_all_or_nothing_reports_an_existing_account_and_invites_nobody(
    client_for, staff, jordan, upload, mailoutbox
):
    UserFactory(email="has.account@example.org")

    _response, job = upload(
        client_for(staff),
        _csv(
            "good@example.org,Good,Row,,,female,JO,,,en",
            "has.account@example.org,Existing,Account,,,male,JO,,,en",
        ),
        all_or_nothing=True,
    )

    job.refresh_from_db()
    assert job.report["rolled_back"] is True
    assert _rejected(job) == [
        (3, "has.account@example.org", "Someone with this e-mail address already has an account.")
    ]
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_all_or_nothing_invites_everyone_when_every_row_is_good(
    client_for, staff, jordan, upload, mailoutbox
):
    _response, job = upload(
        client_for(staff),
        _csv(
            "one@example.org,One,Good,,,female,JO,,,en",
            "two@example.org,Two,Good,,,male,JO,,,en",
        ),
        all_or_nothing=True,
    )

    job.refresh_from_db()
    assert job.report["invited"] == 2
    assert job.report["rolled_back"] is False
    assert Invitation.objects.count() == 2
    assert len(mailoutbox) == 2


# Files that cannot be used -------------------------------------------------------------------


def test_a_file_without_an_email_column_fails_with_a_clear_message(
    client_for, staff, jordan, upload
):
    file = _csv("Amal,Nasser,female,JO", header="given_name,family_name,sex,country")

    _response, job = upload(client_for(staff), file)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == ("The file has no “email” column. The first row must name the columns.")
    assert not Invitation.objects.exists()
    page = client_for(staff).get(f"/en/jobs/{job.pk}/").content.decode()
    assert "The file has no “email” column." in page


def test_a_header_only_file_without_an_email_column_fails_too(client_for, staff, upload):
    _response, job = upload(client_for(staff), _csv(header="name,sex"))

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "no “email” column" in job.error


def test_a_file_with_too_many_rows_fails_and_invites_nobody(
    client_for, staff, jordan, upload, monkeypatch
):
    monkeypatch.setattr("momentum.people.imports.MAX_ROWS", 2)

    _response, job = upload(
        client_for(staff),
        _csv(*(f"officer{n}@example.org,Officer,Number{n},,,female,JO,,,en" for n in range(3))),
    )

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "The file has more than 2 rows. Split it and upload each part."
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("officers.xlsx", b"this is not a spreadsheet"),
        ("officers.csv", "email\nnadia@example.org\n".encode("utf-16")),
    ],
)
def test_an_unreadable_file_fails_with_a_clear_message(client_for, staff, upload, name, content):
    _response, job = upload(client_for(staff), SimpleUploadedFile(name, content))

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == (
        "The file could not be read. Save it as CSV (UTF-8) or XLSX and try again."
    )


def test_an_unexpected_error_fails_the_job_without_showing_its_details(
    client_for, staff, jordan, upload, monkeypatch
):
    def broken(job):
        raise RuntimeError('relation "people_secret" does not exist')

    monkeypatch.setattr("momentum.people.imports.run", broken)

    _response, job = upload(client_for(staff), _csv("a@example.org,A,B,,,female,JO,,,en"))

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == (
        "The work stopped because of an unexpected error. Try again later, or "
        "tell the programme's support office."
    )
    assert "people_secret" not in client_for(staff).get(f"/en/jobs/{job.pk}/").content.decode()


@pytest.mark.parametrize("name", ["officers.pdf", "officers.txt", "officers.xls", "officers"])
def test_the_form_refuses_a_file_that_is_not_csv_or_xlsx(client_for, staff, upload, name):
    response, job = upload(client_for(staff), SimpleUploadedFile(name, HEADER.encode()))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Upload a .csv or .xlsx file."]
    assert job is None


def test_the_form_requires_a_file(client_for, staff):
    response = client_for(staff).post(URL, {})

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Job.objects.exists()


@pytest.mark.parametrize("persona", ["officer", "donor"])
def test_officers_and_donors_may_not_upload(client_for, request, persona, jordan, upload):
    response, job = upload(
        client_for(request.getfixturevalue(persona)), _csv("a@example.org,A,B,,,female,JO,,,en")
    )

    assert response.status_code == 403
    assert job is None
    assert not Invitation.objects.exists()


# The job page --------------------------------------------------------------------------------


def test_the_job_page_shows_the_progress_and_the_report(client_for, focal_point, jordan, upload):
    client = client_for(focal_point)
    _response, job = upload(
        client,
        _csv(
            "good@example.org,Good,Row,,,female,JO,,,en",
            "bad-address,Bad,Row,,,female,JO,,,en",
        ),
    )

    response = client.get(f"/en/jobs/{job.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert "2 of 2 rows processed" in html
    assert "1 of 2 rows led to an invitation." in html
    assert "bad-address" in html
    assert "The e-mail address is missing or not valid." in html
    assert 'hx-trigger="every 2s"' not in html  # a finished job stops polling


def test_an_htmx_request_for_the_job_page_gets_only_the_fragment(
    client_for, focal_point, jordan, upload
):
    client = client_for(focal_point)
    _response, job = upload(client, _csv("bad-address,Bad,Row,,,female,JO,,,en"))

    response = client.get(f"/en/jobs/{job.pk}/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="job-progress"')
    assert "<html" not in html
    assert "bad-address" in html


def test_an_unfinished_job_page_keeps_polling(client_for, staff):
    job = Job.objects.create(
        kind="people.bulk_invitation", created_by=staff, total=10, done=4, status=JobStatus.RUNNING
    )

    html = client_for(staff).get(f"/en/jobs/{job.pk}/", headers={"HX-Request": "true"}).content

    assert b'hx-trigger="every 2s"' in html
    assert b"4 of 10 rows processed" in html


def test_the_job_page_is_404_for_another_user(client_for, focal_point, outsider, jordan, upload):
    _response, job = upload(client_for(focal_point), _csv("bad-address,Bad,Row,,,female,JO,,,en"))

    response = client_for(outsider).get(f"/en/jobs/{job.pk}/")

    assert response.status_code == 404
    assert b"bad-address" not in response.content
