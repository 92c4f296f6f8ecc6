# ruff: noqa: E501  (tables of sentences in three languages)
"""DCAF's six themes and sixteen dimensions of a police agency's gender self-assessment (Gender
Self-Assessment Guide for the Police, Armed Forces and Justice Sector, 2011), as adapted here:
the names in three languages, a yes/partly/no question, an evidence question and, for
personnel, headcounts by sex and rank level; a statement for the anonymous personnel survey
where the wider staff's view counts. Installed by a migration; staff edit it afterwards."""

from __future__ import annotations

from typing import Any

# code, (en, fr, ar)
THEMES = [
    ("performance", ("Performance effectiveness", "Efficacité opérationnelle", "فعالية الأداء")),
    (
        "laws-policies",
        (
            "Laws, policies and planning",
            "Lois, politiques et planification",
            "القوانين والسياسات والتخطيط",
        ),
    ),
    ("community", ("Community relations", "Relations avec la population", "العلاقات مع المجتمع")),
    (
        "accountability",
        ("Accountability and oversight", "Redevabilité et contrôle", "المساءلة والرقابة"),
    ),
    ("personnel", ("Personnel", "Personnel", "الموارد البشرية")),
    ("culture", ("Institutional culture", "Culture institutionnelle", "الثقافة المؤسسية")),
]

