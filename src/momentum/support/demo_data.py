"""The demo support office: six categories with their queues and targets, canned replies, the
partner countries' working calendars and public holidays, requests in every state across
countries and queues (one about to miss its first-response target, some past it), e-mails held
for staff, and knowledge-base articles in three languages, one translation stale.

Requests go through the services (audit, deadlines in working hours), then their times are
moved back to when each step would have happened; every moved time is at least an hour in the
past, whatever the hour of the day the demo is seeded. Notifications and e-mails of this
history are not sent.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone

from momentum.core.demo import register_seeder
from momentum.core.models import Country, Notification
from momentum.people.models import Role, User
from momentum.support import hours, selectors
from momentum.support.models import (
    CannedReply,
    Category,
    HeldMail,
    HeldReason,
    Holiday,
    Message,
    Request,
    Status,
    WorkingCalendar,
)
from momentum.support.services import knowledge as knowledge_services
from momentum.support.services import mail
from momentum.support.services import requests as services

CATEGORIES = [
    # code, en, fr, ar, first response hours, resolution hours
    (
        "logistics",
        "Training logistics",
        "Logistique des formations",
        "الترتيبات اللوجستية للتدريب",
        8,
        24,
    ),
    ("travel", "Travel and visas", "Voyages et visas", "السفر والتأشيرات", 4, 16),
    ("nominations", "Nominations", "Nominations", "الترشيحات", 8, 40),
    ("mentoring", "Mentoring programme", "Programme de mentorat", "برنامج الإرشاد", 8, 40),
    ("hub", "Knowledge Hub access", "Accès au Knowledge Hub", "الوصول إلى مركز المعرفة", 8, 24),
    ("technical", "Technical problem", "Problème technique", "مشكلة تقنية", 4, 24),
]

# Fixed-date public holidays of each partner country (the movable religious holidays are
# entered each year by staff, in the admin).
HOLIDAYS = {
    "DZ": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (7, 5, "Independence Day", "Fête de l'Indépendance", "عيد الاستقلال"),
    ],
    "EG": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (7, 23, "Revolution Day", "Fête de la Révolution", "عيد الثورة"),
    ],
    "JO": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (5, 25, "Independence Day", "Fête de l'Indépendance", "عيد الاستقلال"),
    ],
    "LB": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (11, 22, "Independence Day", "Fête de l'Indépendance", "عيد الاستقلال"),
    ],
    "MA": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (7, 30, "Throne Day", "Fête du Trône", "عيد العرش"),
    ],
    "PS": [
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
        (11, 15, "Independence Day", "Fête de l'Indépendance", "عيد الاستقلال"),
    ],
    "TN": [
        (3, 20, "Independence Day", "Fête de l'Indépendance", "عيد الاستقلال"),
        (5, 1, "Labour Day", "Fête du Travail", "عيد العمال"),
    ],
}

CANNED = [
    (
        "logistics",
        ("Joining instructions", "Instructions pratiques", "تعليمات الالتحاق"),
        (
            "The joining instructions (venue, schedule, what to bring) are sent two weeks before the session. You will also find them on the session's page.",
            "Les instructions pratiques (lieu, horaires, ce qu'il faut apporter) sont envoyées deux semaines avant la session. Vous les trouverez aussi sur la page de la session.",
            "تُرسل تعليمات الالتحاق (المكان والجدول الزمني وما يجب إحضاره) قبل أسبوعين من الدورة، وتجدونها أيضًا في صفحة الدورة.",
        ),
    ),
    (
        None,
        (
            "We need more information",
            "Il nous faut plus d'informations",
            "نحتاج إلى مزيد من المعلومات",
        ),
        (
            "Thank you for your message. To help you, we need a few more details: could you tell us the session or the page concerned, and what you see?",
            "Merci pour votre message. Pour vous aider, il nous faut quelques précisions : pouvez-vous nous indiquer la session ou la page concernée, et ce que vous voyez ?",
            "شكرًا على رسالتكم. لمساعدتكم نحتاج إلى بعض التفاصيل: هل يمكنكم إخبارنا بالدورة أو الصفحة المعنية وبما يظهر لكم؟",
        ),
    ),
]

ARTICLES = [
    (
        "travel",
        "en",
        (
            "Who pays for my travel to a training session?",
            "The programme covers economy-class travel, accommodation and a daily allowance for officers selected for an in-person session. Your focal point sends your passport details; the support office books the tickets and e-mails them to you.",
        ),
        (
            "fr",
            "Qui paie mon voyage pour une session de formation ?",
            "Le programme prend en charge le voyage en classe économique, l'hébergement et une indemnité journalière des officiers sélectionnés pour une session en présentiel. Votre point focal transmet les données de votre passeport ; le bureau d'appui réserve les billets et vous les envoie par e-mail.",
        ),
        (
            "ar",
            "من يتحمل تكاليف سفري إلى دورة تدريبية؟",
            "يتحمل البرنامج تكاليف السفر بالدرجة الاقتصادية والإقامة وبدلًا يوميًا للضباط المختارين لدورة حضورية. ترسل جهة الاتصال بيانات جواز سفركم، ويحجز مكتب الدعم التذاكر ويرسلها إليكم بالبريد الإلكتروني.",
        ),
    ),
    (
        "hub",
        "ar",
        (
            "كيف أنضم إلى مساحة في مركز المعرفة؟",
            "افتحوا صفحة المساحة واضغطوا على «طلب الانضمام». يوافق مشرف المساحة على الطلب عادةً خلال يومي عمل. المساحة العربية لأبطال المساواة بين الجنسين مفتوحة لجميع الضباط المشاركين.",
        ),
        (
            "fr",
            "Comment rejoindre un espace du Knowledge Hub ?",
            "Ouvrez la page de l'espace et choisissez « Demander à rejoindre ». Le modérateur de l'espace accepte en général la demande sous deux jours ouvrés.",
        ),
        (
            "en",
            "How do I join a Knowledge Hub space?",
            "Open the space's page and choose “Ask to join”. The space's moderator usually accepts within two working days.",
        ),
    ),
    (
        "technical",
        "fr",
        (
            "Je n'arrive pas à me connecter : que faire ?",
            "Vérifiez que vous utilisez l'adresse e-mail de votre invitation. Si vous avez perdu votre second facteur, utilisez un de vos codes de récupération, ou demandez au bureau d'appui de le réinitialiser après vérification de votre identité.",
        ),
        (
            "en",
            "I cannot sign in: what can I do?",
            "Check that you use the e-mail address of your invitation. If you lost your second factor, use one of your recovery codes, or ask the support office to reset it once your identity is checked.",
        ),
        (
            "ar",
            "لا أستطيع تسجيل الدخول: ماذا أفعل؟",
            "تأكدوا من استخدام عنوان البريد الإلكتروني الوارد في دعوتكم. إذا فقدتم العامل الثاني للتحقق فاستخدموا أحد رموز الاسترداد، أو اطلبوا من مكتب الدعم إعادة تعيينه بعد التحقق من هويتكم.",
        ),
    ),
]

# The requests: (country, officer number, category, subject, description, language, story,
# days ago). The story is what happens after the request is opened.
REQUESTS = [
    (
        "JO",
        1,
        "travel",
        "تأشيرة الدخول إلى ليون",
        "أحتاج إلى رسالة دعوة للحصول على تأشيرة الدخول إلى فرنسا لحضور الدورة في ليون.",
        "ar",
        "waiting",
        3,
    ),
    (
        "JO",
        2,
        "logistics",
        "مكان انعقاد الدورة",
        "أين ستُعقد دورة إدارة الحدود وما هو موعد البدء؟",
        "ar",
        "resolved_rated",
        20,
    ),
    (
        "TN",
        1,
        "nominations",
        "Candidature non reçue",
        "Mon point focal m'a proposé mais je n'ai reçu aucune confirmation.",
        "fr",
        "open",
        2,
    ),
    (
        "TN",
        3,
        "technical",
        "Impossible de télécharger le certificat",
        "Le lien du certificat affiche une erreur.",
        "fr",
        "resolved",
        3,
    ),
    (
        "MA",
        2,
        "hub",
        "Accès à l'espace des championnes",
        "Je souhaite rejoindre l'espace arabe des championnes de l'égalité.",
        "fr",
        "closed",
        40,
    ),
    (
        "EG",
        4,
        "mentoring",
        "موعد لقاء المرشدة",
        "متى يبدأ برنامج الإرشاد للدفعة الجديدة؟",
        "ar",
        "new_breached",
        4,
    ),
    (
        "LB",
        5,
        "travel",
        "Flight change request",
        "My flight to Lyon was cancelled; can the booking be changed?",
        "en",
        "about_to_miss",
        0,
    ),
    (
        "DZ",
        6,
        "logistics",
        "Horaires de la session en ligne",
        "À quelle heure commence la session en ligne ?",
        "fr",
        "new",
        0,
    ),
    (
        "PS",
        7,
        "nominations",
        "ترشيح زميلة",
        "كيف يمكن ترشيح زميلة لدورة القيادة؟",
        "ar",
        "merged",
        5,
    ),
    (
        "PS",
        8,
        "nominations",
        "Nomination of a colleague",
        "How can a colleague be nominated for the leadership course?",
        "en",
        "open_breached",
        6,
    ),
    (
        "MA",
        9,
        "technical",
        "Second factor lost",
        "I changed phone and lost my authenticator app.",
        "en",
        "reopened",
        10,
    ),
    (
        "EG",
        10,
        "logistics",
        "Certificat de participation",
        "Pouvez-vous m'envoyer une attestation de participation ?",
        "fr",
        "resolved_bad",
        12,
    ),
]


def _staff() -> User:
    return User.objects.filter(role_assignments__role=Role.STAFF).order_by("pk").first()  # type: ignore[return-value]


def _shift(request: Request, delta: timedelta) -> None:
    """Move every time of the request and its messages ``delta`` back."""
    fields = [
        "created_at",
        "updated_at",
        "first_response_due",
        "first_response_at",
        "resolution_due",
        "waiting_since",
        "resolved_at",
    ]
    Request.objects.filter(pk=request.pk).update(**{field: F(field) - delta for field in fields})
    Message.objects.filter(request=request).update(created_at=F("created_at") - delta)


def _seed_reference_data(staff: User, say: Callable[[str], None]) -> dict[str, Category]:
    categories = {}
    for order, (code, en, fr, ar, first, resolution) in enumerate(CATEGORIES):
        category = Category.objects.create(
            code=code,
            name_en=en,
            name_fr=fr,
            name_ar=ar,
            first_response_hours=first,
            resolution_hours=resolution,
            order=order * 10,
        )
        category.queue.add(staff)
        categories[code] = category
    for code, (zone, weekend) in hours.DEFAULTS.items():
        country = Country.objects.filter(code=code).first()
        if country is None:
            continue
        WorkingCalendar.objects.create(
            country=country,
            time_zone=zone,
            weekend_days=",".join(str(day) for day in sorted(weekend)),
        )
        year = timezone.now().year
        for each in (year, year + 1):
            for month, day, en, fr, ar in HOLIDAYS[code]:
                Holiday.objects.create(
                    country=country, date=date(each, month, day), name_en=en, name_fr=fr, name_ar=ar
                )
    for canned_code, titles, bodies in CANNED:
        CannedReply.objects.create(
            category=categories[canned_code] if canned_code else None,
            title_en=titles[0],
            title_fr=titles[1],
            title_ar=titles[2],
            body_en=bodies[0],
            body_fr=bodies[1],
            body_ar=bodies[2],
        )
    return categories


def _seed_articles(staff: User, categories: dict[str, Category]) -> int:
    count = 0
    for code, language, (title, body), *translations in ARTICLES:
        source = knowledge_services.save_article(
            by=staff, language=language, title=title, body=body, category=categories[code]
        )
        count += 1
        for other, other_title, other_body in translations:
            knowledge_services.save_article(
                by=staff,
                language=other,
                title=other_title,
                body=other_body,
                category=categories[code],
                source=source,
            )
            count += 1
    # The technical article's source was corrected after it was translated: its translations
    # are stale until brought up to date.
    corrected = selectors.articles_for(staff, "fr").filter(category__code="technical").first()
    if corrected is not None:
        knowledge_services.save_article(
            by=staff,
            article=corrected,
            language="fr",
            title=corrected.title,
            body=corrected.body + " Les codes de récupération se trouvent dans « Mon compte ».",
            category=corrected.category,
        )
    return count


def _story(request: Request, story: str, staff: User, rng: random.Random) -> None:
    answer = {
        "ar": "شكرًا على سؤالكم. أرسلنا إليكم الوثيقة المطلوبة بالبريد الإلكتروني.",
        "fr": "Merci pour votre question. Nous vous avons envoyé le document demandé par e-mail.",
        "en": "Thank you for your question. We e-mailed you the document you asked for.",
    }[request.language]
    if story in ("new", "new_breached", "about_to_miss"):
        return
    if story in ("open", "open_breached"):
        services.assign(request=request, by=staff, assignee=staff)
        services.add_note(
            request=request,
            by=staff,
            body="Checked with the training team; waiting for their list.",
        )
        return
    if story == "merged":
        return
    then = Status.WAITING if story == "waiting" else Status.RESOLVED
    services.reply(request=request, by=staff, body=answer, then=then)
    if story == "resolved_rated":
        services.rate(request=request, rating="good")
    elif story == "resolved_bad":
        services.rate(request=request, rating="bad")
    elif story == "closed":
        services.change_status(request=request, by=staff, status=Status.CLOSED)
    elif story == "reopened":
        services.add_asker_message(
            request=request,
            by=request.requester,
            body="It still does not work with my new phone.",
            by_email=True,
        )


def _seed_requests(
    staff: User, categories: dict[str, Category], rng: random.Random
) -> dict[str, int]:
    counts: dict[str, int] = {}
    merged_into: Request | None = None
    duplicates: list[Request] = []
    for code, number, category, subject, description, language, story, days in REQUESTS:
        asker = User.objects.filter(email=f"officer{number}.{code.lower()}@example.org").first()
        if asker is None:
            continue
        request = services.open_request(
            by=asker, category=categories[category], subject=subject, description=description
        )
        Request.objects.filter(pk=request.pk).update(language=language)
        request.language = language
        _story(request, story, staff, rng)
        if story == "merged":
            duplicates.append(request)
        if story == "open_breached":
            merged_into = request
        now = timezone.now()
        if story == "about_to_miss":
            # Opened a while ago; the first answer is due in 45 minutes.
            Request.objects.filter(pk=request.pk).update(
                created_at=now - timedelta(hours=3), first_response_due=now + timedelta(minutes=45)
            )
            Message.objects.filter(request=request).update(created_at=now - timedelta(hours=3))
        elif days:
            _shift(request, timedelta(days=days, hours=1))
        counts[story] = counts.get(story, 0) + 1
    for duplicate in duplicates:
        if merged_into is not None:
            services.merge(duplicate=duplicate, into=merged_into, by=staff)
    return counts


def _seed_visitor_and_mail(categories: dict[str, Category]) -> None:
    visitor = services.open_public_request(
        name="Karim Benali",
        email="karim.benali@example.net",
        language="fr",
        country=Country.objects.filter(code="DZ").first(),
        category=categories["nominations"],
        subject="Comment participer au programme ?",
        description="Je suis officier de police et je voudrais savoir comment être proposé pour une formation.",
    )
    _shift(visitor, timedelta(days=1, hours=2))
    waiting = Request.objects.filter(status=Status.WAITING).first()
    HeldMail.objects.create(
        reason=HeldReason.UNKNOWN_SENDER,
        request=waiting,
        sender="someone.else@example.net",
        subject=f"Re: [{waiting.reference if waiting else 'SUP-XXXXXXXX'}] …",
        body="I am writing for my colleague.",
        raw=b"From: someone.else@example.net\r\n\r\n...",
    )
    HeldMail.objects.create(
        reason=HeldReason.NO_REFERENCE,
        sender="newsletter@example.com",
        subject="Our offers this month",
        body="…",
        raw=b"From: newsletter@example.com\r\n\r\n...",
    )


@register_seeder(68, "support")
def seed_support(say: Callable[[str], None]) -> None:
    if Category.objects.exists():
        say("Support: categories exist already; nothing seeded.")
        return
    staff = _staff()
    if staff is None:
        say("Support: no programme staff account; nothing seeded.")
        return
    started = timezone.now()
    rng = random.Random(2026)
    with mail.silenced():
        categories = _seed_reference_data(staff, say)
        articles = _seed_articles(staff, categories)
        counts = _seed_requests(staff, categories, rng)
        _seed_visitor_and_mail(categories)
    Notification.objects.filter(kind__startswith="support.", created_at__gte=started).delete()
    states = Request.objects.values_list("status", flat=True)
    by_state: dict[str, int] = {}
    for state in states:
        by_state[state] = by_state.get(state, 0) + 1
    say(
        f"Support: {len(categories)} categories, {Request.objects.count()} requests ("
        + ", ".join(f"{n} {state}" for state, n in sorted(by_state.items()))
        + f"), {Request.objects.breached().count()} past a target, one due within the hour, "
        f"{articles} knowledge-base articles in three languages, 2 e-mails held for staff."
    )
    del counts
