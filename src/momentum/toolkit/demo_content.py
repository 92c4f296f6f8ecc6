"""The demo toolkit's texts, in English, French and Arabic (the source language first)."""

from __future__ import annotations

from typing import Any

# Each part: titles (en, fr, ar) and chapters; each chapter: titles, and sections of
# (kind, source language, {language: (title, body, sources)}).
PARTS: list[Any] = [
    (
        ("Foundations", "Fondements", "الأسس"),
        [
            (
                (
                    "Why gender matters in policing",
                    "Pourquoi le genre compte dans le travail policier",
                    "لماذا يهم النوع الاجتماعي في العمل الشرطي",
                ),
                [
                    (
                        "tool",
                        "en",
                        {
                            "en": (
                                "Security needs of women and men",
                                "Women and men face different threats: women report more "
                                "violence at home, men more violence in public places.\n\n"
                                "A police service that knows these differences plans patrols, "
                                "staffing and training so that both are protected.",
                                "DCAF, Gender and Security Toolkit, Tool 2, 2019",
                            ),
                            "fr": (
                                "Besoins de sécurité des femmes et des hommes",
                                "Les femmes et les hommes font face à des menaces différentes : "
                                "les femmes signalent davantage de violences au foyer, les "
                                "hommes dans l'espace public.\n\n"
                                "Un service de police qui connaît ces différences organise ses "
                                "patrouilles, ses effectifs et sa formation pour protéger "
                                "chacun.",
                                "DCAF, Boîte à outils Genre et sécurité, outil 2, 2019",
                            ),
                            "ar": (
                                "الاحتياجات الأمنية للنساء والرجال",
                                "تواجه النساء والرجال تهديدات مختلفة: تبلّغ النساء أكثر عن العنف "
                                "في المنزل، ويبلّغ الرجال أكثر عن العنف في الأماكن العامة.\n\n"
                                "إن جهاز الشرطة الذي يعرف هذه الفروق يخطط للدوريات والموارد "
                                "البشرية والتدريب بحيث يحمي الجميع.",
                                "مركز جنيف لحوكمة قطاع الأمن، مجموعة أدوات النوع الاجتماعي "
                                "والأمن، الأداة 2، 2019",
                            ),
                        },
                    ),
                ],
            ),
            (
                (
                    "Receiving complaints of gender-based violence",
                    "Recevoir les plaintes pour violences fondées sur le genre",
                    "استقبال الشكاوى المتعلقة بالعنف القائم على النوع الاجتماعي",
                ),
                [
                    (
                        "checklist",
                        "ar",
                        {
                            "ar": (
                                "قائمة تحقق لاستقبال الشكوى",
                                "- استقبل الشاكية في غرفة منفصلة بعيداً عن المعتدي.\n"
                                "- اعرض عليها أن تتحدث مع ضابطة إن رغبت في ذلك.\n"
                                "- سجّل ما حدث بكلماتها واشرح لها الخطوات التالية.\n\n"
                                "أحِل الشاكية إلى إدارة حماية الأسرة خلال يوم واحد.",
                                "إدارة حماية الأسرة، دليل الإجراءات، عمّان، 2021",
                            ),
                            "en": (
                                "Checklist for receiving a complaint",
                                "- Receive the complainant in a separate room, away from the "
                                "abuser.\n- Offer her to speak with a woman officer if she "
                                "wishes.\n- Record what happened in her own words and explain "
                                "the next steps.\n\n"
                                "Refer the complainant to the Family Protection Department "
                                "within one day.",
                                "Family Protection Department, Procedures manual, Amman, 2021",
                            ),
                        },
                    ),
                ],
            ),
        ],
    ),
    (
        ("Operational tools", "Outils opérationnels", "أدوات عملياتية"),
        [
            (
                (
                    "A gender-sensitive police station",
                    "Un commissariat sensible au genre",
                    "مركز شرطة مراعٍ للنوع الاجتماعي",
                ),
                [
                    (
                        "checklist",
                        "en",
                        {
                            "en": (
                                "What the station offers",
                                "Separate waiting and interview rooms, changing rooms for "
                                "women officers, and a duty roster with a woman officer on "
                                "every shift.\n\n"
                                "Signs in Arabic, French and English tell visitors where to "
                                "report violence.",
                                "",
                            ),
                            "fr": (
                                "Ce que le commissariat offre",
                                "Des salles d'attente et d'audition séparées, des vestiaires "
                                "pour les policières et une policière dans chaque équipe.\n\n"
                                "Une signalétique en arabe, en français et en anglais indique "
                                "où signaler des violences.",
                                "",
                            ),
                        },
                    ),
                ],
            ),
            (
                (
                    "Women officers at border crossings",
                    "Les policières aux points de passage frontaliers",
                    "الشرطيات في المعابر الحدودية",
                ),
                [
                    (
                        "case_study",
                        "ar",
                        {
                            "ar": (
                                "دراسة حالة: معبر حدودي في الأردن",
                                "عيّنت مديرية الأمن العام ضابطات في نقاط التفتيش الأولى عند "
                                "المعبر.\n\n"
                                "ارتفع عدد البلاغات عن الاتجار بالنساء بعد أن أصبحت المسافرات "
                                "يتحدثن مع ضابطات.",
                                "",
                            ),
                        },
                    ),
                ],
            ),
        ],
    ),
    (
        ("Training and leadership", "Formation et leadership", "التدريب والقيادة"),
        [
            (
                (
                    "Mixed patrol teams",
                    "Les patrouilles mixtes",
                    "الدوريات المختلطة",
                ),
                [
                    (
                        "practice_note",
                        "fr",
                        {
                            "fr": (
                                "Note pratique : composer une patrouille mixte",
                                "Une patrouille mixte compte au moins une policière et un "
                                "policier, formés ensemble.\n\n"
                                "Le chef d'équipe veille à ce que chacun accomplisse toutes les "
                                "tâches, pas seulement celles jugées « féminines ».",
                                "",
                            ),
                            "en": (
                                "Practice note: forming a mixed patrol",
                                "A mixed patrol has at least one woman and one man officer, "
                                "trained together.\n\n"
                                "The team leader makes sure both carry out every task, not only "
                                "those seen as suited to women.",
                                "",
                            ),
                        },
                    ),
                ],
            ),
            (
                (
                    "Mentoring women officers into leadership",
                    "Accompagner les policières vers le leadership",
                    "إرشاد الشرطيات نحو القيادة",
                ),
                [("tool", "en", {})],
            ),
        ],
    ),
]
