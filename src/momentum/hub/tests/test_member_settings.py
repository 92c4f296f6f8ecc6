"""My hub settings: a handle, how I appear, my photo and the e-mails I get."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from momentum.hub.models import DigestFrequency, MemberSettings, NameDisplay
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import png_bytes
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "handle": "leila.h",
        "name_display": NameDisplay.INITIALS,
        "show_photo": "on",
        "email_on_mention": "on",
        "digest": DigestFrequency.DAILY,
    }
    data.update(changes)
    return data


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (900, 600), "navy")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def test_settings_are_created_on_first_use_with_a_handle_from_the_latin_name(officer):
    settings = settings_for(officer)

    assert settings.handle == "leilah"
    assert settings_for(officer).pk == settings.pk


def test_a_taken_default_handle_gets_a_number(officer):
    other = UserFactory(given_name="Leïla", family_name="Hamdi")
    settings_for(other)

    assert settings_for(other).handle == "leilah"
    assert settings_for(officer).handle == "leilah2"


def test_someone_without_a_latin_name_gets_member_and_their_number(db):
    user = UserFactory(given_name="", family_name="")

    assert settings_for(user).handle == f"member{user.pk}"


def test_a_member_saves_their_settings(client_for, officer):
    response = client_for(officer).post("/en/hub/settings/", _post())

    assert response.status_code == 302
    settings = MemberSettings.objects.get(user=officer)
    assert settings.handle == "leila.h"
    assert settings.name_display == NameDisplay.INITIALS
    assert settings.show_photo and settings.email_on_mention and not settings.email_on_reply
    assert settings.digest == DigestFrequency.DAILY


@pytest.mark.parametrize("handle", ["ab", "Leila Haddad", "ليلى", "x" * 31, "@leila"])
def test_a_malformed_handle_is_refused(client_for, officer, handle):
    response = client_for(officer).post("/en/hub/settings/", _post(handle=handle))

    assert response.status_code == 200
    assert response.context["form"].errors["handle"]


def test_a_taken_handle_is_refused_with_a_clear_message(client_for, officer):
    other = settings_for(UserFactory())
    other.handle = "leila.h"
    other.save()

    response = client_for(officer).post("/en/hub/settings/", _post())

    assert "The handle @leila.h is already taken: please choose another." in (
        response.content.decode()
    )


def test_a_photo_is_re_encoded_without_metadata_and_made_smaller(client_for, officer):
    upload = SimpleUploadedFile("me.jpg", _jpeg_with_exif(), content_type="image/jpeg")

    client_for(officer).post("/en/hub/settings/", _post(photo=upload))

    settings = MemberSettings.objects.get(user=officer)
    with settings.photo.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 512
        assert not image.getexif()
    assert "me" not in settings.photo.name.rsplit("/", 1)[-1]


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client_for, officer):
    upload = SimpleUploadedFile("me.png", b"%PDF-1.4 not an image", content_type="image/png")

    response = client_for(officer).post("/en/hub/settings/", _post(photo=upload))

    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert not MemberSettings.objects.get(user=officer).photo


def test_a_photo_over_two_megabytes_is_refused(client_for, officer):
    big = Image.frombytes("RGB", (1200, 1200), bytes(range(256)) * (1200 * 1200 * 3 // 256))
    output = io.BytesIO()
    big.save(output, "PNG", compress_level=0)
    upload = SimpleUploadedFile("big.png", output.getvalue(), content_type="image/png")

    response = client_for(officer).post("/en/hub/settings/", _post(photo=upload))

    assert response.context["form"].errors["photo"]


def _with_photo(user, *, shown: bool) -> MemberSettings:  # type: ignore[no-untyped-def]
    settings = settings_for(user)
    settings.show_photo = shown
    settings.photo.save("p.png", ContentFile(png_bytes()), save=True)
    return settings


def test_a_shown_photo_is_served_to_hub_users(client_for, officer, mentor):
    _with_photo(officer, shown=True)

    response = client_for(mentor).get(f"/en/hub/photos/{officer.pk}/")

    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_hidden_photo_is_not_found_except_by_its_owner(client_for, officer, mentor):
    _with_photo(officer, shown=False)

    assert client_for(mentor).get(f"/en/hub/photos/{officer.pk}/").status_code == 404
    own = client_for(officer).get(f"/en/hub/photos/{officer.pk}/")
    own.close()
    assert own.status_code == 200


def test_donors_are_never_served_a_photo(client_for, officer, donor):
    _with_photo(officer, shown=True)

    assert client_for(donor).get(f"/en/hub/photos/{officer.pk}/").status_code == 404


def test_donors_have_no_hub_settings(client_for, donor):
    assert client_for(donor).get("/en/hub/settings/").status_code == 403
    assert not MemberSettings.objects.filter(user=donor).exists()
