"""Attachments: checked by content when posted, stored with the post, served only to those who
may read the post, always as a download under a safe name (images inline only on request,
sandboxed)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from momentum.hub.models import Attachment, Post, PostStatus
from momentum.hub.services import threads as services
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_interval(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


def _png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(output, "PNG")
    return output.getvalue()


@pytest.fixture
def private(officer):  # type: ignore[no-untyped-def]
    space = SpaceFactory(join_policy="request")
    member(space, officer)
    return space


def _post_with(space, user, *uploads) -> Post:  # type: ignore[no-untyped-def]
    return services.start_thread(
        space=space, by=user, title="Documents", body="See the files.", files=list(uploads)
    ).post


def _get(client, url: str):  # type: ignore[no-untyped-def]
    """The response, its file read to the end: the test client then closes it (a streamed file
    left open would leak). Closing it again by hand would also close the test's database
    connection on PostgreSQL, with the requests that follow."""
    response = client.get(url)
    if response.streaming:
        response.body = b"".join(response.streaming_content)
    return response


def _text_file(name: str = "ملاحظات الاجتماع.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"Notes of the meeting.\n", "text/plain")


def test_files_are_stored_with_the_post(officer, private):
    post = _post_with(private, officer, _text_file(), SimpleUploadedFile("x.png", _png()))

    names = sorted(post.attachments.values_list("name", "content_type"))
    assert names == [("x.png", "image/png"), ("ملاحظات الاجتماع.txt", "text/plain")]


def test_a_member_downloads_with_a_safe_arabic_filename(client_for, officer, private):
    attachment = _post_with(private, officer, _text_file()).attachments.get()

    response = _get(client_for(officer), f"/en/hub/attachments/{attachment.pk}/")

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%D9%85%D9%84%D8%A7%D8%AD%D8%B8%D8%A7%D8%AA" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.body == b"Notes of the meeting.\n"


def test_a_non_member_of_a_private_space_gets_404(client_for, officer, focal_point, private):
    attachment = _post_with(private, officer, _text_file()).attachments.get()

    assert _get(client_for(focal_point), f"/en/hub/attachments/{attachment.pk}/").status_code == 404


def test_an_image_may_be_shown_inline_sandboxed(client_for, officer, private):
    attachment = _post_with(
        private, officer, SimpleUploadedFile("map.png", _png())
    ).attachments.get()

    response = _get(client_for(officer), f"/en/hub/attachments/{attachment.pk}/?inline=1")

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_text_file_is_never_shown_inline(client_for, officer, private):
    attachment = _post_with(private, officer, _text_file("notes.txt")).attachments.get()

    response = _get(client_for(officer), f"/en/hub/attachments/{attachment.pk}/?inline=1")

    assert response["Content-Disposition"] == 'attachment; filename="notes.txt"'


def test_a_blocked_posts_files_are_for_its_author_and_moderators(
    client_for, officer, focal_point, moderator
):
    space = SpaceFactory()
    member(space, officer)
    member(space, focal_point)
    upload = SimpleUploadedFile("contact.txt", b"Call +962 79 123 4567\n", "text/plain")
    post = _post_with(space, officer, upload)
    attachment = post.attachments.get()
    assert post.status == PostStatus.BLOCKED

    assert _get(client_for(officer), f"/en/hub/attachments/{attachment.pk}/").status_code == 200
    assert _get(client_for(focal_point), f"/en/hub/attachments/{attachment.pk}/").status_code == 404
    assert _get(client_for(moderator), f"/en/hub/attachments/{attachment.pk}/").status_code == 200


def test_a_file_disguised_by_its_name_is_refused_beside_the_field(client_for, officer, private):
    upload = SimpleUploadedFile("report.pdf", b"\x00\x01\x02binary", "application/pdf")

    response = client_for(officer).post(
        f"/en/hub/spaces/{private.pk}/threads/new/",
        {"title": "Report", "body": "Attached.", "attachments": [upload]},
    )

    assert response.status_code == 200
    assert "report.pdf" in response.content.decode()
    assert "field--invalid" in response.content.decode()
    assert not Attachment.objects.exists() and not Post.objects.exists()


def test_too_many_files_are_refused(officer, private, settings):
    from django.core.exceptions import ValidationError

    settings.HUB_ATTACHMENTS_PER_POST = 1

    with pytest.raises(ValidationError) as refusal:
        _post_with(private, officer, _text_file("a.txt"), _text_file("b.txt"))

    assert "at most 1 files" in str(refusal.value)


def test_anonymous_visitors_are_sent_to_sign_in(client, officer, private):
    attachment = _post_with(private, officer, _text_file()).attachments.get()

    response = _get(client, f"/en/hub/attachments/{attachment.pk}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