# theme, code, names (en, fr, ar), question (en, fr, ar), survey statement (en, fr, ar) or None
DIMENSIONS = [
    (
        "performance",
        "crime-statistics",
        ("Crime statistics", "Statistiques de la criminalité", "إحصاءات الجريمة"),
        (
            "Does the agency record crimes and victims by sex and age, and use these figures in its planning?",
            "L'institution enregistre-t-elle les infractions et les victimes par sexe et par âge, et utilise-t-elle ces chiffres dans sa planification ?",
            "هل تسجّل المؤسسة الجرائم والضحايا حسب الجنس والعمر، وتستخدم هذه الأرقام في تخطيطها؟",
        ),
        None,
    ),
    (
        "performance",
        "gender-based-violence",
        (
            "Response to gender-based violence",
            "Réponse aux violences fondées sur le genre",
            "الاستجابة للعنف القائم على النوع الاجتماعي",
        ),
        (
            "Are there trained staff, procedures and private spaces to receive victims of gender-based violence?",
            "Existe-t-il du personnel formé, des procédures et des espaces confidentiels pour recevoir les victimes de violences fondées sur le genre ?",
            "هل يوجد موظفون مدرَّبون وإجراءات وأماكن خاصة لاستقبال ضحايا العنف القائم على النوع الاجتماعي؟",
        ),
        (
            "My agency takes reports of violence against women seriously.",
            "Mon institution prend au sérieux les signalements de violences faites aux femmes.",
            "تتعامل مؤسستي بجدية مع البلاغات عن العنف ضد المرأة.",
        ),
    ),
    (
        "laws-policies",
        "legal-framework",
        ("Laws and legal framework", "Lois et cadre juridique", "القوانين والإطار القانوني"),
        (
            "Does the agency know and apply the national and international laws on equality and on violence against women?",
            "L'institution connaît-elle et applique-t-elle les lois nationales et internationales sur l'égalité et sur les violences faites aux femmes ?",
            "هل تعرف المؤسسة القوانين الوطنية والدولية المتعلقة بالمساواة وبالعنف ضد المرأة وتطبّقها؟",
        ),
        None,
    ),
    (
        "laws-policies",
        "institutional-policies",
        (
            "Institutional policies and protocols",
            "Politiques et protocoles institutionnels",
            "السياسات والبروتوكولات المؤسسية",
        ),
        (
            "Does the agency have a written gender policy or strategy, and protocols that put it into practice?",
            "L'institution a-t-elle une politique ou une stratégie de genre écrite, et des protocoles qui la mettent en œuvre ?",
            "هل لدى المؤسسة سياسة أو استراتيجية مكتوبة للنوع الاجتماعي، وبروتوكولات تضعها موضع التنفيذ؟",
        ),
        None,
    ),
    (
        "laws-policies",
        "planning-budgeting",
        (
            "Planning, budgeting and monitoring",
            "Planification, budget et suivi",
            "التخطيط والميزانية والمتابعة",
        ),
        (
            "Do the agency's plans and budget include gender objectives, and are they monitored?",
            "Les plans et le budget de l'institution comprennent-ils des objectifs de genre, et sont-ils suivis ?",
            "هل تتضمّن خطط المؤسسة وميزانيتها أهدافًا تتعلق بالنوع الاجتماعي، وهل تُتابَع؟",
        ),
        None,
    ),
    (
        "community",
        "public-trust",
        ("Public perception and trust", "Perception et confiance du public", "نظرة الجمهور وثقته"),
        (
            "Does the agency ask women and men of the community how they see its services, and act on the answers?",
            "L'institution demande-t-elle aux femmes et aux hommes de la population comment ils perçoivent ses services, et en tient-elle compte ?",
            "هل تسأل المؤسسة نساء المجتمع ورجاله عن رأيهم في خدماتها، وهل تعمل بما يقولونه؟",
        ),
        (
            "Women in the community can come to my agency for help without fear.",
            "Les femmes de la population peuvent demander de l'aide à mon institution sans crainte.",
            "تستطيع النساء في المجتمع طلب المساعدة من مؤسستي دون خوف.",
        ),
    ),
    (
        "community",
        "partnerships",
        (
            "Collaboration with civil society and other agencies",
            "Collaboration avec la société civile et les autres institutions",
            "التعاون مع المجتمع المدني والمؤسسات الأخرى",
        ),
        (
            "Does the agency work with women's organisations, shelters and other services to refer and protect victims?",
            "L'institution travaille-t-elle avec les organisations de femmes, les centres d'hébergement et les autres services pour orienter et protéger les victimes ?",
            "هل تعمل المؤسسة مع المنظمات النسائية ودور الإيواء والخدمات الأخرى لإحالة الضحايا وحمايتهم؟",
        ),
        None,
    ),
    (
        "accountability",
        "internal-accountability",
        (
            "Internal accountability and complaints",
            "Redevabilité interne et plaintes",
            "المساءلة الداخلية والشكاوى",
        ),
        (
            "Can staff and the public complain about discrimination or misconduct safely, and are complaints followed up?",
            "Le personnel et le public peuvent-ils se plaindre de discrimination ou d'inconduite en sécurité, et les plaintes sont-elles suivies ?",
            "هل يستطيع الموظفون والجمهور تقديم شكوى من التمييز أو سوء السلوك بأمان، وهل تُتابَع الشكاوى؟",
        ),
        (
            "I could report discrimination at work without fearing for my career.",
            "Je pourrais signaler une discrimination au travail sans craindre pour ma carrière.",
            "أستطيع الإبلاغ عن تمييز في العمل دون أن أخشى على مساري المهني.",
        ),
    ),
    (
        "accountability",
        "external-oversight",
        ("External oversight", "Contrôle externe", "الرقابة الخارجية"),
        (
            "Do external bodies (parliament, ombudsperson, civil society) oversee how the agency treats women and men?",
            "Des organes externes (parlement, médiateur, société civile) contrôlent-ils la manière dont l'institution traite les femmes et les hommes ?",
            "هل تراقب جهات خارجية (البرلمان، أمين المظالم، المجتمع المدني) كيفية تعامل المؤسسة مع النساء والرجال؟",
        ),
        None,
    ),
    (
        "personnel",
        "recruitment",
        ("Recruitment", "Recrutement", "التوظيف"),
        (
            "Does the agency take steps to recruit women, and are its selection tests free of bias?",
            "L'institution prend-elle des mesures pour recruter des femmes, et ses épreuves de sélection sont-elles exemptes de biais ?",
            "هل تتخذ المؤسسة خطوات لتوظيف النساء، وهل اختبارات الاختيار لديها خالية من التحيّز؟",
        ),
        None,
    ),
    (
        "personnel",
        "retention-progression",
        (
            "Retention and career progression",
            "Fidélisation et progression de carrière",
            "الاستبقاء والتقدّم الوظيفي",
        ),
        (
            "Do women and men have the same chances of promotion, training and staying in the service?",
            "Les femmes et les hommes ont-ils les mêmes chances de promotion, de formation et de maintien dans le service ?",
            "هل تتوفّر للنساء والرجال الفرص نفسها في الترقية والتدريب والبقاء في الخدمة؟",
        ),
        (
            "Women and men have the same chances of promotion in my agency.",
            "Les femmes et les hommes ont les mêmes chances de promotion dans mon institution.",
            "تتساوى فرص الترقية بين النساء والرجال في مؤسستي.",
        ),
    ),
    (
        "personnel",
        "deployment",
        (
            "Deployment and specialist posts",
            "Affectations et postes spécialisés",
            "التوزيع والمناصب المتخصصة",
        ),
        (
            "Are women deployed in operational and specialist posts, not only in administrative ones?",
            "Les femmes sont-elles affectées à des postes opérationnels et spécialisés, et pas seulement administratifs ?",
            "هل تُعيَّن النساء في مناصب عملياتية ومتخصصة، لا في المناصب الإدارية فقط؟",
        ),
        None,
    ),
    (
        "personnel",
        "harassment",
        (
            "Sexual harassment and discrimination",
            "Harcèlement sexuel et discrimination",
            "التحرش الجنسي والتمييز",
        ),
        (
            "Is there a policy against sexual harassment, known to staff, with a confidential way to report it?",
            "Existe-t-il une politique contre le harcèlement sexuel, connue du personnel, avec un moyen confidentiel de le signaler ?",
            "هل توجد سياسة لمكافحة التحرش الجنسي يعرفها الموظفون، مع وسيلة سرّية للإبلاغ عنه؟",
        ),
        (
            "Sexual harassment is not tolerated in my agency.",
            "Le harcèlement sexuel n'est pas toléré dans mon institution.",
            "لا يُتسامَح مع التحرش الجنسي في مؤسستي.",
        ),
    ),
    (
        "personnel",
        "facilities",
        (
            "Facilities, equipment and uniforms",
            "Locaux, équipements et uniformes",
            "المرافق والمعدّات والزيّ الرسمي",
        ),
        (
            "Do facilities, equipment and uniforms suit both women and men (changing rooms, body armour, maternity)?",
            "Les locaux, équipements et uniformes conviennent-ils aux femmes comme aux hommes (vestiaires, gilets pare-balles, maternité) ?",
            "هل تناسب المرافق والمعدّات والزيّ الرسمي النساء والرجال معًا (غرف تبديل الملابس، الدروع الواقية، الأمومة)؟",
        ),
        (
            "My workplace has the facilities and equipment I need.",
            "Mon lieu de travail dispose des locaux et des équipements dont j'ai besoin.",
            "يتوفّر في مكان عملي ما أحتاجه من مرافق ومعدّات.",
        ),
    ),
    (
        "culture",
        "leadership",
        (
            "Leadership and institutional culture",
            "Leadership et culture institutionnelle",
            "القيادة والثقافة المؤسسية",
        ),
        (
            "Do the agency's leaders speak for equality and act when it is not respected?",
            "Les dirigeants de l'institution défendent-ils l'égalité et agissent-ils lorsqu'elle n'est pas respectée ?",
            "هل يدافع قادة المؤسسة عن المساواة ويتصرّفون عندما لا تُحترَم؟",
        ),
        (
            "My managers treat women and men with the same respect.",
            "Mes supérieurs traitent les femmes et les hommes avec le même respect.",
            "يعامل رؤسائي النساء والرجال بالاحترام نفسه.",
        ),
    ),
    (
        "culture",
        "training",
        ("Training and capacity", "Formation et compétences", "التدريب وبناء القدرات"),
        (
            "Is gender part of basic and in-service training, for all ranks?",
            "Le genre fait-il partie de la formation initiale et continue, pour tous les grades ?",
            "هل يشكّل النوع الاجتماعي جزءًا من التدريب الأساسي والتدريب أثناء الخدمة لجميع الرتب؟",
        ),
        None,
    ),
]

