"""The digest: for each person who asked for one, in their language, the new and the most
active threads of the spaces they may read, new resources and their unread notifications;
never anything from a space they may not read; not sent when empty, never twice a period."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext, trans_real

from momentum.core.models import Notification
from momentum.core.notifications import read_unsubscribe_token
from momentum.core.tests.factories import NotificationFactory
from momentum.hub.models import DigestFrequency, JoinPolicy, MemberSettings, PostStatus
from momentum.hub.services.digests import send_digest
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    member,
)

pytestmark = pytest.mark.django_db

DAILY_SUBJECT = "Your daily Knowledge Hub digest"


def _wants_digest(user, frequency=DigestFrequency.DAILY, **fields):  # type: ignore[no-untyped-def]
    hub_settings = settings_for(user)
    MemberSettings.objects.filter(pk=hub_settings.pk).update(digest=frequency, **fields)
    return user


@pytest.fixture
def hub(officer, focal_point):  # type: ignore[no-untyped-def]
    """An open space with a new thread and an older one that has new replies; a space by
    invitation (Leila is not a member) with the same; a resource for everyone and one shared
    in the private space."""
    now = timezone.now()
    open_space = SpaceFactory(name_en="Border practice", name_ar="ممارسات الحدود")
    private = SpaceFactory(join_policy=JoinPolicy.INVITATION, name_en="Closed circle")
    ThreadFactory(space=open_space, author=focal_point, title="Checking visas at night")
    older = ThreadFactory(
        space=open_space,
        author=focal_point,
        title="Interview rooms",
        created_at=now - timedelta(days=5),
    )
    PostFactory.create_batch(3, thread=older, author=focal_point)
    ThreadFactory(space=private, author=focal_point, title="Closed circle news")
    secret_older = ThreadFactory(
        space=private,
        author=focal_point,
        title="Closed busy thread",
        created_at=now - timedelta(days=5),
    )
    PostFactory.create_batch(4, thread=secret_older, author=focal_point)
    ResourceFactory(
        title_en="Gender-sensitive interviewing",
        title_fr="Entretiens sensibles au genre",
        title_ar="المقابلات المراعية للنوع الاجتماعي",
    )
    ResourceFactory(space=private, title_en="Closed circle handbook")
    return {"open": open_space, "private": private}


def _sent_to(user):  # type: ignore[no-untyped-def]
    messages = [message for message in mail.outbox if message.to == [user.email]]
    assert len(messages) == 1, messages
    message = messages[0]
    return message, message.body, message.alternatives[0][0]


def test_lists_new_threads_active_threads_resources_and_unread_notifications(hub, officer):
    _wants_digest(officer)
    NotificationFactory(recipient=officer, message={"en": "Karim mentioned you in “Visas”"})

    assert send_digest(user_id=officer.pk, frequency="daily") is True

    message, text, html = _sent_to(officer)
    assert message.subject == DAILY_SUBJECT
    for body in (text, html):
        assert "Checking visas at night" in body
        assert "Interview rooms" in body  # older thread, 3 new replies
        assert "3 new replies" in body
        assert "Border practice" in body
        assert "Gender-sensitive interviewing" in body
        assert "Karim mentioned you in “Visas”" in body
    thread_link = f"{settings.SITE_URL}/en/hub/threads/"
    assert thread_link in text and thread_link in html


def test_never_includes_content_of_a_space_the_person_cannot_read(hub, officer):
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    message, text, html = _sent_to(officer)
    for body in (message.subject, text, html):
        assert "Closed circle" not in body
        assert "Closed busy thread" not in body


def test_a_member_of_the_private_space_gets_its_content(hub, officer):
    member(hub["private"], officer)
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    _message, text, _html = _sent_to(officer)
    assert "Closed circle news" in text
    assert "Closed busy thread" in text
    assert "Closed circle handbook" in text


def test_held_and_blocked_threads_are_left_out(officer, focal_point):
    space = SpaceFactory()
    ThreadFactory(space=space, author=focal_point, title="Held opening", status=PostStatus.HELD)
    ThreadFactory(space=space, author=focal_point, title="Visible opening")
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    _message, text, _html = _sent_to(officer)
    assert "Visible opening" in text
    assert "Held opening" not in text


def test_an_empty_digest_is_not_sent(officer):
    _wants_digest(officer)

    assert send_digest(user_id=officer.pk, frequency="daily") is False

    assert mail.outbox == []
    assert MemberSettings.objects.get(user=officer).last_digest_at is None


def test_marks_the_digest_and_its_notifications_and_never_sends_twice(hub, officer):
    _wants_digest(officer)
    unread = NotificationFactory(recipient=officer)
    already_read = NotificationFactory(recipient=officer, read_at=timezone.now())

    send_digest(user_id=officer.pk, frequency="daily")

    assert MemberSettings.objects.get(user=officer).last_digest_at is not None
    assert Notification.objects.get(pk=unread.pk).digested_at is not None
    assert Notification.objects.get(pk=already_read.pk).digested_at is None
    assert send_digest(user_id=officer.pk, frequency="daily") is False
    assert len(mail.outbox) == 1


def test_a_notification_appears_in_one_digest_only(officer):
    _wants_digest(officer)
    NotificationFactory(recipient=officer, message={"en": "First news"})
    send_digest(user_id=officer.pk, frequency="daily")
    NotificationFactory(recipient=officer, message={"en": "Second news"})

    send_digest(user_id=officer.pk, frequency="daily", now=timezone.now() + timedelta(days=1))

    second = mail.outbox[1].body
    assert "Second news" in second
    assert "First news" not in second


def test_daily_covers_a_day_and_weekly_a_week(officer, focal_point):
    space = SpaceFactory()
    ThreadFactory(
        space=space,
        author=focal_point,
        title="Three days old",
        created_at=timezone.now() - timedelta(days=3),
    )
    _wants_digest(officer, DigestFrequency.DAILY)
    assert send_digest(user_id=officer.pk, frequency="daily") is False

    _wants_digest(officer, DigestFrequency.WEEKLY)
    assert send_digest(user_id=officer.pk, frequency="weekly") is True
    assert "Three days old" in mail.outbox[0].body


def test_covers_only_what_came_after_the_last_digest(officer, focal_point):
    now = timezone.now()
    space = SpaceFactory()
    ThreadFactory(
        space=space,
        author=focal_point,
        title="Before",
        created_at=now - timedelta(hours=23, minutes=45),
    )
    ThreadFactory(space=space, author=focal_point, title="After")
    # The last digest left 23 h 30 min ago: due again (an hour's tolerance for cron).
    _wants_digest(officer, last_digest_at=now - timedelta(hours=23, minutes=30))

    assert send_digest(user_id=officer.pk, frequency="daily", now=now) is True

    assert "After" in mail.outbox[0].body
    assert "Before" not in mail.outbox[0].body


def test_not_sent_to_someone_who_changed_their_mind(hub, officer):
    _wants_digest(officer, DigestFrequency.NEVER)

    assert send_digest(user_id=officer.pk, frequency="daily") is False
    assert mail.outbox == []


def test_carries_the_signed_link_that_stops_the_digest(hub, officer):
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    message, text, html = _sent_to(officer)
    header = message.extra_headers["List-Unsubscribe"]
    url = header.strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in text
    assert f'href="{url}"' in html
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (officer.pk, "hub.digest")


def test_french_digest_is_in_french(hub, officer):
    officer.preferred_language = "fr"
    officer.save()
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    message, text, html = _sent_to(officer)
    with translation.override("fr"):
        assert message.subject == gettext(DAILY_SUBJECT)
    assert "Entretiens sensibles au genre" in text
    assert f"{settings.SITE_URL}/fr/hub/threads/" in text
    assert 'lang="fr" dir="ltr"' in html


ARABIC_SUBJECT = "ملخصك اليومي من مركز المعرفة"


@pytest.fixture
def arabic_subject(monkeypatch):  # type: ignore[no-untyped-def]
    """The Arabic subject, added to the catalogue if the translators have not yet."""
    catalog = trans_real.translation("ar")._catalog
    if DAILY_SUBJECT not in catalog:
        monkeypatch.setitem(catalog._catalogs[0], DAILY_SUBJECT, ARABIC_SUBJECT)
    with translation.override("ar"):
        return gettext(DAILY_SUBJECT)


def test_arabic_digest_has_an_arabic_subject_and_reads_right_to_left(hub, officer, arabic_subject):
    officer.preferred_language = "ar"
    officer.save()
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    message, text, html = _sent_to(officer)
    assert message.subject == arabic_subject != DAILY_SUBJECT
    assert '<html lang="ar" dir="rtl">' in html
    assert '<body dir="rtl"' in html
    assert "ممارسات الحدود" in html  # the space's Arabic name
    assert "المقابلات المراعية للنوع الاجتماعي" in text
    assert f"{settings.SITE_URL}/ar/hub/threads/" in text
    assert "/ar/hub/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_user_text_reads_in_its_own_direction(hub, officer):
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    _message, _text, html = _sent_to(officer)
    assert 'dir="auto">Checking visas at night</a>' in html


def test_thread_titles_are_escaped_in_html(officer, focal_point):
    ThreadFactory(space=SpaceFactory(), author=focal_point, title="<script>alert(1)</script>")
    _wants_digest(officer)

    send_digest(user_id=officer.pk, frequency="daily")

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
