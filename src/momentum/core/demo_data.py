"""The Momentum MENA programme's reference data, from its brochure and public facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from momentum.core.demo import register_seeder
from momentum.core.models import (
    Agency,
    AreaOfWork,
    City,
    Country,
    CountryStatus,
    Goal,
    Programme,
    ThematicArea,
)

COUNTRIES = [
    # code, English, French, Arabic, status
    ("DZ", "Algeria", "Algérie", "الجزائر", CountryStatus.ACTIVE),
    ("EG", "Egypt", "Égypte", "مصر", CountryStatus.NOT_YET_ACTIVE),
    ("JO", "Jordan", "Jordanie", "الأردن", CountryStatus.ACTIVE),
    ("LB", "Lebanon", "Liban", "لبنان", CountryStatus.ACTIVE),
    ("MA", "Morocco", "Maroc", "المغرب", CountryStatus.ACTIVE),
    ("PS", "Palestine", "Palestine", "فلسطين", CountryStatus.ACTIVE),
    ("TN", "Tunisia", "Tunisie", "تونس", CountryStatus.ACTIVE),
]

# Where sessions meet, by country: (English, French, Arabic).
CITIES = {
    "DZ": [("Algiers", "Alger", "الجزائر العاصمة"), ("Oran", "Oran", "وهران")],
    "EG": [("Cairo", "Le Caire", "القاهرة"), ("Alexandria", "Alexandrie", "الإسكندرية")],
    "JO": [("Amman", "Amman", "عمّان"), ("Aqaba", "Aqaba", "العقبة")],
    "LB": [("Beirut", "Beyrouth", "بيروت"), ("Tripoli", "Tripoli", "طرابلس")],
    "MA": [("Rabat", "Rabat", "الرباط"), ("Casablanca", "Casablanca", "الدار البيضاء")],
    "PS": [("Ramallah", "Ramallah", "رام الله"), ("Jericho", "Jéricho", "أريحا")],
    "TN": [("Tunis", "Tunis", "تونس العاصمة"), ("Sousse", "Sousse", "سوسة")],
}

GOALS = [
    (
        "Strengthen and promote access to INTERPOL's resources and tools against transnational organised crime.",
        "Renforcer et promouvoir l'accès aux ressources et outils d'INTERPOL contre la criminalité organisée transnationale.",
        "تعزيز وتيسير الوصول إلى موارد الإنتربول وأدواته لمكافحة الجريمة المنظمة العابرة للحدود.",
    ),
    (
        "Upskill officers' knowledge and competencies in key areas of transnational law-enforcement work.",
        "Renforcer les connaissances et compétences des agents dans les domaines clés de l'action policière transnationale.",
        "تطوير معارف الضباط وكفاءاتهم في المجالات الرئيسية لعمل إنفاذ القانون العابر للحدود.",
    ),
    (
        "Support female officers' meaningful participation and deployment across law-enforcement work.",
        "Soutenir la participation effective des femmes officiers et leur déploiement dans tous les domaines de l'action policière.",
        "دعم المشاركة الفعلية للضابطات وانتشارهن في مختلف مجالات عمل إنفاذ القانون.",
    ),
    (
        "With partners, develop tools and resources for law-enforcement services that are sensitive to the security needs of women and men.",
        "Développer avec les partenaires des outils et ressources pour des services de police attentifs aux besoins de sécurité des femmes et des hommes.",
        "تطوير أدوات وموارد مع الشركاء لخدمات إنفاذ قانون تراعي الاحتياجات الأمنية للنساء والرجال.",
    ),
]

AREAS_OF_WORK = [
    ("border-management", "Border management", "Gestion des frontières", "إدارة الحدود"),
    ("biometrics", "Biometrics", "Biométrie", "القياسات الحيوية"),
    ("human-trafficking", "Human trafficking", "Traite des êtres humains", "الاتجار بالبشر"),
    ("migrant-smuggling", "Smuggling of migrants", "Trafic de migrants", "تهريب المهاجرين"),
    ("project-management", "Project management", "Gestion de projets", "إدارة المشاريع"),
    (
        "osint",
        "Open-source investigations",
        "Enquêtes en sources ouvertes",
        "التحقيقات في المصادر المفتوحة",
    ),
    (
        "criminal-analysis",
        "Criminal intelligence analysis",
        "Analyse du renseignement criminel",
        "تحليل المعلومات الجنائية",
    ),
    ("investigations", "Investigations", "Enquêtes", "التحقيقات"),
    ("training", "Training", "Formation", "التدريب"),
    (
        "ncb",
        "INTERPOL National Central Bureau",
        "Bureau central national d'INTERPOL",
        "المكتب المركزي الوطني للإنتربول",
    ),
]

THEMATIC_AREAS = [
    (
        "tocr",
        "Transnational organised crime",
        "Criminalité organisée transnationale",
        "الجريمة المنظمة العابرة للحدود",
    ),
    (
        "interpol-capabilities",
        "INTERPOL policing capabilities",
        "Capacités policières d'INTERPOL",
        "القدرات الشرطية للإنتربول",
    ),
    ("border-security", "Border security", "Sécurité des frontières", "أمن الحدود"),
    ("leadership", "Leadership", "Leadership", "القيادة"),
    (
        "gender-sensitive-policing",
        "Gender-sensitive policing",
        "Police sensible au genre",
        "العمل الشرطي المراعي للنوع الاجتماعي",
    ),
]

AGENCIES = {
    "DZ": [
        (
            "DGSN",
            "Directorate General of National Security",
            "Direction générale de la Sûreté nationale",
            "المديرية العامة للأمن الوطني",
        ),
        ("GN", "National Gendarmerie", "Gendarmerie nationale", "الدرك الوطني"),
    ],
    "EG": [("MOI", "Ministry of Interior", "Ministère de l'Intérieur", "وزارة الداخلية")],
    "JO": [
        (
            "PSD",
            "Public Security Directorate",
            "Direction de la sécurité publique",
            "مديرية الأمن العام",
        )
    ],
    "LB": [
        ("ISF", "Internal Security Forces", "Forces de sécurité intérieure", "قوى الأمن الداخلي"),
        (
            "GS",
            "General Directorate of General Security",
            "Direction générale de la Sûreté générale",
            "المديرية العامة للأمن العام",
        ),
    ],
    "MA": [
        (
            "DGSN",
            "General Directorate for National Security",
            "Direction générale de la Sûreté nationale",
            "المديرية العامة للأمن الوطني",
        ),
        ("GR", "Royal Gendarmerie", "Gendarmerie royale", "الدرك الملكي"),
    ],
    "PS": [
        (
            "PCP",
            "Palestinian Civil Police",
            "Police civile palestinienne",
            "الشرطة المدنية الفلسطينية",
        )
    ],
    "TN": [
        (
            "DGSN",
            "General Directorate of National Security",
            "Direction générale de la Sûreté nationale",
            "الإدارة العامة للأمن الوطني",
        ),
        ("GN", "National Guard", "Garde nationale", "الحرس الوطني"),
    ],
}


@register_seeder(10, "programme")
def seed_programme(say: Callable[[str], None]) -> None:
    programme = Programme.objects.create(
        code="momentum-mena",
        name_en="Project Momentum MENA",
        name_fr="Projet Momentum MENA",
        name_ar="مشروع مومنتوم للشرق الأوسط وشمال أفريقيا",
        description_en="Gender Mainstreaming and Combating Transnational Organized Crime — "
        "INTERPOL's EU-funded capacity-building project with seven partner countries.",
        description_fr="Intégration de la dimension de genre et lutte contre la criminalité "
        "organisée transnationale — projet d'INTERPOL financé par l'Union européenne.",
        description_ar="تعميم مراعاة النوع الاجتماعي ومكافحة الجريمة المنظمة العابرة للحدود — "
        "مشروع للإنتربول يموّله الاتحاد الأوروبي مع سبعة بلدان شريكة.",
        funder="European Union",
        starts_on=date(2022, 1, 1),
        ends_on=date(2025, 12, 31),
    )
    for number, (en, fr, ar) in enumerate(GOALS, start=1):
        Goal.objects.create(programme=programme, number=number, text_en=en, text_fr=fr, text_ar=ar)
    countries = [
        Country.objects.create(code=code, name_en=en, name_fr=fr, name_ar=ar, status=status)
        for code, en, fr, ar, status in COUNTRIES
    ]
    programme.countries.set(countries)
    for code, en, fr, ar in AREAS_OF_WORK:
        AreaOfWork.objects.create(code=code, name_en=en, name_fr=fr, name_ar=ar)
    for code, en, fr, ar in THEMATIC_AREAS:
        ThematicArea.objects.create(
            programme=programme, code=code, name_en=en, name_fr=fr, name_ar=ar
        )
    by_code = {country.code: country for country in countries}
    for code, cities in CITIES.items():
        for en, fr, ar in cities:
            City.objects.create(country=by_code[code], name_en=en, name_fr=fr, name_ar=ar)
    for code, agencies in AGENCIES.items():
        for acronym, en, fr, ar in agencies:
            Agency.objects.create(
                country=by_code[code], acronym=acronym, name_en=en, name_fr=fr, name_ar=ar
            )
    say(f"Programme: {programme.code}, {len(countries)} partner countries (Egypt not yet active).")
