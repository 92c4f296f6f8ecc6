"""Demo accounts: staff, focal points, board members, the other roles and ~200 officers.

Every name is synthetic: common given and family names combined at random (fixed seed), each
with its Arabic spelling. All demo accounts share the password ``momentum-demo``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from django.contrib.auth.hashers import make_password

from momentum.core.demo import DEMO_PASSWORD, register_seeder
from momentum.core.models import Agency, AreaOfWork, Country
from momentum.people.models import Profile, Rank, RankLevel, Role, RoleAssignment, Sex, User

WOMEN = [
    ("Amina", "أمينة"),
    ("Fatima", "فاطمة"),
    ("Leila", "ليلى"),
    ("Nour", "نور"),
    ("Salma", "سلمى"),
    ("Yasmine", "ياسمين"),
    ("Rania", "رانيا"),
    ("Hanane", "حنان"),
    ("Samira", "سميرة"),
    ("Khadija", "خديجة"),
    ("Meriem", "مريم"),
    ("Dina", "دينا"),
    ("Rim", "ريم"),
    ("Asma", "أسماء"),
    ("Sanaa", "سناء"),
    ("Houda", "هدى"),
    ("Imane", "إيمان"),
    ("Lina", "لينا"),
    ("Nadia", "نادية"),
    ("Ghada", "غادة"),
]
MEN = [
    ("Ahmed", "أحمد"),
    ("Mohamed", "محمد"),
    ("Youssef", "يوسف"),
    ("Karim", "كريم"),
    ("Omar", "عمر"),
    ("Khaled", "خالد"),
    ("Samir", "سمير"),
    ("Rachid", "رشيد"),
    ("Tarek", "طارق"),
    ("Nabil", "نبيل"),
    ("Hichem", "هشام"),
    ("Ali", "علي"),
    ("Walid", "وليد"),
    ("Mourad", "مراد"),
    ("Bilal", "بلال"),
    ("Ziad", "زياد"),
    ("Hamza", "حمزة"),
    ("Anas", "أنس"),
    ("Fadi", "فادي"),
    ("Adel", "عادل"),
]
FAMILIES = [
    ("Benali", "بن علي"),
    ("Haddad", "حداد"),
    ("Mansour", "منصور"),
    ("Khalil", "خليل"),
    ("Saleh", "صالح"),
    ("Nasser", "ناصر"),
    ("Bouzid", "بوزيد"),
    ("Hamdan", "حمدان"),
    ("Ayoub", "أيوب"),
    ("Othmani", "العثماني"),
    ("Jaber", "جابر"),
    ("Rahmouni", "الرحموني"),
    ("Toumi", "التومي"),
    ("Amrani", "العمراني"),
    ("Sabbagh", "الصباغ"),
    ("Daher", "ضاهر"),
    ("Qasem", "قاسم"),
    ("Zidane", "زيدان"),
    ("Farah", "فرح"),
    ("Masri", "المصري"),
    ("Khoury", "الخوري"),
    ("Alaoui", "العلوي"),
    ("Chebbi", "الشابي"),
    ("Barakat", "بركات"),
]
# Each level's ranks, most junior first: (English, French, Arabic).
RANKS = {
    RankLevel.JUNIOR: [
        ("Police officer", "Agent de police", "شرطي"),
        ("Sergeant", "Sergent", "رقيب"),
        ("Inspector", "Inspecteur de police", "مفتش شرطة"),
    ],
    RankLevel.MID: [
        ("Lieutenant", "Lieutenant", "ملازم"),
        ("Captain", "Capitaine", "نقيب"),
        ("Chief inspector", "Inspecteur principal", "مفتش شرطة أول"),
    ],
    RankLevel.SENIOR: [
        ("Major", "Commandant", "رائد"),
        ("Commissioner", "Commissaire de police", "مفوض شرطة"),
        ("Colonel", "Colonel", "عقيد"),
    ],
}
COUNTRY_LANGUAGES = {
    "DZ": ["ar", "fr"],
    "MA": ["ar", "fr"],
    "TN": ["ar", "fr"],
    "LB": ["ar", "fr", "en"],
    "EG": ["ar", "en"],
    "JO": ["ar", "en"],
    "PS": ["ar", "en"],
}
OFFICERS_PER_COUNTRY = 29  # 7 × 29 = 203 officers


def _person(
    email: str, password: str, given: tuple[str, str], family: tuple[str, str], language: str
) -> User:
    return User.objects.create(
        email=email,
        password=password,
        given_name=given[0],
        family_name=family[0],
        given_name_ar=given[1],
        family_name_ar=family[1],
        preferred_language=language,
    )


def _seed_ranks() -> dict[str, list[Rank]]:
    """The ranks of each level, in the three languages (kept if they already exist)."""
    ranks: dict[str, list[Rank]] = {}
    order = 0
    for level, names in RANKS.items():
        for english, french, arabic in names:
            order += 10
            rank, _created = Rank.objects.update_or_create(
                name_en=english,
                defaults={
                    "name_fr": french,
                    "name_ar": arabic,
                    "level": level,
                    "order": order,
                },
            )
            ranks.setdefault(level, []).append(rank)
    return ranks


@register_seeder(20, "people")
def seed_people(say: Callable[[str], None]) -> None:
    rng = random.Random(2023)  # fixed: the demo is the same everywhere
    ranks = _seed_ranks()
    password = make_password(DEMO_PASSWORD)  # hashed once, shared by every demo account
    countries = list(Country.objects.order_by("code"))
    areas = list(AreaOfWork.objects.all())
    agencies: dict[int, list[Agency]] = {}
    for agency in Agency.objects.all():
        agencies.setdefault(agency.country_id, []).append(agency)

    staff = _person("staff@example.org", password, ("Claire", "كلير"), ("Martin", "مارتن"), "en")
    RoleAssignment.objects.create(user=staff, role=Role.STAFF)
    lines = ["staff@example.org (programme staff)"]
    for email, role, given, family, language in [
        ("trainer@example.org", Role.TRAINER, ("Jonas", "يوناس"), ("Berg", "بيرغ"), "en"),
        ("mentor@example.org", Role.MENTOR, ("Sophie", "صوفي"), ("Laurent", "لوران"), "fr"),
        ("moderator@example.org", Role.MODERATOR, ("Rana", "رنا"), ("Haddad", "حداد"), "ar"),
        ("donor@example.org", Role.DONOR, ("Elena", "إيلينا"), ("Rossi", "روسي"), "en"),
    ]:
        user = _person(email, password, given, family, language)
        RoleAssignment.objects.create(user=user, role=role)
        lines.append(f"{email} ({role.label})")

    officers = 0
    for country in countries:
        cc = country.code.lower()
        languages = COUNTRY_LANGUAGES.get(country.code, ["ar", "en"])
        focal = _person(
            f"focal.{cc}@example.org",
            password,
            rng.choice(MEN + WOMEN),
            rng.choice(FAMILIES),
            languages[-1] if languages[-1] != "ar" else "ar",
        )
        RoleAssignment.objects.create(user=focal, role=Role.FOCAL_POINT, country=country)
        board = _person(
            f"board.{cc}@example.org",
            password,
            rng.choice(WOMEN),
            rng.choice(FAMILIES),
            languages[0],
        )
        RoleAssignment.objects.create(user=board, role=Role.BOARD_MEMBER, country=country)
        lines.append(f"focal.{cc}@example.org, board.{cc}@example.org ({country.code})")
        for number in range(1, OFFICERS_PER_COUNTRY + 1):
            sex = Sex.FEMALE if rng.random() < 0.45 else Sex.MALE
            given = rng.choice(WOMEN if sex == Sex.FEMALE else MEN)
            level = rng.choices(list(RankLevel), weights=[5, 4, 1])[0]
            user = _person(
                f"officer{number}.{cc}@example.org",
                password,
                given,
                rng.choice(FAMILIES),
                rng.choice(languages),
            )
            RoleAssignment.objects.create(user=user, role=Role.OFFICER, country=country)
            profile = Profile.objects.create(
                user=user,
                sex=sex,
                country=country,
                agency=rng.choice(agencies[country.pk]),
                rank=rng.choice(ranks[level]),
                rank_level=level,
                languages=sorted(rng.sample(languages, k=min(len(languages), rng.randint(1, 2)))),
            )
            profile.areas_of_work.set(rng.sample(areas, k=rng.randint(1, 3)))
            officers += 1
        lines.append(
            f"  officer1.{cc}@example.org … officer{OFFICERS_PER_COUNTRY}.{cc}@example.org"
        )
    say(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for line in lines:
        say(f"  {line}")
    say(f"{officers} synthetic officers in {len(countries)} countries.")
