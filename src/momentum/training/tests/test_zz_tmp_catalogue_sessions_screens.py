"""Throwaway: screenshots of the catalogue and session pages (deleted after use)."""
import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from momentum.core.tests.factories import AreaOfWorkFactory, CountryFactory
from momentum.training.models import SessionStatus, Track, Delivery
from momentum.training.services.catalogue import save_course
from momentum.training.tests.factories import NominationFactory, SessionFactory

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.mark.django_db(transaction=True)
def test_screens(live_server, staff, officer, trainer, jordan, morocco, settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    from playwright.sync_api import sync_playwright
    for code, en, fr, ar in [("DZ","Algeria","Algérie","الجزائر"),("EG","Egypt","Égypte","مصر"),("LB","Lebanon","Liban","لبنان"),("PS","Palestine","Palestine","فلسطين"),("TN","Tunisia","Tunisie","تونس")]:
        CountryFactory(code=code, name_en=en, name_fr=fr, name_ar=ar)
    area = AreaOfWorkFactory(code="border-management", name_en="Border management", name_ar="إدارة الحدود", name_fr="Gestion des frontières")
    basics = save_course(by=staff, code="ipcp-101", title_en="INTERPOL's tools and services", title_fr="Les outils et services d'INTERPOL", title_ar="أدوات الإنتربول وخدماته", track=Track.INTERPOL_CAPABILITIES, delivery=Delivery.ONLINE, duration_hours=8)
    course = save_course(by=staff, code="sltd-201", title_en="Border screening with SLTD and notices", title_fr="Contrôle aux frontières avec SLTD et les notices", title_ar="التدقيق على الحدود باستخدام قاعدة SLTD والنشرات",
        summary_en="Screen travellers and travel documents against INTERPOL's databases at the border.", summary_ar="تدقيق المسافرين ووثائق السفر في قواعد بيانات الإنتربول على الحدود.", summary_fr="Contrôler les voyageurs et les documents de voyage dans les bases de données d'INTERPOL.",
        objectives_en="Query SLTD through FIND and MIND\nRead a red notice correctly\nReport a hit to the NCB", objectives_ar="الاستعلام في قاعدة SLTD عبر FIND وMIND\nقراءة النشرة الحمراء بشكل صحيح\nإبلاغ المكتب المركزي الوطني بالنتيجة",
        track=Track.INTERPOL_CAPABILITIES, delivery=Delivery.IN_PERSON, duration_hours=24, target_areas=[area], target_rank_levels=["junior","mid"], prerequisites=[basics], certificate_validity_years=4)
    save_course(by=staff, code="lead-301", title_en="Leadership for mid-level officers", title_fr="Leadership pour officiers de niveau intermédiaire", title_ar="القيادة لضباط المستوى المتوسط", summary_en="Leading teams with respect for human rights and equality.", track=Track.LEADERSHIP, delivery=Delivery.BLENDED, duration_hours=40, requires_motivation=True, requires_endorsement=True)
    today = timezone.localdate()
    session = SessionFactory(course=course, status=SessionStatus.OPEN, starts_on=today+timedelta(days=30), ends_on=today+timedelta(days=34), time_zone="Asia/Amman", venue_city="Amman", venue_country=jordan, language="ar", interpretation=["en","fr"], capacity=24, women_target_percent=40, nomination_deadline=timezone.now()+timedelta(days=10), trainers=[trainer], quotas={jordan:(6,2), morocco:(6,6)})
    SessionFactory(course=course, status=SessionStatus.CLOSED, starts_on=today-timedelta(days=60), ends_on=today-timedelta(days=57), venue_city="Rabat", venue_country=morocco)
    SessionFactory(course=basics, status=SessionStatus.CANCELLED, delivery=Delivery.ONLINE, venue_city="", venue_country=None, starts_on=today+timedelta(days=12), ends_on=today+timedelta(days=12))
    SessionFactory(course=course, status=SessionStatus.DRAFT, starts_on=today+timedelta(days=90), ends_on=today+timedelta(days=92))
    def cookie_for(user):
        c = Client(); c.force_login(user)
        return {"name": settings.SESSION_COOKIE_NAME, "value": c.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}
    shots = [
        ("officer", "en", 1280, "/en/training/", "catalogue-en-desk"),
        ("officer", "ar", 390, "/ar/training/", "catalogue-ar-phone"),
        ("officer", "ar", 390, f"/ar/training/courses/{course.pk}/", "course-ar-phone"),
        ("staff", "en", 1280, f"/en/training/courses/{course.pk}/", "course-en-desk"),
        ("staff", "ar", 1280, f"/ar/training/courses/{course.pk}/edit/", "course-edit-ar-desk"),
        ("staff", "en", 1280, "/en/training/sessions/", "sessions-en-desk"),
        ("officer", "ar", 390, "/ar/training/sessions/", "sessions-ar-phone"),
        ("staff", "ar", 390, f"/ar/training/sessions/{session.pk}/", "session-ar-phone"),
        ("staff", "ar", 1280, f"/ar/training/sessions/{session.pk}/", "session-ar-desk"),
        ("officer", "en", 1280, f"/en/training/sessions/{session.pk}/", "session-en-desk-officer"),
        ("staff", "en", 1280, f"/en/training/sessions/{session.pk}/edit/", "session-edit-en-desk"),
        ("staff", "ar", 390, f"/ar/training/sessions/{session.pk}/cancel/", "session-cancel-ar-phone"),
        ("officer", "ar", 390, "/ar/training/calendar/", "calendar-ar-phone"),
        ("officer", "en", 1280, "/en/training/calendar/", "calendar-en-desk"),
    ]
    users = {"officer": officer, "staff": staff}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"])
        for who, lang, width, path, name in shots:
            ctx = browser.new_context(viewport={"width": width, "height": 900})
            ctx.add_cookies([cookie_for(users[who])])
            page = ctx.new_page()
            page.goto(live_server.url + path)
            page.screenshot(path=f"/tmp/shots_cs/{name}.png", full_page=True)
            ctx.close()
        # the session form with a refusal
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        ctx.add_cookies([cookie_for(staff)])
        page = ctx.new_page()
        page.goto(live_server.url + f"/en/training/sessions/{session.pk}/edit/")
        page.fill("#id_quota_JO", "1")
        page.fill("#id_quota_TN", "30")
        page.click("main form button[type=submit]")
        page.screenshot(path="/tmp/shots_cs/session-edit-error-en-desk.png", full_page=True)
        ctx.close()
        browser.close()
