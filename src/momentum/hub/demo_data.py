"""The Knowledge Hub's part of the demo programme.

Spaces for the programme's networks (the whole network, each active country, border
management, cybercrime investigators, the Advisory Board, the Arabic-language champions of
gender equality, mentoring alumni), with the demo people as members; threads and replies in
Arabic, French and English spread over the last 120 days, published through the same pipeline
as the pages (content guard, watched words, new-member holds, search index, mentions); a post
waiting for a moderator, a blocked one sent for review, a flagged one; watched words in the
three languages; the resource library with small PDF files, versions and downloads.

Deterministic (fixed seed) and run once: a database that already has the hub's demo spaces is
left as it is.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone

from momentum.core.demo import register_seeder
from momentum.core.models import Country, CountryStatus, Notification, ThematicArea
from momentum.hub.models import (
    Download,
    FlagReason,
    JoinPolicy,
    MemberSettings,
    Membership,
    MembershipStatus,
    NameDisplay,
    Post,
    PostStatus,
    Resource,
    ResourceKind,
    Space,
    SpaceKind,
    Thread,
)
from momentum.hub.services import moderation, search_index, threads, watched_terms
from momentum.hub.services import resources as resource_services
from momentum.hub.services.members import settings_for
from momentum.hub.services.spaces import SpaceData, create_space
from momentum.people.models import Role, RoleAssignment, Sex, User

NETWORK_SLUG = "momentum-mena-network"
DAYS = 120

# --- the watched words ------------------------------------------------------------------------

WATCHED_TERMS = [
    ("suspect", "en", "Talk about suspects belongs in operational channels."),
    ("raid", "en", "Planned or past police actions are operational."),
    ("undercover", "en", "Covert work is never discussed in the hub."),
    ("suspect", "fr", "Les personnes mises en cause relèvent des canaux opérationnels."),
    ("opération", "fr", "Les actions de police en cours ou passées sont opérationnelles."),
    ("perquisition", "fr", "Les actes d'enquête ne se discutent pas dans le hub."),
    ("مشتبه به", "ar", "الحديث عن المشتبه بهم مكانه القنوات العملياتية."),
    ("مداهمة", "ar", "المداهمات المخطط لها أو المنفذة معلومات عملياتية."),
    ("عملية سرية", "ar", "العمل السري لا يُناقش في المنصة."),
]

# --- the spaces -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpacePlan:
    key: str
    names: tuple[str, str, str]  # en, fr, ar
    descriptions: tuple[str, str, str]
    kind: str
    join_policy: str
    main_language: str
    thematic_area: str | None = None
    hold_first_posts: int = 0
    moderators: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # people keys (see ``_Seeder.person``)


SPACES = [
    SpacePlan(
        key="network",
        names=(
            "Momentum MENA network",
            "Réseau Momentum MENA",
            "شبكة مومنتوم للشرق الأوسط وشمال أفريقيا",
        ),
        descriptions=(
            "The programme-wide space: experiences from training, leadership, women's networks "
            "and events, shared across the seven partner countries. Non-operational only.",
            "L'espace de tout le programme : retours de formation, leadership, réseaux de "
            "femmes et événements, partagés entre les sept pays partenaires. Rien "
            "d'opérationnel.",
            "فضاء البرنامج بأكمله: تجارب التدريب والقيادة وشبكات النساء والفعاليات، يتبادلها "
            "أعضاء الشبكة في البلدان الشريكة السبعة. لا معلومات عملياتية.",
        ),
        kind=SpaceKind.PROGRAMME,
        join_policy=JoinPolicy.OPEN,
        main_language="en",
        moderators=("moderator",),
        members=(
            "staff",
            "trainer",
            "mentor",
            "focal.*",
            *(f"w{n}.*" for n in range(1, 5)),
            *(f"m{n}.*" for n in range(1, 4)),
        ),
    ),
    SpacePlan(
        key="border",
        names=(
            "Border management: shared practice",
            "Gestion des frontières : pratiques partagées",
            "إدارة الحدود: ممارسات مشتركة",
        ),
        descriptions=(
            "Training, tools and gender-sensitive practice at borders, airports and ports.",
            "Formation, outils et pratiques sensibles au genre aux frontières, dans les "
            "aéroports et les ports.",
            "التدريب والأدوات والممارسات المراعية للنوع الاجتماعي في المنافذ الحدودية "
            "والمطارات والموانئ.",
        ),
        kind=SpaceKind.THEMATIC,
        join_policy=JoinPolicy.OPEN,
        main_language="fr",
        thematic_area="border-security",
        moderators=("moderator",),
        members=(
            *(f"{who}.{cc}" for who in ("w1", "w2", "m1", "m2", "m3") for cc in ("dz", "ma", "tn")),
            "w2.jo",
            "m1.jo",
            "trainer",
        ),
    ),
    SpacePlan(
        key="cyber",
        names=(
            "Cybercrime investigators",
            "Enquêtrices et enquêteurs cybercriminalité",
            "محققو الجرائم الإلكترونية",
        ),
        descriptions=(
            "A closed circle for officers who investigate cybercrime: courses, reading lists "
            "and training needs. Ask to join with a word about your unit.",
            "Un cercle fermé pour les enquêtrices et enquêteurs en cybercriminalité : cours, "
            "lectures et besoins de formation. Demandez à rejoindre en présentant votre unité.",
            "حلقة مغلقة للمحققات والمحققين في الجرائم الإلكترونية: دورات وقراءات واحتياجات "
            "تدريبية. اطلبوا الانضمام مع نبذة عن وحدتكم.",
        ),
        kind=SpaceKind.THEMATIC,
        join_policy=JoinPolicy.REQUEST,
        main_language="en",
        thematic_area="tocr",
        moderators=("trainer",),
        members=("w3.jo", "m3.jo", "w3.lb", "m2.lb", "w3.ma", "m3.ps"),
    ),
    SpacePlan(
        key="board",
        names=("Advisory Board", "Comité consultatif", "المجلس الاستشاري"),
        descriptions=(
            "The Advisory Board's own space: agendas, papers and follow-up.",
            "L'espace du comité consultatif : ordres du jour, documents et suivi.",
            "فضاء المجلس الاستشاري: جداول الأعمال والوثائق والمتابعة.",
        ),
        kind=SpaceKind.BOARD,
        join_policy=JoinPolicy.INVITATION,
        main_language="en",
        moderators=("staff",),
        members=("board.*",),
    ),
    SpacePlan(
        key="champions",
        names=(
            "Champions of gender equality",
            "Championnes et champions de l'égalité",
            "أبطال المساواة بين الجنسين",
        ),
        descriptions=(
            "An Arabic-language space for the champions of gender equality in law "
            "enforcement: practices, experiences and mutual support. Ask to join.",
            "Un espace en arabe pour les championnes et champions de l'égalité dans les "
            "services répressifs : pratiques, expériences et entraide. Sur demande.",
            "فضاء باللغة العربية لأبطال المساواة بين الجنسين في أجهزة إنفاذ القانون: تبادل "
            "الممارسات والتجارب والدعم المتبادل. الانضمام بطلب.",
        ),
        kind=SpaceKind.THEMATIC,
        join_policy=JoinPolicy.REQUEST,
        main_language="ar",
        thematic_area="gender-sensitive-policing",
        hold_first_posts=1,
        moderators=("moderator",),
        members=(*(f"w{n}.*" for n in range(1, 5)), "m1.jo", "m1.ma", "m1.lb", "staff"),
    ),
    SpacePlan(
        key="alumni",
        names=("Mentoring alumni", "Anciennes et anciens du mentorat", "خريجو برنامج الإرشاد"),
        descriptions=(
            "For mentees and mentors who completed the mentoring programme: keep in touch, "
            "pass it on.",
            "Pour les mentorées, mentorés et mentors qui ont terminé le programme : garder le "
            "lien et transmettre.",
            "للمتدربات والمتدربين والمرشدين الذين أتموا برنامج الإرشاد: للبقاء على تواصل "
            "ونقل الخبرة.",
        ),
        kind=SpaceKind.ALUMNI,
        join_policy=JoinPolicy.INVITATION,
        main_language="en",
        moderators=("mentor",),
        members=("w2.jo", "w2.ma", "w3.tn", "m2.lb", "w1.ps"),
    ),
]

COUNTRY_SPACE_LANGUAGE = {"DZ": "fr", "MA": "fr", "TN": "fr"}  # the others: Arabic
COUNTRY_SPACE_DESCRIPTIONS = (
    "The space of the programme's people in %(en)s: national training, events and news.",
    "L'espace des participantes et participants du programme en %(fr)s : formations "
    "nationales, événements et actualités.",
    "فضاء المشاركات والمشاركين في البرنامج في %(ar)s: التدريب الوطني والفعاليات والأخبار.",
)

# People who asked to join a private space, waiting for its moderators.
REQUESTS = [
    ("cyber", "m4.tn", "I lead the digital forensics training cell of my directorate."),
    ("cyber", "w4.lb", "Je travaille sur la formation aux preuves numériques."),
    ("champions", "w5.ps", "أعمل على تأسيس شبكة للشرطيات في مديريتي وأود التعلم من تجاربكن."),
]
# A new member of the champions space, whose first post waits for a moderator.
NEW_MEMBER = ("champions", "w5.jo")

# --- the threads ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThreadPlan:
    space: str
    author: str
    days_ago: int
    title: str
    body: str
    replies: tuple[tuple[str, str], ...] = ()
    pinned: bool = False


# "@{w1.ma}" in a text becomes that person's handle.
THREADS = [
    # --- the whole network (English first, every language welcome) ---
    ThreadPlan(
        space="network",
        author="moderator",
        days_ago=118,
        pinned=True,
        title="Welcome to the Momentum MENA network",
        body=(
            "Welcome, everyone! This is the place to share what you learn across the seven "
            "partner countries.\n\n"
            "A few ground rules:\n\n"
            "- **Non-operational only**: no cases, no names of people involved in cases, no "
            "document numbers. The platform checks every post before it is published.\n"
            "- Write in the language you are most comfortable with: Arabic, French or English.\n"
            "- Choose in your settings how your name appears; initials only is fine.\n\n"
            "Introduce yourself below: your service, your area of work, and one thing you "
            "would like to learn from colleagues."
        ),
        replies=(
            (
                "w1.ma",
                "Bonjour à toutes et à tous ! Inspectrice à la DGSN, je travaille sur "
                "l'accueil des victimes. J'aimerais apprendre comment vous organisez les "
                "formations de rappel.",
            ),
            (
                "w1.tn",
                "مرحبًا بالجميع. أعمل في التدريب بالإدارة العامة للأمن الوطني، وأهتم بتجارب "
                "الزميلات في بناء شبكات مهنية داخل المؤسسات.",
            ),
            (
                "m1.lb",
                "Hello from Beirut. I work on community policing with the ISF and I am keen "
                "to hear how others involve local women's associations.",
            ),
            (
                "w2.jo",
                "Hi all, I train new recruits at the academy. Happy to share our course "
                "material on interviewing skills.",
            ),
            (
                "staff",
                "Thank you for the warm start! The resource library already holds the "
                "programme's toolkit on gender-sensitive policing, in three languages.",
            ),
        ),
    ),
    ThreadPlan(
        space="network",
        author="w2.jo",
        days_ago=96,
        title="What made your last training course stick?",
        body=(
            "Many of us come back from a course full of ideas and two weeks later we are "
            "back to old habits. What helped you actually apply what you learned?"
        ),
        replies=(
            (
                "m2.ma",
                "Pour moi, c'est le plan d'action signé avec ma hiérarchie avant même le "
                "départ en formation. Au retour, on fait un point à un mois.",
            ),
            (
                "w3.lb",
                "Teaching it to my own team. Preparing a one-hour session forced me to "
                "really understand the material.",
            ),
            (
                "w2.ps",
                "ما ساعدني هو الاتفاق مع زميلة حضرت الدورة نفسها على لقاء شهري نراجع فيه ما "
                "طبقناه وما لم ننجح فيه.",
            ),
            (
                "trainer",
                "From the trainers' side: the follow-up questionnaire three months later "
                "tells us a lot. Please do answer it, it shapes the next sessions.",
            ),
            (
                "w1.dz",
                "Chez nous, chaque participante présente un court retour à son service dans "
                "la semaine qui suit. C'est simple et cela crée une attente positive.",
            ),
        ),
    ),
    ThreadPlan(
        space="network",
        author="staff",
        days_ago=61,
        title="Announcement: regional workshop on women in leadership, Tunis",
        body=(
            "We are pleased to announce a **regional workshop on women in leadership** in "
            "Tunis next quarter.\n\n"
            "1. Three days of exchanges between senior and mid-career officers\n"
            "2. Sessions on negotiation, public speaking and leading mixed teams\n"
            "3. A half-day with the Advisory Board\n\n"
            "Focal points will receive the nomination details. Questions are welcome here."
        ),
        replies=(
            (
                "focal.dz",
                "Merci pour l'annonce. Les candidates doivent-elles avoir déjà suivi le "
                "module de leadership en ligne ?",
            ),
            (
                "staff",
                "Good question: the online module is recommended but not required. We will "
                "open it to every nominee a month before.",
            ),
            ("w4.tn", "سأكون سعيدة بالمشاركة إن شاء الله. هل ستتوفر ترجمة فورية إلى الفرنسية؟"),
            (
                "staff",
                "Yes, there will be interpretation in Arabic, French and English for every "
                "plenary session.",
            ),
        ),
    ),
    ThreadPlan(
        space="network",
        author="m2.ma",
        days_ago=41,
        title="Mentoring circles: how do you keep them going?",
        body=(
            "Nous avons lancé des cercles de mentorat entre policières dans trois "
            "préfectures. Le démarrage est enthousiaste, mais la participation baisse après "
            "quelques mois. Comment faites-vous pour maintenir l'élan ?"
        ),
        replies=(
            (
                "mentor",
                "> la participation baisse après quelques mois\n\n"
                "C'est classique. Ce qui marche : un thème fixé à l'avance pour chaque "
                "rencontre, et une animatrice différente à chaque fois.",
            ),
            (
                "w1.jo",
                "We moved our circle online once a month and in person once a quarter. "
                "Attendance went back up.",
            ),
            (
                "w3.dz",
                "Chez nous, la présence d'une responsable de haut rang à la première séance "
                "a donné de la légitimité au cercle.",
            ),
            (
                "m2.ma",
                "Merci à toutes et à tous, je retiens le thème fixé à l'avance et "
                "l'alternance en ligne / en présentiel.",
            ),
            (
                "w2.lb",
                "We also keep a shared notebook of the questions raised in each circle; "
                "newcomers read it before their first meeting.",
            ),
        ),
    ),
    ThreadPlan(
        space="network",
        author="w3.lb",
        days_ago=13,
        title="Takeaways from the IAWP conference",
        body=(
            "I was lucky to attend the International Association of Women Police conference "
            "this year. My three takeaways:\n\n"
            "- Mentoring works best when senior men are part of it, not only women.\n"
            "- Data on retention matters more than data on recruitment.\n"
            "- Networks need a small budget and a mandate, not only goodwill.\n\n"
            "The IAWP website is in the resource library. Happy to answer questions."
        ),
        replies=(
            (
                "w1.ps",
                "شكرًا على هذا الملخص القيّم. نقطة الاحتفاظ بالكفاءات مهمة جدًا عندنا.",
            ),
            (
                "m3.jo",
                "Interesting point on retention. Did anyone present exit-interview practices?",
            ),
            (
                "w3.lb",
                "Yes, two services shared short exit interviews run by someone outside the "
                "chain of command. I will post the slides when they are published.",
            ),
        ),
    ),
    # --- the champions of gender equality (Arabic) ---
    ThreadPlan(
        space="champions",
        author="moderator",
        days_ago=115,
        pinned=True,
        title="أهلًا بكم في فضاء أبطال المساواة بين الجنسين",
        body=(
            "أهلًا وسهلًا بكنّ وبكم في هذا الفضاء المخصص لتبادل الخبرات حول المساواة بين "
            "الجنسين في أجهزة إنفاذ القانون.\n\n"
            "**قواعد بسيطة:**\n\n"
            "- نتبادل الممارسات والتجارب، لا المعلومات العملياتية.\n"
            "- نحترم خصوصية الزميلات والزملاء: لا أسماء ولا تفاصيل شخصية عن الغير.\n"
            "- تُراجَع المشاركة الأولى لكل عضو جديد قبل نشرها.\n\n"
            "عرّفوا بأنفسكم في الردود، وأخبرونا بما تأملون تحقيقه من هذه الشبكة."
        ),
        replies=(
            (
                "w1.jo",
                "شكرًا على هذه المبادرة. أعمل في وحدة حماية الأسرة، وأتطلع إلى تبادل "
                "التجارب حول استقبال الناجيات من العنف.",
            ),
            (
                "w2.ma",
                "مرحبًا بالجميع، ضابطة في المديرية العامة للأمن الوطني بالمغرب. يهمني موضوع "
                "تمثيل النساء في مواقع القرار.",
            ),
            (
                "m1.jo",
                "تحية للجميع. أؤمن بأن المساواة مسؤولية الرجال أيضًا، وأتمنى أن أتعلم منكم "
                "كيف أدعمها داخل فريقي.",
            ),
            (
                "w1.dz",
                "السلام عليكم، أعمل في التكوين بالمديرية العامة للأمن الوطني بالجزائر. "
                "سعيدة بالانضمام إلى هذه الشبكة.",
            ),
        ),
    ),
    ThreadPlan(
        space="champions",
        author="w1.jo",
        days_ago=100,
        title="كيف نجعل مراكز الشرطة أكثر أمانًا للنساء المبلِّغات؟",
        body=(
            "كثير من النساء يترددن في التوجه إلى مركز الشرطة للإبلاغ عن العنف. من تجربتنا، "
            "بعض الخطوات البسيطة تصنع فرقًا كبيرًا:\n\n"
            "1. غرفة استقبال منفصلة تحفظ الخصوصية.\n"
            "2. إمكانية أن تستقبل الشاكيةَ ضابطةٌ إن رغبت في ذلك.\n"
            "3. شرح واضح للإجراءات وللحقوق منذ اللقاء الأول.\n\n"
            "ما الممارسات التي نجحت في مراكزكم؟"
        ),
        replies=(
            (
                "w1.tn",
                "عندنا تجربة الفضاءات الصديقة للمرأة في بعض المراكز، مع تدريب خاص لكل "
                "العاملين فيها وليس للضابطات فقط.",
            ),
            (
                "w2.lb",
                "أضيف نقطة مهمة: التنسيق مع الجمعيات التي تقدم الدعم النفسي والقانوني، "
                "حتى لا تبقى الشاكية وحدها بعد مغادرة المركز.",
            ),
            (
                "m1.ma",
                "> إمكانية أن تستقبل الشاكيةَ ضابطةٌ إن رغبت في ذلك\n\n"
                "هذه نقطة أساسية، لكنها تتطلب وجود ضابطات في كل المناوبات، وهذا تحدٍّ في "
                "التوزيع عندنا.",
            ),
            (
                "w3.ps",
                "نعمل على دليل إجراءات مبسط باللغة العربية يُسلَّم لكل شاكية. سأشاركه هنا حين يكتمل.",
            ),
            (
                "w1.jo",
                "شكرًا لكم جميعًا. @{w3.ps} سننتظر الدليل بفارغ الصبر، وقد يكون مفيدًا أن "
                "نترجمه إلى الفرنسية لزميلاتنا في المغرب العربي.",
            ),
        ),
    ),
    ThreadPlan(
        space="champions",
        author="w1.tn",
        days_ago=80,
        title="تجربتي في دورة القيادة للضابطات",
        body=(
            "أنهيت الشهر الماضي دورة القيادة المخصصة للضابطات ضمن البرنامج. أكثر ما أفادني "
            "هو جلسات التدريب على التفاوض وإدارة الاجتماعات، وتبادل الخبرات مع زميلات من "
            "ستة بلدان.\n\n"
            "> القيادة ليست منصبًا، بل طريقة في العمل مع الآخرين.\n\n"
            "هذه العبارة من المدرّبة بقيت معي. من منكن شاركت في الدورات السابقة؟"
        ),
        replies=(
            (
                "w2.jo",
                "شاركت في الدورة الأولى، وما زلت على تواصل مع مجموعتي. نلتقي عبر الإنترنت "
                "كل شهرين تقريبًا.",
            ),
            (
                "w4.ma",
                "تجربة رائعة. أنصح كل من تشارك لاحقًا أن تحضّر مثالًا من عملها اليومي "
                "لتناقشه خلال ورشة حل المشكلات.",
            ),
            (
                "w3.dz",
                "هل تضمنت الدورة جزءًا عن التوازن بين الحياة المهنية والأسرية؟ هذا موضوع "
                "يهم كثيرًا من زميلاتنا.",
            ),
            (
                "w1.tn",
                "نعم، كانت هناك جلسة كاملة عن ذلك، مع شهادات لضابطات في مواقع قيادية. كانت "
                "من أكثر الجلسات تأثيرًا.",
            ),
            (
                "w3.jo",
                "شاركت في الدورة الثانية، وأكثر ما بقي معي هو تمرين التحدث أمام الجمهور. "
                "كان صعبًا في البداية لكنه غيّر ثقتي بنفسي.",
            ),
        ),
    ),
    ThreadPlan(
        space="champions",
        author="m1.jo",
        days_ago=62,
        title="دور الزملاء الرجال في دعم المساواة",
        body=(
            "كثيرًا ما يُنظر إلى المساواة على أنها قضية تخص النساء وحدهن. أرى أن للرجال في "
            "مواقع المسؤولية دورًا أساسيًا: في توزيع المهام، وفي إتاحة فرص التدريب، وفي "
            "التصدي للتعليقات المسيئة داخل الفريق.\n\n"
            "كيف يمكننا أن نكون حلفاء فعليين؟"
        ),
        replies=(
            (
                "w2.ps",
                "أبسط شيء: أن تُوزَّع المهام الميدانية والإدارية بعدل، وألا تُحصر الضابطات "
                "في الأعمال المكتبية.",
            ),
            (
                "m1.lb",
                "في وحدتنا صار الترشيح للدورات يتم وفق معايير مكتوبة ومعلنة، وهذا قلّل "
                "كثيرًا من الإحساس بالتمييز.",
            ),
            (
                "w4.jo",
                "والاستماع أيضًا. أحيانًا تكفي مساحة آمنة تتحدث فيها الزميلات عن الصعوبات "
                "دون خوف من العواقب.",
            ),
            (
                "m1.jo",
                "شكرًا لكم، سأقترح على إدارتي اعتماد معايير مكتوبة للترشيح كما فعلتم في لبنان.",
            ),
        ),
    ),
    ThreadPlan(
        space="champions",
        author="w2.ps",
        days_ago=35,
        title="شبكات الشرطيات: كيف نبدأ شبكة وطنية؟",
        body=(
            "نفكر في تأسيس شبكة وطنية للشرطيات. من خلال ما قرأته، تحتاج الشبكة إلى:\n\n"
            "- تفويض رسمي من القيادة.\n"
            "- فريق صغير لإدارة الشبكة وتنظيم لقاءاتها.\n"
            "- خطة عمل سنوية بأهداف قابلة للقياس.\n\n"
            "من لديها تجربة في إدارة شبكة مماثلة؟ ما الأخطاء التي ينبغي تجنبها؟"
        ),
        replies=(
            (
                "w1.ma",
                "في المغرب بدأنا بلقاءات غير رسمية ثم حصلنا على الاعتراف الرسمي بعد سنة. "
                "أنصح بعدم انتظار الإطار الرسمي للبدء.",
            ),
            (
                "w2.tn",
                "من الأخطاء التي وقعنا فيها: أن تتحمل شخصة واحدة عبء إدارة الشبكة كله. وزّعوا "
                "المسؤوليات منذ البداية.",
            ),
            (
                "w3.jo",
                "دليل الأدوات في مكتبة الموارد يحتوي على فصل كامل عن الشبكات المهنية، مع "
                "نماذج لخطط العمل.",
            ),
            (
                "w2.ps",
                "شكرًا جزيلًا، سأطّلع على الدليل وأعود إليكن بمسودة لخطة العمل.",
            ),
            (
                "m1.ma",
                "من جهتي كزميل، أقترح إشراك بعض القيادات من الرجال منذ البداية، فذلك "
                "يسهّل الحصول على الدعم المؤسسي.",
            ),
        ),
    ),
    ThreadPlan(
        space="champions",
        author="w2.dz",
        days_ago=9,
        title="إعلان: جلسة حوار افتراضية حول الإرشاد المهني",
        body=(
            "يسعدنا دعوتكم إلى جلسة حوار افتراضية حول **الإرشاد المهني للضابطات**، بمشاركة "
            "مرشدات من برنامج الإرشاد.\n\n"
            "- المدة: ساعة ونصف\n"
            "- اللغة: العربية مع ترجمة إلى الفرنسية\n\n"
            "يرسل رابط المشاركة إلى أعضاء الفضاء قبل الموعد بأسبوع."
        ),
        replies=(
            ("w4.lb", "فكرة ممتازة، سأشارك بالتأكيد."),
            (
                "w2.jo",
                "هل يمكن تسجيل الجلسة لمن لا تسمح لها المناوبة بالحضور؟",
            ),
            (
                "moderator",
                "نعم، سيُتاح التسجيل لأعضاء الفضاء فقط، بعد موافقة المتحدثات.",
            ),
            (
                "w3.tn",
                "شكرًا على الدعوة. هل يمكن إرسال الأسئلة مسبقًا إلى المرشدات؟",
            ),
            (
                "w2.dz",
                "نعم بالتأكيد، اكتبن أسئلتكن هنا في الردود وسنجمعها قبل الجلسة.",
            ),
        ),
    ),
    # --- the countries' spaces ---
    ThreadPlan(
        space="country-jo",
        author="focal.jo",
        days_ago=90,
        title="خطة التدريب الوطنية لهذا العام: اقتراحاتكم",
        body=(
            "نعمل على إعداد خطة التدريب الوطنية ضمن البرنامج. ما الموضوعات التي ترون أنها "
            "الأكثر حاجة في وحداتكم؟ نرحب بكل الاقتراحات."
        ),
        replies=(
            (
                "w3.jo",
                "التدريب على المقابلات المراعية للنوع الاجتماعي، خاصة للزملاء الجدد في "
                "أقسام التحقيق.",
            ),
            (
                "m2.jo",
                "أقترح دورة في تحليل المعلومات الجنائية، فالطلب عليها كبير في المديريات.",
            ),
            (
                "w4.jo",
                "ودورة في اللغة الإنجليزية المهنية، فهي شرط للمشاركة في كثير من الدورات الإقليمية.",
            ),
        ),
    ),
    ThreadPlan(
        space="country-jo",
        author="w3.jo",
        days_ago=22,
        title="تبادل الخبرات حول التدريب على فحص وثائق السفر",
        body=(
            "شاركت في تدريب على فحص وثائق السفر وكشف التزوير. أبرز ما تعلمته أن الفحص "
            "الجيد يبدأ بالملاحظة الهادئة وبأسئلة بسيطة، قبل أي جهاز. هل من تجارب مماثلة؟"
        ),
        replies=(
            (
                "m1.jo",
                "التدريب العملي على عينات حقيقية مُلغاة كان الأكثر فائدة في دورتنا.",
            ),
            (
                "w1.jo",
                "أنصح بالدورة الإلكترونية الخاصة بقواعد بيانات الإنتربول قبل الحضور.",
            ),
            (
                "w2.jo",
                "في الأكاديمية أضفنا تمرينًا عن التواصل مع المسافرين بلغة بسيطة وهادئة، "
                "فهو جزء من الفحص الجيد.",
            ),
        ),
    ),
    ThreadPlan(
        space="country-ma",
        author="focal.ma",
        days_ago=86,
        title="Bienvenue dans l'espace Maroc",
        body=(
            "Bienvenue à toutes et à tous ! Cet espace réunit les participantes et "
            "participants marocains du programme. Vous y trouverez les annonces de "
            "formations nationales et pourrez partager vos retours."
        ),
        replies=(
            ("w3.ma", "Merci ! Ravie de retrouver ici les collègues de la session de Rabat."),
            (
                "m2.ma",
                "Merci pour cet espace. Serait-il possible d'y publier le calendrier des "
                "formations du semestre ?",
            ),
            ("focal.ma", "Oui, il sera publié ici dès sa validation."),
        ),
    ),
    ThreadPlan(
        space="country-ma",
        author="w1.ma",
        days_ago=31,
        title="Retour d'expérience : formation sur l'accueil des victimes",
        body=(
            "J'ai suivi la semaine dernière la formation sur l'accueil des victimes de "
            "violences. Trois enseignements :\n\n"
            "1. **Croire d'abord** : l'écoute sans jugement conditionne tout le reste.\n"
            "2. Expliquer chaque étape de la procédure, et son calendrier.\n"
            "3. Orienter vers les associations partenaires dès le premier contact.\n\n"
            "Qui souhaite que je présente ces points lors de la prochaine réunion de service ?"
        ),
        replies=(
            (
                "w4.ma",
                "Très utile, merci. Je serais intéressée par ta présentation pour notre brigade.",
            ),
            (
                "m1.ma",
                "Le point 2 est souvent négligé. Un dépliant simple en arabe et en français "
                "aiderait beaucoup.",
            ),
            (
                "w1.ma",
                "Bonne idée @{m1.ma}, je propose qu'on le rédige ensemble à partir du guide "
                "de la bibliothèque.",
            ),
            ("focal.ma", "Excellente initiative, je le signale à la direction de la formation."),
        ),
    ),
    ThreadPlan(
        space="country-tn",
        author="w2.tn",
        days_ago=70,
        title="Journée portes ouvertes pour encourager les candidatures féminines",
        body=(
            "Nous organisons une journée portes ouvertes à l'école de police pour "
            "encourager les jeunes femmes à se porter candidates. Des idées d'ateliers qui "
            "ont bien fonctionné ailleurs ?"
        ),
        replies=(
            (
                "w1.tn",
                "Les témoignages de policières en poste, de tous grades, ont eu beaucoup "
                "d'effet l'an dernier.",
            ),
            (
                "m1.tn",
                "Un atelier de mise en situation sur l'accueil du public, animé en binôme "
                "mixte, plaît beaucoup.",
            ),
            (
                "w3.tn",
                "Pensez aussi aux parents : une courte séance d'information pour eux lève "
                "bien des réticences.",
            ),
            (
                "focal.tn",
                "Merci pour ces idées. Nous diffuserons le programme de la journée dans cet "
                "espace.",
            ),
        ),
    ),
    ThreadPlan(
        space="country-dz",
        author="focal.dz",
        days_ago=50,
        title="Partage de supports de formation",
        body=(
            "Plusieurs collègues demandent les supports des formations suivies à "
            "l'étranger. Merci de les déposer dans la bibliothèque de ressources plutôt que "
            "de les envoyer par messagerie, afin que tout le monde y ait accès."
        ),
        replies=(
            (
                "w1.dz",
                "D'accord. Faut-il demander l'autorisation des formateurs avant de les partager ?",
            ),
            (
                "focal.dz",
                "Oui, pour les supports qui ne sont pas publics. Les documents du programme "
                "peuvent être partagés librement.",
            ),
            ("m2.dz", "Je dépose cette semaine le support du module sur le leadership."),
            (
                "w2.dz",
                "Merci, c'est plus simple de tout retrouver au même endroit.",
            ),
        ),
    ),
    ThreadPlan(
        space="country-lb",
        author="w1.lb",
        days_ago=45,
        title="ورشة عمل حول التواصل مع المجتمع المحلي",
        body=(
            "نظمنا ورشة عمل مع بلديات وجمعيات محلية حول الشرطة المجتمعية. كان الحضور "
            "النسائي لافتًا، وخرجنا بتوصيات عملية لتحسين التواصل مع السكان."
        ),
        replies=(
            ("m1.lb", "ورشة ناجحة فعلًا. التوصية الخاصة بلقاءات الأحياء الشهرية مهمة."),
            (
                "w2.lb",
                "هل يمكن مشاركة التوصيات في مكتبة الموارد ليستفيد منها الزملاء في البلدان الأخرى؟",
            ),
            ("w1.lb", "بالتأكيد، سأرفعها بعد ترجمتها إلى الإنجليزية."),
            (
                "focal.lb",
                "شكرًا لكل من ساهم في إنجاح الورشة. سنعمل على تكرارها في مناطق أخرى.",
            ),
        ),
    ),
    ThreadPlan(
        space="country-ps",
        author="w1.ps",
        days_ago=26,
        title="التدريب عن بُعد: ما الذي نجح معكم؟",
        body=(
            "بسبب صعوبة التنقل، نعتمد كثيرًا على التدريب عن بُعد. ما الأدوات والأساليب "
            "التي جعلت الدورات الإلكترونية أكثر تفاعلًا عندكم؟"
        ),
        replies=(
            ("m2.ps", "المجموعات الصغيرة داخل الجلسة، وتمارين قصيرة كل عشرين دقيقة تقريبًا."),
            (
                "w3.ps",
                "تسجيل الجلسات مهم جدًا لمن لديهن مناوبات، مع ملخص مكتوب بعد كل جلسة.",
            ),
            ("w1.ps", "شكرًا، سنجرب المجموعات الصغيرة في الدورة القادمة."),
            (
                "w2.ps",
                "نستخدم أيضًا أسئلة قصيرة في نهاية كل جلسة، فهي تساعد المدربين على معرفة "
                "ما يحتاج إلى مراجعة.",
            ),
        ),
    ),
    # --- border management (French first) ---
    ThreadPlan(
        space="border",
        author="m1.dz",
        days_ago=110,
        title="Contrôle aux frontières et sensibilité au genre : vos pratiques",
        body=(
            "Comment intégrez-vous la dimension de genre dans le contrôle aux frontières ? "
            "Chez nous, la fouille par une agente est systématiquement proposée, mais les "
            "équipes féminines manquent dans certains postes."
        ),
        replies=(
            (
                "w1.ma",
                "Nous avons formé des équipes mixtes pour chaque vacation dans les "
                "aéroports. Aux postes terrestres, c'est plus difficile.",
            ),
            (
                "w2.tn",
                "La formation à l'identification des victimes de traite devrait inclure "
                "un module sur les signes spécifiques aux femmes et aux enfants.",
            ),
            (
                "m2.ma",
                "Nous avons ajouté une fiche réflexe sur l'orientation des personnes "
                "vulnérables vers les services sociaux.",
            ),
            (
                "m1.dz",
                "Merci. Je vais proposer la fiche réflexe à notre direction, elle est "
                "simple à mettre en place.",
            ),
        ),
    ),
    ThreadPlan(
        space="border",
        author="w2.ma",
        days_ago=56,
        title="Formation aux bases de données d'INTERPOL : retours des participantes",
        body=(
            "Nous étions six collègues à suivre la formation sur les bases de données "
            "d'INTERPOL pour les documents de voyage. Les exercices pratiques étaient "
            "excellents ; la partie théorique pourrait être plus courte."
        ),
        replies=(
            (
                "w1.dz",
                "Même impression. Le module en ligne avant la session aide à gagner du "
                "temps sur la théorie.",
            ),
            (
                "trainer",
                "Thank you, this is useful feedback. We are shortening the theory part for "
                "the next session.",
            ),
        ),
    ),
    ThreadPlan(
        space="border",
        author="m2.tn",
        days_ago=16,
        title="Ressource : guide sur l'identification des victimes de traite",
        body=(
            "Je signale la fiche pratique sur le contrôle sensible au genre aux postes "
            "frontières, ajoutée à la bibliothèque. Elle est courte et se prête bien à "
            "l'affichage dans les locaux."
        ),
        replies=(
            ("w1.tn", "Merci, nous l'avons imprimée pour le poste du port de La Goulette."),
            (
                "m3.ma",
                "Existe-t-il une version arabe ? Certaines équipes la préféreraient.",
            ),
            ("m2.tn", "Pas encore ; je la traduis et je dépose une nouvelle version."),
            (
                "w2.ma",
                "Merci d'avance pour la traduction, nous l'afficherons aussi au port de "
                "Tanger Med.",
            ),
        ),
    ),
    # --- cybercrime investigators (English) ---
    ThreadPlan(
        space="cyber",
        author="trainer",
        days_ago=75,
        title="Reading list: open-source investigation courses",
        body=(
            "A short list of courses the group recommended:\n\n"
            "- INTERPOL's digital forensics e-learning modules\n"
            "- Open-source investigation basics (self-paced)\n"
            "- Cryptocurrency tracing, introduction\n\n"
            "Add the ones you found useful."
        ),
        replies=(
            (
                "w3.jo",
                "The open-source basics course is excellent, especially the module on "
                "verifying images.",
            ),
            (
                "m2.lb",
                "I would add a course on writing clear reports for prosecutors; technical "
                "findings are often misread.",
            ),
            ("w3.ma", "+1 pour le cours sur les cryptomonnaies, très accessible."),
        ),
    ),
    ThreadPlan(
        space="cyber",
        author="m3.jo",
        days_ago=28,
        title="Digital evidence: what should a first-responder course cover?",
        body=(
            "We are designing a two-day course for first responders who seize devices. "
            "What would you make sure they learn?"
        ),
        replies=(
            (
                "w3.lb",
                "Documenting the state of a device before touching it, and why switching "
                "it off can lose evidence.",
            ),
            ("m3.ps", "Chain of custody forms, with practice on realistic cases."),
            (
                "trainer",
                "Both points are in the programme's curriculum; I can share the outline.",
            ),
            (
                "m3.jo",
                "Thanks all, I will circulate a draft outline here next month.",
            ),
        ),
    ),
    # --- the Advisory Board ---
    ThreadPlan(
        space="board",
        author="staff",
        days_ago=65,
        title="Agenda for the next Advisory Board meeting",
        body=(
            "Dear members, the draft agenda:\n\n"
            "1. Progress on the indicators of the results framework\n"
            "2. The regional workshop on women in leadership\n"
            "3. Priorities for the next training year\n\n"
            "Please add any item you would like to discuss."
        ),
        replies=(
            (
                "board.jo",
                "I suggest adding an item on retention of women officers after promotion.",
            ),
            (
                "board.ma",
                "Je propose un point sur la mobilisation des directions de la formation "
                "dans chaque pays.",
            ),
            ("staff", "Both items are added. The papers will be shared here a week before."),
            (
                "board.tn",
                "Merci. Je souhaiterais aussi un point sur la participation des pays au "
                "forum régional.",
            ),
        ),
    ),
    # --- mentoring alumni ---
    ThreadPlan(
        space="alumni",
        author="mentor",
        days_ago=58,
        title="Rester en contact après le programme",
        body=(
            "Bienvenue aux anciennes et anciens du mentorat ! Cet espace est à vous : "
            "nouvelles, opportunités, et pourquoi pas devenir mentor à votre tour."
        ),
        replies=(
            ("w2.ma", "Merci Sophie ! Je suis partante pour encadrer une mentorée l'an prochain."),
            ("m2.lb", "Great idea. Could we have a yearly alumni meeting during a workshop?"),
            ("w1.ps", "فكرة جميلة، أتمنى أن نلتقي في الورشة الإقليمية القادمة."),
        ),
    ),
    ThreadPlan(
        space="alumni",
        author="w2.jo",
        days_ago=19,
        title="From mentee to mentor: my first months",
        body=(
            "Six months ago I was a mentee; now I mentor a young inspector. The hardest "
            "part is listening more than advising. Any tips from experienced mentors?"
        ),
        replies=(
            (
                "mentor",
                "Ask before you advise: *what have you tried already?* It changes the "
                "whole conversation.",
            ),
            ("w3.tn", "Et fixer ensemble un objectif concret pour chaque trimestre."),
            ("w2.jo", "Thank you both, I will try this at our next meeting."),
        ),
    ),
]

# The posts the moderators have to look at.
HELD_REPLY = (
    "border",
    "Contrôle aux frontières et sensibilité au genre : vos pratiques",
    "m3.tn",
    "Je peux partager le déroulé de la perquisition menée la semaine dernière au poste, "
    "c'est un bon exemple de travail en équipe mixte.",
)
BLOCKED_REPLY = (
    "border",
    "Formation aux bases de données d'INTERPOL : retours des participantes",
    "w1.tn",
    "Pendant l'exercice, nous avons vérifié le passeport de démonstration A12345678 : "
    "excellent exercice.",
    "Ce numéro vient du spécimen fourni par les formateurs, ce n'est pas un vrai passeport.",
)
NEW_MEMBER_REPLY = (
    "كيف نجعل مراكز الشرطة أكثر أمانًا للنساء المبلِّغات؟",
    "انضممت حديثًا إلى الفضاء. في مديريتنا خصصنا خطًا هاتفيًا للاستشارات تديره ضابطات، "
    "وقد زاد عدد البلاغات بشكل ملحوظ.",
)
FLAGGED = (
    "Takeaways from the IAWP conference",
    "m3.jo",
    "w1.ps",
    FlagReason.OTHER,
    "Could the moderators check that sharing conference slides is allowed?",
)

# --- the resource library ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResourcePlan:
    titles: tuple[str, str, str]  # en, fr, ar
    descriptions: tuple[str, str, str]
    kind: str
    language: str
    thematic_area: str | None
    tags: str
    url: str = ""
    pages: tuple[tuple[str, ...], ...] = ()  # one PDF per version, each a list of lines
    version_notes: tuple[str, ...] = ()
    space: str | None = None
    downloads: int = 0


RESOURCES = [
    ResourcePlan(
        titles=(
            "Gender-sensitive policing toolkit",
            "Boîte à outils pour une police sensible au genre",
            "دليل أدوات العمل الشرطي المراعي للنوع الاجتماعي",
        ),
        descriptions=(
            "The programme's toolkit: receiving survivors of violence, gender-sensitive "
            "interviews, women's professional networks, and checklists for managers.",
            "La boîte à outils du programme : accueil des victimes de violences, entretiens "
            "sensibles au genre, réseaux professionnels de femmes et listes de contrôle pour "
            "l'encadrement.",
            "دليل البرنامج: استقبال الناجيات من العنف، والمقابلات المراعية للنوع الاجتماعي، "
            "وشبكات النساء المهنية، وقوائم تحقق للقيادات.",
        ),
        kind=ResourceKind.TOOLKIT,
        language="en",
        thematic_area="gender-sensitive-policing",
        tags="gender, toolkit, networks, النوع الاجتماعي",
        pages=(
            (
                "Gender-sensitive policing toolkit",
                "Momentum MENA programme - first edition",
                "1. Receiving survivors of violence",
                "2. Gender-sensitive interviews",
                "3. Professional networks of women officers",
            ),
            (
                "Gender-sensitive policing toolkit",
                "Momentum MENA programme - second edition",
                "1. Receiving survivors of violence",
                "2. Gender-sensitive interviews (revised)",
                "3. Professional networks of women officers",
                "4. Checklists for managers",
            ),
        ),
        version_notes=("First edition", "Revised chapter on interviews; checklists added"),
        downloads=24,
    ),
    ResourcePlan(
        titles=(
            "International Association of Women Police (IAWP)",
            "Association internationale des femmes policières (IAWP)",
            "الرابطة الدولية للشرطيات",
        ),
        descriptions=(
            "The association's website: conferences, awards, and its global network of women "
            "in policing.",
            "Le site de l'association : conférences, prix et réseau mondial des femmes dans la "
            "police.",
            "موقع الرابطة: المؤتمرات والجوائز وشبكتها العالمية للنساء في العمل الشرطي.",
        ),
        kind=ResourceKind.LINK,
        language="en",
        thematic_area="gender-sensitive-policing",
        tags="networks, women in policing",
        url="https://www.iawp.org/",
    ),
    ResourcePlan(
        titles=(
            "UN Women: handbook on gender-responsive police services",
            "ONU Femmes : manuel sur les services de police sensibles au genre",
            "هيئة الأمم المتحدة للمرأة: دليل خدمات الشرطة المستجيبة للنوع الاجتماعي",
        ),
        descriptions=(
            "The handbook on gender-responsive police services for women and girls subject "
            "to violence.",
            "Le manuel sur les services de police sensibles au genre pour les femmes et les "
            "filles victimes de violences.",
            "دليل خدمات الشرطة المستجيبة للنوع الاجتماعي للنساء والفتيات المعرضات للعنف.",
        ),
        kind=ResourceKind.GUIDE,
        language="en",
        thematic_area="gender-sensitive-policing",
        tags="gender, violence against women, UN Women",
        url="https://www.unwomen.org/en/digital-library/publications/2021/01/"
        "handbook-gender-responsive-police-services",
    ),
    ResourcePlan(
        titles=(
            "Checklist: gender-sensitive interviews",
            "Fiche pratique : l'entretien sensible au genre",
            "قائمة تحقق: المقابلة المراعية للنوع الاجتماعي",
        ),
        descriptions=(
            "A two-page checklist for interviewing victims and witnesses.",
            "Une fiche de deux pages pour l'audition des victimes et des témoins.",
            "قائمة من صفحتين للاستماع إلى الضحايا والشهود.",
        ),
        kind=ResourceKind.TRAINING_MATERIAL,
        language="fr",
        thematic_area="gender-sensitive-policing",
        tags="entretien, victimes, genre",
        pages=(
            (
                "Fiche pratique : l'entretien sensible au genre",
                "Avant : un lieu calme, le choix de l'intervenant",
                "Pendant : des questions ouvertes, sans jugement",
                "Apres : expliquer la suite de la procedure",
            ),
        ),
        version_notes=("Première version",),
        downloads=15,
    ),
    ResourcePlan(
        titles=(
            "Leadership course: participant handout",
            "Cours de leadership : document des participantes",
            "دورة القيادة: وثيقة المشاركات",
        ),
        descriptions=(
            "The handout of the leadership course for women officers.",
            "Le document remis aux participantes du cours de leadership.",
            "الوثيقة المسلَّمة للمشاركات في دورة القيادة للضابطات.",
        ),
        kind=ResourceKind.TRAINING_MATERIAL,
        language="en",
        thematic_area="leadership",
        tags="leadership, القيادة, training",
        pages=(
            (
                "Leadership course for women officers",
                "Negotiation, public speaking, leading mixed teams",
                "Personal action plan",
            ),
        ),
        version_notes=("Handout of the first session",),
        downloads=11,
    ),
    ResourcePlan(
        titles=(
            "Gender-sensitive checks at border posts",
            "Contrôle sensible au genre aux postes frontières",
            "المراقبة المراعية للنوع الاجتماعي في المنافذ الحدودية",
        ),
        descriptions=(
            "A one-page reminder for border posts: searches, vulnerable people, referrals.",
            "Un aide-mémoire d'une page pour les postes frontières : fouilles, personnes "
            "vulnérables, orientation.",
            "مذكرة من صفحة واحدة للمنافذ الحدودية: التفتيش، والأشخاص المستضعفون، والإحالة.",
        ),
        kind=ResourceKind.GUIDE,
        language="fr",
        thematic_area="border-security",
        tags="frontières, genre, traite",
        pages=(
            (
                "Controle sensible au genre aux postes frontieres",
                "Fouille par une agente ou un agent, au choix de la personne",
                "Signes de vulnerabilite et orientation",
            ),
        ),
        version_notes=("Version initiale",),
        space="border",
        downloads=7,
    ),
]


# --- a tiny PDF, written by hand (Latin text, the PDF base font) ------------------------------


def _pdf_text(text: str) -> str:
    ascii_text = text.encode("latin-1", "replace").decode("latin-1")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def tiny_pdf(lines: tuple[str, ...]) -> bytes:
    """A one-page PDF showing ``lines`` (enough for the library's demo files)."""
    content_lines = ["BT", "/F1 16 Tf", "50 780 Td", "22 TL"]
    for index, line in enumerate(lines):
        if index == 1:
            content_lines.append("/F1 11 Tf")
        content_lines.append(f"({_pdf_text(line)}) Tj T*")
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --- the seeder -------------------------------------------------------------------------------

_MENTION = re.compile(r"@\{([\w.]+)\}")
_OFFICER_EMAIL = re.compile(r"^officer(\d+)\.([a-z]{2})@example\.org$")


@dataclass
class _Counts:
    threads: int = 0
    replies: int = 0
    held: int = 0
    blocked: int = 0
    members: int = 0
    resources: int = 0
    downloads: int = 0
    by_language: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class _Seeder:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.rng = random.Random(20240404)  # fixed: the demo is the same everywhere
        self.now = timezone.now().replace(microsecond=0)
        self.people = self._load_people()
        self.staff = self.person("staff")
        self.spaces: dict[str, Space] = {}
        self.threads: dict[str, Thread] = {}
        self.counts = _Counts()
        self.handles: dict[str, str] = {}

    # --- people ---

    def _load_people(self) -> dict[str, User]:
        """Demo people by key: "staff", "moderator", "trainer", "mentor", "focal.jo",
        "board.ma", and officers as "w2.tn" (the second woman officer of Tunisia) or "m1.jo"."""
        people: dict[str, User] = {}
        users = User.objects.filter(email__endswith="@example.org").select_related("profile")
        numbered: dict[tuple[str, str], list[tuple[int, User]]] = defaultdict(list)
        for user in users.order_by("pk"):
            local = user.email.split("@", 1)[0]
            match = _OFFICER_EMAIL.match(user.email)
            if match is None:
                people[local] = user
                continue
            profile = getattr(user, "profile", None)
            if profile is None:
                continue
            letter = "w" if profile.sex == Sex.FEMALE else "m"
            numbered[(letter, match.group(2))].append((int(match.group(1)), user))
        for (letter, country), found in numbered.items():
            for position, (_number, user) in enumerate(sorted(found, key=lambda x: x[0]), 1):
                people[f"{letter}{position}.{country}"] = user
        return people

    def person(self, key: str) -> User:
        try:
            return self.people[key]
        except KeyError:
            raise RuntimeError(f"The hub demo needs the demo person {key!r}.") from None

    def expand(self, keys: tuple[str, ...], countries: list[str]) -> list[User]:
        """People keys, with "*" standing for every active country's code."""
        users: list[User] = []
        for key in keys:
            expanded = [key.replace("*", code) for code in countries] if "*" in key else [key]
            for each in expanded:
                user = self.people.get(each)
                if user is not None and user not in users:
                    users.append(user)
        return users

    # --- spaces and members ---

    def seed_watched_terms(self) -> None:
        for phrase, language, note in WATCHED_TERMS:
            watched_terms.add_watched_term(
                by=self.staff, phrase=phrase, language=language, note=note
            )

    def seed_spaces(self) -> None:
        countries = list(
            Country.objects.exclude(status=CountryStatus.NOT_YET_ACTIVE).order_by("code")
        )
        codes = [country.code.lower() for country in countries]
        areas = {area.code: area for area in ThematicArea.objects.all()}
        plans = list(SPACES)
        for country in countries:
            cc = country.code.lower()
            names = {code: getattr(country, f"name_{code}") for code in ("en", "fr", "ar")}
            plans.append(
                SpacePlan(
                    key=f"country-{cc}",
                    names=(names["en"], names["fr"], names["ar"]),
                    descriptions=tuple(  # type: ignore[arg-type]
                        text % names for text in COUNTRY_SPACE_DESCRIPTIONS
                    ),
                    kind=SpaceKind.COUNTRY,
                    join_policy=JoinPolicy.OPEN,
                    main_language=COUNTRY_SPACE_LANGUAGE.get(country.code, "ar"),
                    moderators=(f"focal.{cc}",),
                    members=(
                        *(f"w{n}.{cc}" for n in range(1, 6)),
                        *(f"m{n}.{cc}" for n in (1, 2, 3)),
                    ),
                )
            )
        by_code = {country.code.lower(): country for country in countries}
        for plan in plans:
            moderators = self.expand(plan.moderators, codes)
            space = create_space(
                data=SpaceData(
                    name_en=plan.names[0],
                    name_fr=plan.names[1],
                    name_ar=plan.names[2],
                    description_en=plan.descriptions[0],
                    description_fr=plan.descriptions[1],
                    description_ar=plan.descriptions[2],
                    kind=plan.kind,
                    join_policy=plan.join_policy,
                    main_language=plan.main_language,
                    country=by_code.get(plan.key.removeprefix("country-"))
                    if plan.kind == SpaceKind.COUNTRY
                    else None,
                    thematic_area=areas.get(plan.thematic_area or ""),
                    hold_first_posts=plan.hold_first_posts,
                    moderators=moderators,
                ),
                by=self.staff,
            )
            if plan.key == "network":
                Space.objects.filter(pk=space.pk).update(slug=NETWORK_SLUG)
                space.slug = NETWORK_SLUG
            self.spaces[plan.key] = space
            joined = self.now - timedelta(days=DAYS + self.rng.randint(1, 20))
            Space.objects.filter(pk=space.pk).update(created_at=joined - timedelta(days=3))
            Membership.objects.filter(space=space).update(joined_at=joined, created_at=joined)
            members = [user for user in self.expand(plan.members, codes) if user not in moderators]
            Membership.objects.bulk_create(
                [
                    Membership(
                        space=space,
                        user=user,
                        status=MembershipStatus.ACTIVE,
                        joined_at=joined + timedelta(days=self.rng.randint(0, 10)),
                        created_at=joined,
                        # Settled members; the counts are recomputed once every post is in.
                        published_posts=plan.hold_first_posts,
                    )
                    for user in members
                ],
                ignore_conflicts=True,
            )
        for space_key, person, message in REQUESTS:
            Membership.objects.create(
                space=self.spaces[space_key],
                user=self.person(person),
                status=MembershipStatus.REQUESTED,
                request_message=message,
                created_at=self.now - timedelta(days=self.rng.randint(1, 6)),
            )
        space_key, person = NEW_MEMBER
        Membership.objects.create(
            space=self.spaces[space_key],
            user=self.person(person),
            status=MembershipStatus.ACTIVE,
            joined_at=self.now - timedelta(days=3),
            created_at=self.now - timedelta(days=4),
        )
        self.counts.members = Membership.objects.filter(status=MembershipStatus.ACTIVE).count()

    def seed_settings(self) -> None:
        """Hub settings for every member: a handle, and how they appear (some women chose
        their initials only)."""
        member_ids = set(Membership.objects.values_list("user_id", flat=True).distinct())
        users = [user for user in self.people.values() if user.pk in member_ids]
        initials = []
        for user in sorted(users, key=lambda user: user.pk):
            settings = settings_for(user)
            profile = getattr(user, "profile", None)
            woman = profile is not None and profile.sex == Sex.FEMALE
            if (woman and self.rng.random() < 0.3) or (not woman and self.rng.random() < 0.08):
                initials.append(settings.pk)
        MemberSettings.objects.filter(pk__in=initials).update(name_display=NameDisplay.INITIALS)
        self.handles = {
            key: handle
            for key, user in self.people.items()
            for handle in MemberSettings.objects.filter(user=user).values_list("handle", flat=True)
            if key.startswith(("w", "m")) and user.pk in member_ids
        }

    # --- posting ---

    def _text(self, text: str) -> str:
        return _MENTION.sub(lambda match: f"@{self.handles[match.group(1)]}", text)

    def _backdate(self, post: Post, at: datetime) -> None:
        """Move a post to ``at`` at once (so the author's next post is not refused as too
        soon); its thread, notifications and the author's settings follow in ``settle_dates``."""
        published = post.status == PostStatus.PUBLISHED
        Post.objects.filter(pk=post.pk).update(
            created_at=at, published_at=at if published else None
        )
        post.created_at = at

    def _start(self, space: Space, author: User, title: str, body: str, at: datetime) -> Post:
        submission = threads.start_thread(space=space, by=author, title=title, body=body)
        self._backdate(submission.post, at)
        return submission.post

    def _reply(self, thread: Thread, author: User, body: str, at: datetime) -> Post:
        submission = threads.reply_to_thread(thread=thread, by=author, body=body)
        self._backdate(submission.post, at)
        return submission.post

    def settle_dates(self) -> None:
        """Threads, notifications and the authors' last posts at the dates of their posts."""
        posts = list(
            Post.objects.values(
                "pk", "thread_id", "author_id", "status", "is_opening", "created_at"
            )
        )
        opened: dict[int, datetime] = {}
        last: dict[int, datetime] = {}
        last_by_author: dict[int, datetime] = {}
        created = {}
        for row in posts:
            created[row["pk"]] = row["created_at"]
            if row["is_opening"]:
                opened[row["thread_id"]] = row["created_at"]
            if row["status"] == PostStatus.PUBLISHED:
                last[row["thread_id"]] = max(
                    last.get(row["thread_id"], row["created_at"]), row["created_at"]
                )
            if row["status"] != PostStatus.BLOCKED:
                author = row["author_id"]
                last_by_author[author] = max(
                    last_by_author.get(author, row["created_at"]), row["created_at"]
                )
        thread_rows = list(Thread.objects.filter(pk__in=opened))
        for thread in thread_rows:
            thread.created_at = opened[thread.pk]
            thread.last_posted_at = last.get(thread.pk, thread.created_at)
        Thread.objects.bulk_update(thread_rows, ["created_at", "last_posted_at"])
        settings = list(MemberSettings.objects.filter(user_id__in=last_by_author))
        for each in settings:
            each.last_posted_at = last_by_author[each.user_id]
        MemberSettings.objects.bulk_update(settings, ["last_posted_at"])
        notifications = []
        week_ago = self.now - timedelta(days=7)
        for notification in Notification.objects.filter(url__contains="#post-"):
            match = re.search(r"#post-(\d+)$", notification.url)
            at = created.get(int(match.group(1))) if match else None
            if at is None:
                continue
            notification.created_at = at
            notification.read_at = at + timedelta(hours=5) if at < week_ago else None
            notifications.append(notification)
        Notification.objects.bulk_update(notifications, ["created_at", "read_at"])

    def _expect_published(self, post: Post, what: str) -> None:
        if post.status != PostStatus.PUBLISHED:
            raise RuntimeError(f"The hub demo's {what} was not published ({post.status}).")

    def seed_threads(self) -> None:
        for plan in THREADS:
            space = self.spaces[plan.space]
            at = self.now - timedelta(days=plan.days_ago, hours=self.rng.randint(0, 8))
            opening = self._start(
                space, self.person(plan.author), plan.title, self._text(plan.body), at
            )
            self._expect_published(opening, f"thread “{plan.title}”")
            thread = opening.thread
            self.threads[plan.title] = thread
            self.counts.threads += 1
            self.counts.by_language[space.main_language] += 1
            # Replies come over the following days, never in the future.
            step = max(1.0, plan.days_ago * 0.6 / max(1, len(plan.replies)))
            for author_key, body in plan.replies:
                at = min(
                    at + timedelta(hours=self.rng.uniform(2, step * 24)),
                    self.now - timedelta(minutes=self.rng.randint(30, 600)),
                )
                post = self._reply(thread, self.person(author_key), self._text(body), at)
                self._expect_published(post, f"reply in “{plan.title}”")
                self.counts.replies += 1
            if plan.pinned:
                Thread.objects.filter(pk=thread.pk).update(is_pinned=True)

    def seed_moderation(self) -> None:
        """A post held for a watched word, one blocked and sent for review, a new member's
        first post waiting, and a flagged post."""
        recent = self.now - timedelta(hours=20)
        _space, title, author, body = HELD_REPLY
        held = self._reply(self.threads[title], self.person(author), body, recent)
        if held.status != PostStatus.HELD:
            raise RuntimeError("The hub demo's watched word did not hold the post.")
        _space, title, author, body, message = BLOCKED_REPLY
        blocked = self._reply(
            self.threads[title], self.person(author), body, recent + timedelta(hours=2)
        )
        if blocked.status != PostStatus.BLOCKED:
            raise RuntimeError("The hub demo's passport number was not blocked.")
        threads.request_review(post=blocked, by=self.person(author), message=message)
        title, body = NEW_MEMBER_REPLY
        waiting = self._reply(
            self.threads[title], self.person(NEW_MEMBER[1]), body, recent + timedelta(hours=4)
        )
        if waiting.status != PostStatus.HELD:
            raise RuntimeError("The hub demo's new member's first post was not held.")
        self.counts.held, self.counts.blocked = 2, 1
        title, post_author, reporter, reason, comment = FLAGGED
        post = (
            Post.objects.select_related("space", "thread")
            .filter(thread=self.threads[title], author=self.person(post_author))
            .first()
        )
        if post is None:
            raise RuntimeError("The hub demo's flagged post is missing.")
        moderation.flag_post(post=post, by=self.person(reporter), reason=reason, comment=comment)

    def recount_members(self) -> None:
        """Each membership's published posts, from the posts themselves."""
        published = {
            (row["space_id"], row["author_id"]): row["total"]
            for row in Post.objects.filter(status=PostStatus.PUBLISHED)
            .values("space_id", "author_id")
            .annotate(total=Count("pk"))
        }
        memberships = list(Membership.objects.all())
        for membership in memberships:
            membership.published_posts = published.get((membership.space_id, membership.user_id), 0)
        Membership.objects.bulk_update(memberships, ["published_posts"])

    # --- the library ---

    def seed_resources(self) -> None:
        areas = {area.code: area for area in ThematicArea.objects.all()}
        readers = [
            user
            for key, user in sorted(self.people.items())
            if key[:1] in ("w", "m") and key[1:2].isdigit()
        ]
        for number, plan in enumerate(RESOURCES):
            first = (
                SimpleUploadedFile(
                    f"{_file_stem(plan.titles[0])}.pdf",
                    tiny_pdf(plan.pages[0]),
                    content_type="application/pdf",
                )
                if plan.pages
                else None
            )
            resource = resource_services.create_resource(
                by=self.staff,
                kind=plan.kind,
                language=plan.language,
                thematic_area=areas.get(plan.thematic_area or ""),
                space=self.spaces[plan.space] if plan.space else None,
                tags=plan.tags,
                url=plan.url,
                file=first,
                note=plan.version_notes[0] if plan.version_notes else "",
                title_en=plan.titles[0],
                title_fr=plan.titles[1],
                title_ar=plan.titles[2],
                description_en=plan.descriptions[0],
                description_fr=plan.descriptions[1],
                description_ar=plan.descriptions[2],
            )
            for later, note in zip(plan.pages[1:], plan.version_notes[1:], strict=True):
                resource_services.add_version(
                    by=self.staff,
                    resource=resource,
                    file=SimpleUploadedFile(
                        f"{_file_stem(plan.titles[0])}.pdf",
                        tiny_pdf(later),
                        content_type="application/pdf",
                    ),
                    note=note,
                )
            created = self.now - timedelta(days=DAYS - 10 * number)
            Resource.objects.filter(pk=resource.pk).update(
                created_at=created, updated_at=created + timedelta(days=30 * (resource.version - 1))
            )
            resource.versions.filter(number=1).update(uploaded_at=created)
            self.counts.resources += 1
            for reader in self.rng.sample(readers, k=min(plan.downloads, len(readers))):
                resource_services.record_download(resource=resource, user=reader)
                self.counts.downloads += 1
        # Spread the downloads over the time since each resource was added.
        downloads = list(Download.objects.select_related("resource").order_by("pk"))
        for download in downloads:
            days = max(1, (self.now - download.resource.created_at).days)
            download.downloaded_at = self.now - timedelta(days=self.rng.randint(0, days - 1))
        Download.objects.bulk_update(downloads, ["downloaded_at"])


def _file_stem(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def _already_seeded() -> bool:
    return Space.objects.filter(slug=NETWORK_SLUG).exists()


@register_seeder(40, "hub")
def seed_hub(say: Callable[[str], None]) -> None:
    if _already_seeded():
        say("Hub: the demo spaces are already there; nothing seeded.")
        return
    if not RoleAssignment.objects.filter(role=Role.STAFF).exists():
        say("Hub: no demo people; nothing seeded.")
        return
    seeder = _Seeder(say)
    seeder.seed_watched_terms()
    seeder.seed_spaces()
    seeder.seed_settings()
    seeder.seed_threads()
    seeder.seed_moderation()
    seeder.recount_members()
    seeder.settle_dates()
    seeder.seed_resources()
    entries = search_index.reindex_all()
    counts = seeder.counts
    say(
        f"Hub: {len(seeder.spaces)} spaces with {counts.members} members; {counts.threads} "
        f"threads and {counts.replies} replies; {counts.held} posts waiting for a moderator, "
        f"{counts.blocked} blocked and sent for review, 1 flagged; {len(WATCHED_TERMS)} watched "
        f"words; {counts.resources} resources with {counts.downloads} downloads; "
        f"{entries} search entries."
    )
