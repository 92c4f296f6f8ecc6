"""The programme's standard needs-assessment questionnaire, as data: the demo builds it and
the tests and benchmarks build it (or a larger one) the same way."""

from __future__ import annotations

from typing import Any

from momentum.core.models import AreaOfWork
from momentum.needs.models import Question, Questionnaire, Section

YES_NO_HINT = ("", "", "")

# (name, kind, (en, fr, ar), options)
SECTIONS: list[
    tuple[str, tuple[str, str, str], list[tuple[str, str, tuple[str, str, str], dict[str, Any]]]]
] = [
    (
        "offer",
        ("Current training offer", "Offre de formation actuelle", "العرض التدريبي الحالي"),
        [
            (
                "has_academy",
                "yes_no",
                (
                    "Does your police have its own training academy?",
                    "Votre police a-t-elle sa propre académie de formation ?",
                    "هل لدى جهاز الشرطة لديكم أكاديمية تدريب خاصة به؟",
                ),
                {"required": True},
            ),
            (
                "academy_name",
                "text",
                ("Name of the academy", "Nom de l'académie", "اسم الأكاديمية"),
                {"show_if": ("has_academy", "is", "yes"), "required": True},
            ),
            (
                "courses_a_year",
                "number",
                (
                    "Courses offered each year",
                    "Cours offerts chaque année",
                    "عدد الدورات المقدمة سنويًا",
                ),
                {
                    "min": 0,
                    "max": 2000,
                    "unit": "courses",
                    "message": (
                        "Enter a number of courses between 0 and 2000.",
                        "Indiquez un nombre de cours entre 0 et 2000.",
                        "أدخل عددًا من الدورات بين 0 و2000.",
                    ),
                },
            ),
            (
                "languages",
                "multiple",
                ("Languages of instruction", "Langues d'enseignement", "لغات التدريس"),
                {
                    "choices": [
                        ("ar", "Arabic", "Arabe", "العربية"),
                        ("fr", "French", "Français", "الفرنسية"),
                        ("en", "English", "Anglais", "الإنجليزية"),
                    ]
                },
            ),
            (
                "last_review",
                "date",
                (
                    "Date of the last review of the curriculum",
                    "Date du dernier examen du programme",
                    "تاريخ آخر مراجعة للمنهج",
                ),
                {},
            ),
        ],
    ),
    (
        "gender",
        (
            "Gender-sensitive policing",
            "Police sensible au genre",
            "العمل الشرطي المراعي للنوع الاجتماعي",
        ),
        [
            (
                "gender_unit",
                "yes_no",
                (
                    "Is there a unit or focal point for gender issues?",
                    "Existe-t-il une unité ou un point focal pour les questions de genre ?",
                    "هل توجد وحدة أو جهة اتصال لقضايا النوع الاجتماعي؟",
                ),
                {"required": True},
            ),
            (
                "support",
                "multiple",
                (
                    "What supports women's participation today?",
                    "Qu'est-ce qui soutient aujourd'hui la participation des femmes ?",
                    "ما الذي يدعم مشاركة المرأة حاليًا؟",
                ),
                {
                    "choices": [
                        ("mentoring", "Mentoring", "Mentorat", "الإرشاد"),
                        (
                            "network",
                            "A women officers' network",
                            "Un réseau de femmes policières",
                            "شبكة للشرطيات",
                        ),
                        (
                            "targets",
                            "Recruitment targets",
                            "Objectifs de recrutement",
                            "أهداف التوظيف",
                        ),
                        (
                            "training",
                            "Leadership training",
                            "Formation au leadership",
                            "التدريب على القيادة",
                        ),
                    ]
                },
            ),
            (
                "network_members",
                "number",
                (
                    "Members of the women officers' network",
                    "Membres du réseau de femmes policières",
                    "عدد عضوات شبكة الشرطيات",
                ),
                {"show_if": ("support", "includes", "network"), "min": 0, "max": 100000},
            ),
            (
                "main_obstacle",
                "single",
                (
                    "The main obstacle to women's careers",
                    "Le principal obstacle à la carrière des femmes",
                    "العائق الرئيسي أمام المسار المهني للمرأة",
                ),
                {
                    "choices": [
                        ("recruitment", "Recruitment", "Recrutement", "التوظيف"),
                        ("promotion", "Promotion", "Promotion", "الترقية"),
                        ("retention", "Retention", "Fidélisation", "الاستبقاء"),
                        (
                            "deployment",
                            "Deployment to operational posts",
                            "Affectation aux postes opérationnels",
                            "الانتشار في المناصب الميدانية",
                        ),
                    ]
                },
            ),
            (
                "environment",
                "scale",
                (
                    "How supportive is the working environment for women? (1 to 5)",
                    "Dans quelle mesure l'environnement de travail soutient-il "
                    "les femmes ? (1 à 5)",
                    "إلى أي مدى تدعم بيئة العمل المرأة؟ (من 1 إلى 5)",
                ),
                {"min": 1, "max": 5},
            ),
            (
                "comments",
                "text",
                (
                    "Anything else about women's participation",
                    "Autre chose sur la participation des femmes",
                    "أي ملاحظات أخرى حول مشاركة المرأة",
                ),
                {},
            ),
        ],
    ),
    (
        "figures",
        (
            "Women in law enforcement, in figures",
            "Les femmes dans les forces de l'ordre, en chiffres",
            "المرأة في أجهزة إنفاذ القانون بالأرقام",
        ),
        [
            (
                "personnel_by_rank",
                "headcount",
                (
                    "Police personnel by sex and rank level",
                    "Personnel de police par sexe et niveau hiérarchique",
                    "أفراد الشرطة حسب الجنس والمستوى الوظيفي",
                ),
                {"grid_rows": "rank_level", "required": True},
            ),
            (
                "personnel_by_area",
                "headcount",
                (
                    "Police personnel by sex and area of work",
                    "Personnel de police par sexe et domaine d'activité",
                    "أفراد الشرطة حسب الجنس ومجال العمل",
                ),
                {
                    "grid_rows": "area_of_work",
                    "choices": [
                        (
                            "border-management",
                            "Border management",
                            "Gestion des frontières",
                            "إدارة الحدود",
                        ),
                        ("investigations", "Investigations", "Enquêtes", "التحقيقات"),
                        ("training", "Training", "Formation", "التدريب"),
                    ],
                },
            ),
            (
                "women_leaders",
                "number",
                (
                    "Women in leadership posts",
                    "Femmes à des postes de direction",
                    "النساء في المناصب القيادية",
                ),
                {"min": 0, "max": 100000, "unit": "persons"},
            ),
        ],
    ),
]