EVIDENCE = (
    "What shows it? Name the documents, data or interviews you rely on.",
    "Qu'est-ce qui le montre ? Citez les documents, données ou entretiens sur lesquels vous vous appuyez.",
    "ما الذي يثبت ذلك؟ اذكر الوثائق أو البيانات أو المقابلات التي تستند إليها.",
)
HEADCOUNT = (
    "How many staff are there at each rank level, women and men?",
    "Combien de personnels compte chaque niveau de grade, femmes et hommes ?",
    "كم عدد الموظفين في كل مستوى من مستويات الرتب، نساءً ورجالًا؟",
)
HEADCOUNT_DIMENSIONS = {"recruitment", "retention-progression"}


def _names(prefix: str, values: tuple[str, ...]) -> dict[str, str]:
    return {
        f"{prefix}_{lang}": value for lang, value in zip(("en", "fr", "ar"), values, strict=True)
    } | {prefix: values[0]}


def load_framework(Theme: Any, Dimension: Any, Question: Any) -> None:
    """Create the framework with the given models (the real ones, or a migration's)."""
    if Theme.objects.exists():
        return
    themes = {}
    for order, (code, names) in enumerate(THEMES, start=1):
        themes[code] = Theme.objects.create(code=code, order=order, **_names("name", names))
    for order, (theme, code, names, question, statement) in enumerate(DIMENSIONS, start=1):
        dimension = Dimension.objects.create(
            theme=themes[theme],
            code=code,
            order=order,
            **_names("name", names),
            **(_names("survey_statement", statement) if statement else {}),
        )
        Question.objects.create(
            dimension=dimension, order=1, kind="yes_partly_no", **_names("text", question)
        )
        if code in HEADCOUNT_DIMENSIONS:
            Question.objects.create(
                dimension=dimension, order=2, kind="headcount", **_names("text", HEADCOUNT)
            )
        Question.objects.create(
            dimension=dimension, order=3, kind="text", **_names("text", EVIDENCE)
        )