NEED_AREAS = (
    "border-management",
    "human-trafficking",
    "osint",
    "criminal-analysis",
    "investigations",
)


def _choices(entries: list[tuple[str, str, str, str]]) -> list[dict[str, str]]:
    return [{"value": value, "en": en, "fr": fr, "ar": ar} for value, en, fr, ar in entries]


def build(code: str = "needs-assessment", *, extra_questions: int = 0) -> Questionnaire:
    """Create the questionnaire (and a section of training needs per area of work, scored for
    the priority matrix). ``extra_questions`` adds plain questions, for the benchmarks."""
    questionnaire = Questionnaire.objects.create(
        code=code,
        title_en="Needs assessment of the partner countries",
        title_fr="Évaluation des besoins des pays partenaires",
        title_ar="تقييم احتياجات البلدان الشريكة",
    )
    created: dict[str, Question] = {}
    section_order = 0
    areas = {area.code: area for area in AreaOfWork.objects.filter(code__in=NEED_AREAS)}
    if areas:
        section_order += 1
        section = Section.objects.create(
            questionnaire=questionnaire,
            order=section_order,
            name="needs",
            title_en="Training needs by area of work",
            title_fr="Besoins de formation par domaine d'activité",
            title_ar="الاحتياجات التدريبية حسب مجال العمل",
        )
        order = 0
        for code_ in NEED_AREAS:
            area = areas.get(code_)
            if area is None:
                continue
            for measure, en, fr, ar in (
                (
                    "importance",
                    "How important is training in %s? (1 to 5)",
                    "Quelle est l'importance de la formation en %s ? (1 à 5)",
                    "ما أهمية التدريب في مجال %s؟ (من 1 إلى 5)",
                ),
                (
                    "gap",
                    "How large is the gap in today's training in %s? (1 to 5)",
                    "Quelle est l'ampleur du manque de formation en %s ? (1 à 5)",
                    "ما حجم النقص في التدريب الحالي في مجال %s؟ (من 1 إلى 5)",
                ),
            ):
                order += 1
                created[f"{measure}_{code_}"] = Question.objects.create(
                    section=section,
                    order=order,
                    name=f"{measure}_{code_.replace('-', '_')}",
                    kind="scale",
                    label_en=en % area.name_en,  # type: ignore[attr-defined]
                    label_fr=fr % area.name_fr,  # type: ignore[attr-defined]
                    label_ar=ar % area.name_ar,  # type: ignore[attr-defined]
                    min_value=1,
                    max_value=5,
                    area_of_work=area,
                    need_measure=measure,
                )
    for name, titles, questions in SECTIONS:
        section_order += 1
        section = Section.objects.create(
            questionnaire=questionnaire,
            order=section_order,
            name=name,
            title_en=titles[0],
            title_fr=titles[1],
            title_ar=titles[2],
        )
        for order, (qname, kind, labels, options) in enumerate(questions, start=1):
            message = options.get("message", ("", "", ""))
            question = Question.objects.create(
                section=section,
                order=order,
                name=qname,
                kind=kind,
                label_en=labels[0],
                label_fr=labels[1],
                label_ar=labels[2],
                message_en=message[0],
                message_fr=message[1],
                message_ar=message[2],
                required=options.get("required", False),
                choices=_choices(options.get("choices", [])),
                unit=options.get("unit", ""),
                min_value=options.get("min"),
                max_value=options.get("max"),
                grid_rows=options.get("grid_rows", ""),
            )
            if "show_if" in options:
                trigger, operator, value = options["show_if"]
                question.show_if = created[trigger]
                question.show_operator = operator
                question.show_value = value
                question.save(update_fields=["show_if", "show_operator", "show_value"])
            created[qname] = question
    if extra_questions:
        section_order += 1
        section = Section.objects.create(
            questionnaire=questionnaire,
            order=section_order,
            name="more",
            title_en="More questions",
            title_fr="Autres questions",
            title_ar="أسئلة أخرى",
        )
        for index in range(extra_questions):
            kind = ("number", "text", "yes_no", "scale", "single")[index % 5]
            Question.objects.create(
                section=section,
                order=index + 1,
                name=f"extra_{index}",
                kind=kind,
                label_en=f"Question {index}",
                label_fr=f"Question {index}",
                label_ar=f"السؤال {index}",
                min_value=0 if kind == "number" else (1 if kind == "scale" else None),
                max_value=100 if kind == "number" else (5 if kind == "scale" else None),
                choices=_choices([("a", "A", "A", "أ"), ("b", "B", "B", "ب")])
                if kind == "single"
                else [],
            )
    return questionnaire
