"""The demo programme's courses, sessions, nominations, attendance, tests and certificates.

Sixteen courses across the four tracks, each with a question bank, written in English, French
and Arabic; about thirty past sessions (mid-2023 to autumn 2026) that went through the whole
lifecycle — quotas, nominations in every status, attendance for every day, pre- and post-tests
answered question by question, anonymous evaluations and certificates for those who completed —
and the sessions around today: one completed days ago (post-test still open), one running, one
confirmed, one in selection, four open for nomination, a draft and a cancelled one.

Everything is synthetic and deterministic (a fixed random seed; certificate codes included):
the people are those of ``people.demo_data``. Egypt, not yet active, is given no seats. Rows are
written with ``bulk_create``: the counters the services keep (``SeatQuota.selected``) are set to
what the nominations say, and certificates are issued exactly where the completion rule of
``training.completion`` is met. Their PDFs are left empty: rendered on first download.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from momentum.core.demo import register_seeder
from momentum.core.models import AreaOfWork, City, Country, CountryStatus, ThematicArea
from momentum.people.models import Profile, RankLevel, Role, RoleAssignment, Sex, User
from momentum.training.completion import progress_for
from momentum.training.models import (
    Answer,
    Attendance,
    AttendanceMark,
    Certificate,
    Choice,
    Course,
    Delivery,
    Evaluation,
    EvaluationKind,
    EvaluationReceipt,
    FollowUpInvitation,
    Nomination,
    NominationStatus,
    Question,
    QuestionKind,
    SeatQuota,
    Session,
    SessionStatus,
    TestAttempt,
    TestKind,
    Track,
)
from momentum.training.services.catalogue import course_search_key

# English, French, Arabic.
Text = tuple[str, str, str]
LANGUAGES = ("en", "fr", "ar")
TRUE_FALSE: dict[bool, Text] = {True: ("True", "Vrai", "صحيح"), False: ("False", "Faux", "خطأ")}


@dataclass(frozen=True)
class QuestionSpec:
    kind: str
    text: Text
    choices: tuple[Text, ...]
    correct: frozenset[int]  # indexes into ``choices``
    difficulty: float = 0.0  # added to the chance of a right answer: negative is harder


def _single(
    text: Text, choices: Sequence[Text], right: int, difficulty: float = 0.0
) -> QuestionSpec:
    return QuestionSpec(QuestionKind.SINGLE, text, tuple(choices), frozenset({right}), difficulty)


def _multiple(
    text: Text, choices: Sequence[Text], right: Iterable[int], difficulty: float = -0.08
) -> QuestionSpec:
    return QuestionSpec(QuestionKind.MULTIPLE, text, tuple(choices), frozenset(right), difficulty)


def _true_false(text: Text, true: bool, difficulty: float = 0.05) -> QuestionSpec:
    return QuestionSpec(
        QuestionKind.TRUE_FALSE,
        text,
        (TRUE_FALSE[True], TRUE_FALSE[False]),
        frozenset({0 if true else 1}),
        difficulty,
    )


@dataclass(frozen=True)
class CourseSpec:
    code: str
    title: Text
    summary: Text
    objectives: tuple[Text, ...]
    track: str
    thematic_area: str
    areas: tuple[str, ...]
    delivery: str
    hours: int
    questions: tuple[QuestionSpec, ...]
    rank_levels: tuple[str, ...] = ()
    validity_years: int | None = None
    motivation: bool = False
    endorsement: bool = False
    women_only: bool = False
    prerequisites: tuple[str, ...] = ()


COURSES: tuple[CourseSpec, ...] = (
    CourseSpec(
        code="pcp-intro",
        title=(
            "INTERPOL's policing capabilities: tools and services for member countries",
            "Les capacités policières d'INTERPOL : outils et services pour les pays membres",
            "القدرات الشرطية للإنتربول: الأدوات والخدمات المتاحة للبلدان الأعضاء",
        ),
        summary=(
            "What INTERPOL offers front-line units and National Central Bureaus: the I-24/7 "
            "network, the global databases, notices and diffusions, forensic and analytical "
            "support, and how to ask for them through your NCB.",
            "Ce qu'INTERPOL offre aux unités de terrain et aux bureaux centraux nationaux : le "
            "réseau I-24/7, les bases de données mondiales, les notices et diffusions, l'appui "
            "criminalistique et analytique, et la manière de les demander par l'intermédiaire "
            "de votre BCN.",
            "ما يقدّمه الإنتربول للوحدات الميدانية وللمكاتب المركزية الوطنية: منظومة الاتصالات "
            "I-24/7، وقواعد البيانات العالمية، والنشرات والتعاميم، والدعم الجنائي والتحليلي، "
            "وكيفية طلبها عن طريق المكتب المركزي الوطني في بلدك.",
        ),
        objectives=(
            (
                "Describe the role of INTERPOL's General Secretariat and of National Central Bureaus.",
                "Décrire le rôle du Secrétariat général d'INTERPOL et des bureaux centraux nationaux.",
                "وصف دور الأمانة العامة للإنتربول والمكاتب المركزية الوطنية.",
            ),
            (
                "Name the main INTERPOL databases and what each one holds.",
                "Citer les principales bases de données d'INTERPOL et leur contenu.",
                "تسمية قواعد بيانات الإنتربول الرئيسية وما تحتويه كل منها.",
            ),
            (
                "Tell notices from diffusions and know when each is used.",
                "Distinguer les notices des diffusions et savoir quand recourir à chacune.",
                "التمييز بين النشرات والتعاميم ومعرفة متى يُستخدم كلٌّ منهما.",
            ),
            (
                "Request INTERPOL's support for a case through the proper channel.",
                "Demander l'appui d'INTERPOL pour une affaire par le canal approprié.",
                "طلب دعم الإنتربول في قضية ما عبر القناة المناسبة.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="interpol-capabilities",
        areas=(),
        delivery=Delivery.IN_PERSON,
        hours=24,
        validity_years=4,
        questions=(
            _single(
                ("What is I-24/7?", "Qu'est-ce que I-24/7 ?", "ما هي منظومة I-24/7؟"),
                (
                    (
                        "A 24-hour telephone line for the public",
                        "Une ligne téléphonique ouverte au public 24 heures sur 24",
                        "خط هاتفي مفتوح للجمهور على مدار الساعة",
                    ),
                    (
                        "INTERPOL's secure global police communications network",
                        "Le réseau mondial sécurisé de communication policière d'INTERPOL",
                        "شبكة الاتصالات الشرطية العالمية المأمونة التابعة للإنتربول",
                    ),
                    (
                        "A database of stolen motor vehicles",
                        "Une base de données de véhicules volés",
                        "قاعدة بيانات للمركبات المسروقة",
                    ),
                    (
                        "INTERPOL's training symposium",
                        "Le symposium de formation d'INTERPOL",
                        "الندوة التدريبية للإنتربول",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _single(
                (
                    "Which office is the usual link between a country's police and INTERPOL?",
                    "Quel service assure habituellement le lien entre la police d'un pays et INTERPOL ?",
                    "ما الجهة التي تشكّل عادةً حلقة الوصل بين شرطة بلدٍ ما والإنتربول؟",
                ),
                (
                    ("The nearest embassy", "L'ambassade la plus proche", "أقرب سفارة"),
                    (
                        "The Ministry of Foreign Affairs",
                        "Le ministère des Affaires étrangères",
                        "وزارة الخارجية",
                    ),
                    (
                        "The National Central Bureau (NCB)",
                        "Le bureau central national (BCN)",
                        "المكتب المركزي الوطني",
                    ),
                    (
                        "INTERPOL's General Assembly",
                        "L'Assemblée générale d'INTERPOL",
                        "الجمعية العامة للإنتربول",
                    ),
                ),
                right=2,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which of these are INTERPOL databases? (Choose all that apply.)",
                    "Lesquelles de ces bases de données sont gérées par INTERPOL ? (Plusieurs réponses possibles.)",
                    "أيٌّ مما يلي من قواعد بيانات الإنتربول؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Stolen and Lost Travel Documents (SLTD)",
                        "Documents de voyage volés et perdus (SLTD)",
                        "وثائق السفر المسروقة والمفقودة (SLTD)",
                    ),
                    (
                        "A national register of driving licences",
                        "Un registre national des permis de conduire",
                        "سجلّ وطني لرخص القيادة",
                    ),
                    (
                        "Stolen Motor Vehicles (SMV)",
                        "Véhicules automobiles volés (SMV)",
                        "المركبات الآلية المسروقة (SMV)",
                    ),
                    (
                        "Illicit Arms Records and tracing Management System (iARMS)",
                        "Système de gestion des registres et du traçage des armes illicites (iARMS)",
                        "نظام إدارة سجلات الأسلحة غير المشروعة وتعقّبها (iARMS)",
                    ),
                ),
                right={0, 2, 3},
            ),
            _true_false(
                (
                    "A Red Notice is an international arrest warrant.",
                    "Une notice rouge est un mandat d'arrêt international.",
                    "النشرة الحمراء مذكرة توقيف دولية.",
                ),
                true=False,
                difficulty=-0.15,
            ),
            _single(
                (
                    "Which notice seeks to locate a missing person?",
                    "Quelle notice vise à retrouver une personne disparue ?",
                    "أيّ نشرة تهدف إلى تحديد مكان شخص مفقود؟",
                ),
                (
                    ("Black", "Noire", "السوداء"),
                    ("Purple", "Mauve", "البنفسجية"),
                    ("Yellow", "Jaune", "الصفراء"),
                    ("Orange", "Orange", "البرتقالية"),
                ),
                right=2,
            ),
            _true_false(
                (
                    "Only the country that issued a travel document may record it in SLTD as stolen or lost.",
                    "Seul le pays qui a délivré un document de voyage peut l'enregistrer dans SLTD comme volé ou perdu.",
                    "لا يجوز إلا للبلد الذي أصدر وثيقة السفر أن يسجّلها في قاعدة SLTD بوصفها مسروقة أو مفقودة.",
                ),
                true=True,
                difficulty=-0.05,
            ),
        ),
    ),
    CourseSpec(
        code="sltd-find-mind",
        title=(
            "Border screening with SLTD and FIND/MIND",
            "Contrôle aux frontières avec SLTD et les solutions FIND/MIND",
            "التدقيق على الحدود باستخدام قاعدة SLTD وحلول FIND/MIND",
        ),
        summary=(
            "Screening travellers and their documents against INTERPOL's Stolen and Lost Travel "
            "Documents database at the border, through the fixed (FIND) and mobile (MIND) "
            "integrations, and handling a hit from the first alert to its confirmation by the "
            "NCB.",
            "Contrôler les voyageurs et leurs documents à la frontière dans la base de données "
            "d'INTERPOL sur les documents de voyage volés et perdus, grâce aux intégrations fixe "
            "(FIND) et mobile (MIND), et traiter une concordance de la première alerte à sa "
            "confirmation par le BCN.",
            "تدقيق المسافرين ووثائقهم على الحدود في قاعدة بيانات الإنتربول لوثائق السفر "
            "المسروقة والمفقودة عبر حلَّي الربط الثابت (FIND) والمتنقل (MIND)، والتعامل مع "
            "حالة التطابق من التنبيه الأول حتى تأكيدها من المكتب المركزي الوطني.",
        ),
        objectives=(
            (
                "Explain what SLTD holds and who may record a document in it.",
                "Expliquer le contenu de SLTD et qui peut y enregistrer un document.",
                "شرح محتوى قاعدة SLTD ومن يحق له تسجيل وثيقة فيها.",
            ),
            (
                "Tell FIND from MIND and choose the right one for a border post.",
                "Distinguer FIND de MIND et choisir la solution adaptée à un poste frontière.",
                "التمييز بين FIND وMIND واختيار الحل المناسب لمركز حدودي.",
            ),
            (
                "Handle a hit step by step, lawfully and without delaying other travellers.",
                "Traiter une concordance étape par étape, dans le respect du droit et sans retarder les autres voyageurs.",
                "التعامل مع حالة التطابق خطوة بخطوة وفق القانون ودون تأخير بقية المسافرين.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="border-security",
        areas=("border-management", "ncb"),
        delivery=Delivery.IN_PERSON,
        hours=24,
        validity_years=4,
        prerequisites=("pcp-intro",),
        questions=(
            _single(
                ("What does SLTD contain?", "Que contient SLTD ?", "ماذا تحتوي قاعدة SLTD؟"),
                (
                    (
                        "Records of travel documents reported stolen or lost",
                        "Des signalements de documents de voyage déclarés volés ou perdus",
                        "سجلات وثائق السفر المبلَّغ عن سرقتها أو فقدانها",
                    ),
                    (
                        "Fingerprints of wanted persons",
                        "Les empreintes digitales des personnes recherchées",
                        "بصمات أصابع الأشخاص المطلوبين",
                    ),
                    (
                        "Vehicle registrations",
                        "Les immatriculations de véhicules",
                        "تسجيلات المركبات",
                    ),
                    ("Visa applications", "Les demandes de visa", "طلبات التأشيرة"),
                ),
                right=0,
                difficulty=0.1,
            ),
            _single(
                (
                    "What is the difference between FIND and MIND?",
                    "Quelle est la différence entre FIND et MIND ?",
                    "ما الفرق بين FIND وMIND؟",
                ),
                (
                    (
                        "FIND is for passports, MIND for vehicles",
                        "FIND sert aux passeports, MIND aux véhicules",
                        "FIND للجوازات وMIND للمركبات",
                    ),
                    (
                        "FIND queries INTERPOL's databases online; MIND uses a copy kept locally and updated regularly",
                        "FIND interroge les bases d'INTERPOL en ligne ; MIND utilise une copie conservée localement et mise à jour régulièrement",
                        "يستعلم FIND من قواعد بيانات الإنتربول مباشرةً عبر الشبكة، بينما يستخدم MIND نسخة محلية تُحدَّث بانتظام",
                    ),
                    (
                        "FIND is used at airports, MIND only at sea ports",
                        "FIND est utilisé dans les aéroports, MIND seulement dans les ports",
                        "يُستخدم FIND في المطارات وMIND في الموانئ البحرية فقط",
                    ),
                    (
                        "There is none: they are two names for one system",
                        "Il n'y en a aucune : ce sont deux noms du même système",
                        "لا فرق بينهما: هما اسمان لنظام واحد",
                    ),
                ),
                right=1,
                difficulty=-0.05,
            ),
            _true_false(
                (
                    "A hit in SLTD is enough on its own to arrest the traveller.",
                    "Une concordance dans SLTD suffit à elle seule pour arrêter le voyageur.",
                    "يكفي التطابق في قاعدة SLTD وحده لتوقيف المسافر.",
                ),
                true=False,
                difficulty=-0.05,
            ),
            _multiple(
                (
                    "After a hit in SLTD at a checkpoint, which steps are right? (Choose all that apply.)",
                    "Après une concordance dans SLTD à un point de contrôle, quelles étapes sont correctes ? (Plusieurs réponses possibles.)",
                    "بعد ظهور تطابق في قاعدة SLTD عند نقطة التفتيش، ما الخطوات الصحيحة؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Keep the document and ask the traveller to wait while the hit is checked",
                        "Conserver le document et demander au voyageur d'attendre pendant la vérification",
                        "الاحتفاظ بالوثيقة والطلب من المسافر الانتظار ريثما يُتحقَّق من التطابق",
                    ),
                    (
                        "Destroy the document on the spot",
                        "Détruire le document sur place",
                        "إتلاف الوثيقة في الحال",
                    ),
                    (
                        "Ask your NCB to confirm the hit with the country that recorded it",
                        "Demander à votre BCN de confirmer la concordance auprès du pays qui l'a enregistrée",
                        "الطلب من المكتب المركزي الوطني تأكيد التطابق مع البلد الذي سجّل الوثيقة",
                    ),
                    (
                        "Let the traveller through and report the hit later",
                        "Laisser passer le voyageur et signaler la concordance plus tard",
                        "السماح للمسافر بالعبور والإبلاغ عن التطابق لاحقًا",
                    ),
                ),
                right={0, 2},
            ),
            _single(
                (
                    "Which country may record a stolen passport in SLTD?",
                    "Quel pays peut enregistrer un passeport volé dans SLTD ?",
                    "أيّ بلد يحق له تسجيل جواز سفر مسروق في قاعدة SLTD؟",
                ),
                (
                    (
                        "The country where the theft was discovered",
                        "Le pays où le vol a été découvert",
                        "البلد الذي اكتُشفت فيه السرقة",
                    ),
                    (
                        "Any INTERPOL member country",
                        "N'importe quel pays membre d'INTERPOL",
                        "أيّ بلد عضو في الإنتربول",
                    ),
                    (
                        "The INTERPOL General Secretariat",
                        "Le Secrétariat général d'INTERPOL",
                        "الأمانة العامة للإنتربول",
                    ),
                    (
                        "The country that issued the passport",
                        "Le pays qui a délivré le passeport",
                        "البلد الذي أصدر جواز السفر",
                    ),
                ),
                right=3,
            ),
            _true_false(
                (
                    "Through FIND or MIND, border officers can check documents against SLTD without calling the NCB for every check.",
                    "Grâce à FIND ou MIND, les agents aux frontières peuvent vérifier les documents dans SLTD sans appeler le BCN à chaque contrôle.",
                    "يستطيع ضباط الحدود عبر FIND أو MIND التحقق من الوثائق في قاعدة SLTD دون الاتصال بالمكتب المركزي الوطني في كل مرة.",
                ),
                true=True,
                difficulty=0.1,
            ),
        ),
    ),
    CourseSpec(
        code="notices-diffusions",
        title=(
            "INTERPOL notices and diffusions: requesting, reading and acting on them",
            "Notices et diffusions d'INTERPOL : les demander, les lire et y donner suite",
            "نشرات الإنتربول وتعاميمه: طلبها وقراءتها واتخاذ الإجراءات بشأنها",
        ),
        summary=(
            "The colour-coded notices and the diffusions that NCBs send to chosen countries: "
            "what each asks for, how a request is checked against INTERPOL's rules, and what a "
            "police officer may and may not do when a person or an object is the subject of one.",
            "Les notices de couleur et les diffusions que les BCN adressent aux pays de leur "
            "choix : ce que chacune demande, comment une demande est contrôlée au regard des "
            "règles d'INTERPOL, et ce qu'un policier peut ou ne peut pas faire lorsqu'une "
            "personne ou un objet en fait l'objet.",
            "النشرات الملوّنة والتعاميم التي ترسلها المكاتب المركزية الوطنية إلى البلدان التي "
            "تختارها: ما الذي تطلبه كلٌّ منها، وكيف يُدقَّق الطلب في ضوء قواعد الإنتربول، وما "
            "يجوز لضابط الشرطة وما لا يجوز له فعله حين يكون شخص أو شيء موضوعًا لإحداها.",
        ),
        objectives=(
            (
                "Explain the purpose of each colour of notice and of diffusions.",
                "Expliquer l'objet de chaque couleur de notice et des diffusions.",
                "شرح الغرض من كل لون من ألوان النشرات ومن التعاميم.",
            ),
            (
                "Prepare a complete, lawful request for a notice.",
                "Préparer une demande de notice complète et conforme aux règles.",
                "إعداد طلب نشرة مكتمل ومطابق للقواعد.",
            ),
            (
                "Act on a notice within national law and INTERPOL's rules.",
                "Donner suite à une notice dans le respect du droit national et des règles d'INTERPOL.",
                "اتخاذ الإجراءات بشأن نشرة ما في إطار القانون الوطني وقواعد الإنتربول.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="interpol-capabilities",
        areas=("ncb", "investigations", "border-management"),
        delivery=Delivery.BLENDED,
        hours=16,
        validity_years=4,
        prerequisites=("pcp-intro",),
        questions=(
            _single(
                (
                    "What is a Red Notice for?",
                    "À quoi sert une notice rouge ?",
                    "ما الغرض من النشرة الحمراء؟",
                ),
                (
                    (
                        "To warn of a dangerous object",
                        "Avertir de l'existence d'un objet dangereux",
                        "التحذير من شيء خطير",
                    ),
                    (
                        "To locate a person and arrest them provisionally pending extradition or similar legal action",
                        "Localiser une personne et l'arrêter provisoirement en vue de son extradition ou d'une action judiciaire similaire",
                        "تحديد مكان شخص وتوقيفه مؤقتًا ريثما يُسلَّم أو تُتخذ بحقه إجراءات قانونية مماثلة",
                    ),
                    (
                        "To identify an unidentified body",
                        "Identifier un cadavre non identifié",
                        "التعرّف على جثة مجهولة الهوية",
                    ),
                    (
                        "To share a criminal modus operandi",
                        "Diffuser un mode opératoire criminel",
                        "تبادل أسلوب إجرامي",
                    ),
                ),
                right=1,
            ),
            _single(
                (
                    "Which notice helps to identify unidentified bodies?",
                    "Quelle notice aide à identifier des cadavres non identifiés ?",
                    "أيّ نشرة تساعد على التعرف على الجثث مجهولة الهوية؟",
                ),
                (
                    ("Blue", "Bleue", "الزرقاء"),
                    ("Green", "Verte", "الخضراء"),
                    ("Yellow", "Jaune", "الصفراء"),
                    ("Black", "Noire", "السوداء"),
                ),
                right=3,
            ),
            _true_false(
                (
                    "A diffusion is sent directly by an NCB to the countries it chooses.",
                    "Une diffusion est envoyée directement par un BCN aux pays qu'il choisit.",
                    "يُرسل المكتب المركزي الوطني التعميم مباشرةً إلى البلدان التي يختارها.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "Which notices are about persons? (Choose all that apply.)",
                    "Quelles notices concernent des personnes ? (Plusieurs réponses possibles.)",
                    "أيّ النشرات تتعلق بأشخاص؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    ("Yellow", "Jaune", "الصفراء"),
                    ("Purple", "Mauve", "البنفسجية"),
                    ("Blue", "Bleue", "الزرقاء"),
                    ("Green", "Verte", "الخضراء"),
                ),
                right={0, 2, 3},
                difficulty=-0.12,
            ),
            _single(
                (
                    "Who publishes notices?",
                    "Qui publie les notices ?",
                    "من يصدر النشرات؟",
                ),
                (
                    (
                        "Any police station, directly",
                        "N'importe quel commissariat, directement",
                        "أيّ مركز شرطة مباشرةً",
                    ),
                    (
                        "The INTERPOL General Secretariat, at the request of a member country or an international entity",
                        "Le Secrétariat général d'INTERPOL, à la demande d'un pays membre ou d'une entité internationale",
                        "الأمانة العامة للإنتربول، بناءً على طلب بلد عضو أو كيان دولي",
                    ),
                    (
                        "The United Nations only",
                        "Les Nations unies uniquement",
                        "الأمم المتحدة فقط",
                    ),
                    (
                        "The requesting country's Ministry of Justice",
                        "Le ministère de la Justice du pays demandeur",
                        "وزارة العدل في البلد الطالب",
                    ),
                ),
                right=1,
            ),
            _true_false(
                (
                    "Every request for a notice is checked against INTERPOL's rules, including Article 3 of its Constitution.",
                    "Chaque demande de notice est contrôlée au regard des règles d'INTERPOL, dont l'article 3 de son Statut.",
                    "يُدقَّق كل طلب نشرة في ضوء قواعد الإنتربول، ومنها المادة 3 من قانونه الأساسي.",
                ),
                true=True,
                difficulty=-0.05,
            ),
        ),
    ),
    CourseSpec(
        code="i247-ncb",
        title=(
            "I-24/7 and NCB operations",
            "I-24/7 et fonctionnement des BCN",
            "منظومة I-24/7 وعمل المكاتب المركزية الوطنية",
        ),
        summary=(
            "For NCB staff: running the bureau's daily work on I-24/7 — messages, requests for "
            "information, data quality and the rules on processing data — and extending access "
            "to border posts and specialised units.",
            "Pour le personnel des BCN : le travail quotidien du bureau sur I-24/7 — messages, "
            "demandes d'information, qualité des données et règles sur le traitement des "
            "données — et l'extension de l'accès aux postes frontières et aux unités "
            "spécialisées.",
            "لموظفي المكاتب المركزية الوطنية: إدارة العمل اليومي للمكتب على منظومة I-24/7 — "
            "الرسائل وطلبات المعلومات وجودة البيانات وقواعد معالجتها — وتوسيع الوصول إليها "
            "ليشمل المراكز الحدودية والوحدات المتخصصة.",
        ),
        objectives=(
            (
                "Write clear, complete messages and requests on I-24/7.",
                "Rédiger des messages et des demandes clairs et complets sur I-24/7.",
                "كتابة رسائل وطلبات واضحة ومكتملة على منظومة I-24/7.",
            ),
            (
                "Apply INTERPOL's Rules on the Processing of Data in daily work.",
                "Appliquer au quotidien le Règlement d'INTERPOL sur le traitement des données.",
                "تطبيق قواعد الإنتربول لمعالجة البيانات في العمل اليومي.",
            ),
            (
                "Plan the extension of I-24/7 access beyond the NCB.",
                "Planifier l'extension de l'accès à I-24/7 au-delà du BCN.",
                "التخطيط لتوسيع الوصول إلى منظومة I-24/7 خارج المكتب المركزي الوطني.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="interpol-capabilities",
        areas=("ncb",),
        delivery=Delivery.IN_PERSON,
        hours=30,
        validity_years=4,
        prerequisites=("pcp-intro",),
        questions=(
            _single(
                (
                    "What does a National Central Bureau do?",
                    "Quel est le rôle d'un bureau central national ?",
                    "ما دور المكتب المركزي الوطني؟",
                ),
                (
                    (
                        "It links the country's law-enforcement agencies with other countries and the INTERPOL General Secretariat",
                        "Il relie les services répressifs du pays aux autres pays et au Secrétariat général d'INTERPOL",
                        "يربط أجهزة إنفاذ القانون في البلد بالبلدان الأخرى وبالأمانة العامة للإنتربول",
                    ),
                    (
                        "It prosecutes international criminals",
                        "Il poursuit les criminels internationaux en justice",
                        "يلاحق المجرمين الدوليين قضائيًا",
                    ),
                    ("It issues passports", "Il délivre les passeports", "يصدر جوازات السفر"),
                    (
                        "It replaces the national police in cross-border cases",
                        "Il remplace la police nationale dans les affaires transfrontalières",
                        "يحلّ محل الشرطة الوطنية في القضايا العابرة للحدود",
                    ),
                ),
                right=0,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Access to I-24/7 can be extended beyond the NCB to other authorised units, such as border posts.",
                    "L'accès à I-24/7 peut être étendu au-delà du BCN à d'autres unités autorisées, comme les postes frontières.",
                    "يمكن توسيع الوصول إلى منظومة I-24/7 خارج المكتب المركزي الوطني ليشمل وحدات مخوّلة أخرى، كالمراكز الحدودية.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "What makes a message on I-24/7 effective? (Choose all that apply.)",
                    "Qu'est-ce qui rend un message sur I-24/7 efficace ? (Plusieurs réponses possibles.)",
                    "ما الذي يجعل الرسالة على منظومة I-24/7 فعّالة؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "A clear subject and the case reference",
                        "Un objet clair et la référence de l'affaire",
                        "موضوع واضح ومرجع القضية",
                    ),
                    (
                        "Copying every member country in every message",
                        "Mettre tous les pays membres en copie de chaque message",
                        "إرسال نسخة من كل رسالة إلى جميع البلدان الأعضاء",
                    ),
                    (
                        "The legal basis and the action requested",
                        "Le fondement juridique et l'action demandée",
                        "الأساس القانوني والإجراء المطلوب",
                    ),
                    (
                        "Only the data needed for the purpose",
                        "Uniquement les données nécessaires à la finalité",
                        "البيانات اللازمة للغرض فقط",
                    ),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "Who is responsible for the accuracy of the data a country records in INTERPOL's databases?",
                    "Qui est responsable de l'exactitude des données qu'un pays enregistre dans les bases d'INTERPOL ?",
                    "من المسؤول عن دقة البيانات التي يسجّلها بلدٌ ما في قواعد بيانات الإنتربول؟",
                ),
                (
                    (
                        "The INTERPOL General Secretariat",
                        "Le Secrétariat général d'INTERPOL",
                        "الأمانة العامة للإنتربول",
                    ),
                    (
                        "Whoever consults the data",
                        "Quiconque consulte les données",
                        "كل من يطّلع على البيانات",
                    ),
                    (
                        "The country that recorded them",
                        "Le pays qui les a enregistrées",
                        "البلد الذي سجّلها",
                    ),
                    ("Nobody", "Personne", "لا أحد"),
                ),
                right=2,
            ),
            _single(
                (
                    "A foreign NCB asks for information about a person. What do you do first?",
                    "Un BCN étranger demande des informations sur une personne. Que faites-vous d'abord ?",
                    "طلب مكتب مركزي وطني أجنبي معلومات عن شخص. ما أول ما تفعله؟",
                ),
                (
                    (
                        "Answer at once with everything on file",
                        "Répondre aussitôt avec tout ce qui figure au dossier",
                        "الرد فورًا بكل ما في الملف",
                    ),
                    (
                        "Ignore it unless it comes with a notice",
                        "L'ignorer sauf si elle est accompagnée d'une notice",
                        "تجاهله ما لم يكن مصحوبًا بنشرة",
                    ),
                    (
                        "Check the request's legal basis and purpose before answering",
                        "Vérifier le fondement juridique et la finalité de la demande avant de répondre",
                        "التحقق من الأساس القانوني للطلب والغرض منه قبل الرد",
                    ),
                    (
                        "Forward it to the press office",
                        "La transmettre au service de presse",
                        "إحالته إلى المكتب الإعلامي",
                    ),
                ),
                right=2,
            ),
            _true_false(
                (
                    "Data received through INTERPOL's channels may be used for any purpose without asking their source.",
                    "Les données reçues par les canaux d'INTERPOL peuvent être utilisées à toute fin sans l'accord de leur source.",
                    "يجوز استخدام البيانات الواردة عبر قنوات الإنتربول لأي غرض دون استئذان مصدرها.",
                ),
                true=False,
            ),
        ),
    ),
    CourseSpec(
        code="biometrics-borders",
        title=(
            "Biometrics at borders: fingerprints and facial recognition",
            "La biométrie aux frontières : empreintes digitales et reconnaissance faciale",
            "القياسات الحيوية على الحدود: بصمات الأصابع والتعرف على الوجه",
        ),
        summary=(
            "Capturing good fingerprints and face images at the border, searching them against "
            "INTERPOL's fingerprint (AFIS) and face recognition (IFRS) systems through the NCB, "
            "and treating a match as a lead that experts confirm.",
            "Relever des empreintes digitales et des images faciales de qualité à la frontière, "
            "les comparer aux systèmes d'INTERPOL d'empreintes digitales (AFIS) et de "
            "reconnaissance faciale (IFRS) par l'intermédiaire du BCN, et traiter une "
            "concordance comme une piste que des experts confirment.",
            "التقاط بصمات أصابع وصور وجه جيدة على الحدود، ومقارنتها بنظامَي الإنتربول لبصمات "
            "الأصابع (AFIS) والتعرف على الوجه (IFRS) عن طريق المكتب المركزي الوطني، والتعامل "
            "مع التطابق بوصفه خيطًا يؤكده الخبراء.",
        ),
        objectives=(
            (
                "Capture fingerprints and face images of a quality fit for searching.",
                "Relever des empreintes et des images faciales d'une qualité suffisante pour la recherche.",
                "التقاط بصمات وصور وجه بجودة تصلح للبحث.",
            ),
            (
                "Explain how AFIS and IFRS searches are requested and answered.",
                "Expliquer comment les recherches AFIS et IFRS sont demandées et traitées.",
                "شرح كيفية طلب عمليات البحث في AFIS وIFRS والرد عليها.",
            ),
            (
                "Protect biometric data as sensitive personal data.",
                "Protéger les données biométriques en tant que données personnelles sensibles.",
                "حماية البيانات الحيوية بوصفها بيانات شخصية حساسة.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="border-security",
        areas=("biometrics", "border-management"),
        delivery=Delivery.IN_PERSON,
        hours=24,
        validity_years=4,
        questions=(
            _single(
                (
                    "Which INTERPOL system compares fingerprints?",
                    "Quel système d'INTERPOL compare les empreintes digitales ?",
                    "أيّ نظام لدى الإنتربول يقارن بصمات الأصابع؟",
                ),
                (
                    ("IFRS", "IFRS", "IFRS"),
                    ("AFIS", "AFIS", "AFIS"),
                    ("SLTD", "SLTD", "SLTD"),
                    ("iARMS", "iARMS", "iARMS"),
                ),
                right=1,
            ),
            _single(
                (
                    "IFRS is INTERPOL's…",
                    "IFRS est, à INTERPOL, le…",
                    "نظام IFRS لدى الإنتربول هو…",
                ),
                (
                    (
                        "firearms reference table",
                        "tableau de référence des armes à feu",
                        "الجدول المرجعي للأسلحة النارية",
                    ),
                    (
                        "stolen vehicles database",
                        "fichier des véhicules volés",
                        "قاعدة بيانات المركبات المسروقة",
                    ),
                    (
                        "face recognition system",
                        "système de reconnaissance faciale",
                        "نظام التعرف على الوجه",
                    ),
                    ("document library", "bibliothèque de documents", "مكتبة الوثائق"),
                ),
                right=2,
            ),
            _true_false(
                (
                    "A face recognition match is a lead to be verified by a specialist, not an identification on its own.",
                    "Une concordance en reconnaissance faciale est une piste à vérifier par un spécialiste, pas une identification en soi.",
                    "التطابق في التعرف على الوجه خيطٌ يتحقق منه مختص، وليس تحديدًا للهوية بحد ذاته.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "What improves the quality of fingerprints taken at a border? (Choose all that apply.)",
                    "Qu'est-ce qui améliore la qualité des empreintes relevées à la frontière ? (Plusieurs réponses possibles.)",
                    "ما الذي يحسّن جودة البصمات المأخوذة على الحدود؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    ("Clean, dry fingers", "Des doigts propres et secs", "أصابع نظيفة وجافة"),
                    (
                        "Pressing as fast as possible to save time",
                        "Appuyer le plus vite possible pour gagner du temps",
                        "الضغط بأسرع ما يمكن لتوفير الوقت",
                    ),
                    (
                        "Placing the whole fingertip flat on the scanner",
                        "Poser toute la dernière phalange bien à plat sur le capteur",
                        "وضع طرف الإصبع كاملًا ومستويًا على الماسح",
                    ),
                    (
                        "Checking the image before saving it",
                        "Vérifier l'image avant de l'enregistrer",
                        "التحقق من الصورة قبل حفظها",
                    ),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "Which biometric is stored in the chip of every ICAO-compliant e-passport?",
                    "Quelle donnée biométrique figure dans la puce de tout passeport électronique conforme à l'OACI ?",
                    "ما المعطى الحيوي المخزَّن في شريحة كل جواز سفر إلكتروني مطابق لمعايير الإيكاو؟",
                ),
                (
                    ("Fingerprints", "Les empreintes digitales", "بصمات الأصابع"),
                    ("The iris", "L'iris", "قزحية العين"),
                    ("The face image", "L'image du visage", "صورة الوجه"),
                    ("A DNA profile", "Un profil ADN", "بصمة الحمض النووي"),
                ),
                right=2,
                difficulty=-0.15,
            ),
            _true_false(
                (
                    "Biometric data are personal data: they are collected and kept only as the law allows and for a stated purpose.",
                    "Les données biométriques sont des données personnelles : elles ne sont recueillies et conservées que dans les limites de la loi et pour une finalité déclarée.",
                    "البيانات الحيوية بيانات شخصية: لا تُجمع ولا تُحفظ إلا بما يسمح به القانون ولغرض محدد.",
                ),
                true=True,
                difficulty=0.1,
            ),
        ),
    ),
    CourseSpec(
        code="firearms-iarms",
        title=(
            "Firearms trafficking and iARMS",
            "Trafic d'armes à feu et système iARMS",
            "الاتجار بالأسلحة النارية ونظام iARMS",
        ),
        summary=(
            "Identifying a seized firearm with the INTERPOL Firearms Reference Table, checking it "
            "in iARMS, and sending a trace request to follow its history back to the last legal "
            "owner, so that each seizure can reveal a trafficking route.",
            "Identifier une arme saisie grâce au Tableau de référence des armes à feu d'INTERPOL, "
            "la vérifier dans iARMS et adresser une demande de traçage pour remonter son "
            "historique jusqu'au dernier détenteur légal, afin que chaque saisie puisse révéler "
            "une filière de trafic.",
            "التعرّف على سلاح ناري مضبوط باستخدام الجدول المرجعي للأسلحة النارية لدى الإنتربول، "
            "والتحقق منه في نظام iARMS، وإرسال طلب تعقّب لتتبّع تاريخه حتى آخر مالك قانوني، "
            "ليصبح كل ضبط مدخلًا لكشف طريق من طرق الاتجار.",
        ),
        objectives=(
            (
                "Describe a firearm precisely enough to trace it.",
                "Décrire une arme à feu avec assez de précision pour la tracer.",
                "وصف السلاح الناري بدقة تكفي لتعقّبه.",
            ),
            (
                "Search and record firearms in iARMS.",
                "Rechercher et enregistrer des armes à feu dans iARMS.",
                "البحث عن الأسلحة النارية وتسجيلها في نظام iARMS.",
            ),
            (
                "Send and answer international trace requests.",
                "Envoyer des demandes de traçage internationales et y répondre.",
                "إرسال طلبات التعقّب الدولية والرد عليها.",
            ),
        ),
        track=Track.INTERPOL_CAPABILITIES,
        thematic_area="tocr",
        areas=("investigations", "border-management", "ncb"),
        delivery=Delivery.BLENDED,
        hours=20,
        validity_years=4,
        questions=(
            _single(
                ("What is iARMS?", "Qu'est-ce qu'iARMS ?", "ما هو نظام iARMS؟"),
                (
                    (
                        "A firearms training simulator",
                        "Un simulateur d'entraînement au tir",
                        "جهاز محاكاة للتدريب على الرماية",
                    ),
                    (
                        "INTERPOL's Illicit Arms Records and tracing Management System",
                        "Le système de gestion des registres et du traçage des armes illicites d'INTERPOL",
                        "نظام الإنتربول لإدارة سجلات الأسلحة غير المشروعة وتعقّبها",
                    ),
                    (
                        "A register of gun dealers' licences",
                        "Un registre des licences d'armuriers",
                        "سجل لتراخيص تجار الأسلحة",
                    ),
                    (
                        "A list of banned weapons",
                        "Une liste d'armes interdites",
                        "قائمة بالأسلحة المحظورة",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _single(
                (
                    "What does a firearm trace establish?",
                    "Qu'établit le traçage d'une arme à feu ?",
                    "ماذا يُثبت تعقّب السلاح الناري؟",
                ),
                (
                    (
                        "Whether the firearm was fired recently",
                        "Si l'arme a tiré récemment",
                        "ما إذا كان السلاح قد استُخدم مؤخرًا",
                    ),
                    (
                        "The owner's criminal record",
                        "Le casier judiciaire du propriétaire",
                        "السجل الجنائي للمالك",
                    ),
                    ("The firearm's price", "Le prix de l'arme", "ثمن السلاح"),
                    (
                        "The firearm's history from manufacture or import to its last legal owner",
                        "L'historique de l'arme, de sa fabrication ou importation à son dernier détenteur légal",
                        "تاريخ السلاح من صنعه أو استيراده حتى آخر مالك قانوني له",
                    ),
                ),
                right=3,
            ),
            _true_false(
                (
                    "The INTERPOL Firearms Reference Table helps to identify a firearm by make, model and calibre.",
                    "Le Tableau de référence des armes à feu d'INTERPOL aide à identifier une arme par sa marque, son modèle et son calibre.",
                    "يساعد الجدول المرجعي للأسلحة النارية لدى الإنتربول على تحديد السلاح من خلال العلامة التجارية والطراز والعيار.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "Which details are needed to trace a seized firearm? (Choose all that apply.)",
                    "Quelles informations faut-il pour tracer une arme saisie ? (Plusieurs réponses possibles.)",
                    "ما البيانات اللازمة لتعقّب سلاح مضبوط؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    ("The make", "La marque", "العلامة التجارية"),
                    ("The model", "Le modèle", "الطراز"),
                    (
                        "The colour of the bag it was found in",
                        "La couleur du sac où elle a été trouvée",
                        "لون الحقيبة التي وُجد فيها",
                    ),
                    ("The serial number", "Le numéro de série", "الرقم التسلسلي"),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "Where should a trace request for a firearm made abroad be sent?",
                    "À qui adresser une demande de traçage pour une arme fabriquée à l'étranger ?",
                    "إلى أين يُرسل طلب تعقّب سلاح صُنع في الخارج؟",
                ),
                (
                    (
                        "To the country of manufacture or last legal import, through INTERPOL's channels",
                        "Au pays de fabrication ou de dernière importation légale, par les canaux d'INTERPOL",
                        "إلى بلد الصنع أو بلد آخر استيراد قانوني، عبر قنوات الإنتربول",
                    ),
                    (
                        "To the seller who advertised it online",
                        "Au vendeur qui l'a proposée en ligne",
                        "إلى البائع الذي عرضه على الإنترنت",
                    ),
                    (
                        "To any neighbouring country",
                        "À n'importe quel pays voisin",
                        "إلى أيّ بلد مجاور",
                    ),
                    (
                        "Nowhere: a foreign firearm cannot be traced",
                        "Nulle part : une arme étrangère ne peut pas être tracée",
                        "إلى لا جهة: لا يمكن تعقّب سلاح أجنبي",
                    ),
                ),
                right=0,
            ),
            _true_false(
                (
                    "Once a serial number has been filed off, it can never be recovered.",
                    "Un numéro de série limé ne peut jamais être restauré.",
                    "إذا بُرد الرقم التسلسلي فلا يمكن استعادته أبدًا.",
                ),
                true=False,
                difficulty=-0.1,
            ),
        ),
    ),
    CourseSpec(
        code="migrant-smuggling",
        title=(
            "Investigating the smuggling of migrants",
            "Enquêter sur le trafic illicite de migrants",
            "التحقيق في جرائم تهريب المهاجرين",
        ),
        summary=(
            "How smuggling networks recruit, move and are paid, what tells smuggling apart from "
            "trafficking in persons, and how to investigate across borders while protecting the "
            "lives and rights of the migrants concerned.",
            "Comment les réseaux de passeurs recrutent, acheminent et se font payer, ce qui "
            "distingue le trafic de migrants de la traite des personnes, et comment enquêter "
            "par-delà les frontières tout en protégeant la vie et les droits des migrants.",
            "كيف تجنّد شبكات التهريب المهاجرين وتنقلهم وتتقاضى أموالها، وما الذي يميّز تهريب "
            "المهاجرين عن الاتجار بالأشخاص، وكيف يُجرى التحقيق عبر الحدود مع حماية أرواح "
            "المهاجرين المعنيين وحقوقهم.",
        ),
        objectives=(
            (
                "Apply the definition of the UN Protocol against the Smuggling of Migrants.",
                "Appliquer la définition du Protocole des Nations unies contre le trafic illicite de migrants.",
                "تطبيق تعريف بروتوكول الأمم المتحدة لمكافحة تهريب المهاجرين.",
            ),
            (
                "Recognise the indicators of a smuggling network.",
                "Reconnaître les indicateurs d'un réseau de passeurs.",
                "التعرّف على مؤشرات وجود شبكة تهريب.",
            ),
            (
                "Plan a financial and cross-border investigation.",
                "Planifier une enquête financière et transfrontalière.",
                "التخطيط لتحقيق مالي عابر للحدود.",
            ),
        ),
        track=Track.CRIME_SPECIFIC,
        thematic_area="tocr",
        areas=("migrant-smuggling", "border-management", "investigations"),
        delivery=Delivery.IN_PERSON,
        hours=32,
        questions=(
            _single(
                (
                    "Under the UN Protocol, the smuggling of migrants means…",
                    "Au sens du Protocole des Nations unies, le trafic illicite de migrants consiste à…",
                    "وفقًا لبروتوكول الأمم المتحدة، يعني تهريب المهاجرين…",
                ),
                (
                    (
                        "moving people by force to exploit them",
                        "déplacer des personnes par la force pour les exploiter",
                        "نقل الأشخاص بالقوة لاستغلالهم",
                    ),
                    (
                        "any irregular crossing of a border",
                        "tout franchissement irrégulier d'une frontière",
                        "أيّ عبور غير نظامي للحدود",
                    ),
                    (
                        "procuring a person's illegal entry into a country for a financial or other material benefit",
                        "assurer l'entrée illégale d'une personne dans un pays afin d'en tirer un avantage financier ou matériel",
                        "تدبير الدخول غير المشروع لشخص إلى بلد ما من أجل الحصول على منفعة مالية أو مادية",
                    ),
                    (
                        "helping refugees apply for asylum",
                        "aider des réfugiés à demander l'asile",
                        "مساعدة اللاجئين على طلب اللجوء",
                    ),
                ),
                right=2,
            ),
            _true_false(
                (
                    "Under the Protocol, migrants are to be prosecuted for the fact of having been smuggled.",
                    "Selon le Protocole, les migrants doivent être poursuivis pour le seul fait d'avoir été l'objet d'un trafic.",
                    "ينصّ البروتوكول على ملاحقة المهاجرين قضائيًا لمجرد أنهم كانوا محلًّا للتهريب.",
                ),
                true=False,
                difficulty=-0.1,
            ),
            _multiple(
                (
                    "Which statements about smuggling and trafficking are right? (Choose all that apply.)",
                    "Quelles affirmations sur le trafic de migrants et la traite sont exactes ? (Plusieurs réponses possibles.)",
                    "أيّ العبارات التالية عن التهريب والاتجار صحيحة؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Smuggling always involves crossing a border; trafficking need not",
                        "Le trafic de migrants implique toujours le passage d'une frontière ; la traite pas nécessairement",
                        "ينطوي التهريب دائمًا على عبور الحدود، أما الاتجار فقد لا ينطوي على ذلك",
                    ),
                    (
                        "Trafficking requires the victim's valid consent",
                        "La traite suppose le consentement valable de la victime",
                        "يشترط الاتجار موافقة صحيحة من الضحية",
                    ),
                    (
                        "Smuggling usually ends on arrival; trafficking continues with exploitation",
                        "Le trafic prend en général fin à l'arrivée ; la traite se poursuit par l'exploitation",
                        "ينتهي التهريب عادةً عند الوصول، بينما يستمر الاتجار بالاستغلال",
                    ),
                    (
                        "Smuggling only happens at sea",
                        "Le trafic de migrants n'a lieu qu'en mer",
                        "لا يحدث التهريب إلا في البحر",
                    ),
                ),
                right={0, 2},
            ),
            _single(
                (
                    "Which of these may point to a smuggling network at a border crossing?",
                    "Lequel de ces éléments peut révéler un réseau de passeurs à un point de passage ?",
                    "أيّ مما يلي قد يدل على شبكة تهريب عند معبر حدودي؟",
                ),
                (
                    (
                        "A family travelling with children",
                        "Une famille voyageant avec des enfants",
                        "أسرة تسافر مع أطفالها",
                    ),
                    (
                        "Several travellers with identical new documents and the same contact number",
                        "Plusieurs voyageurs porteurs de documents neufs identiques et du même numéro de contact",
                        "عدة مسافرين يحملون وثائق جديدة متطابقة ورقم اتصال واحدًا",
                    ),
                    (
                        "A traveller with a return ticket",
                        "Un voyageur muni d'un billet de retour",
                        "مسافر يحمل تذكرة عودة",
                    ),
                    (
                        "A business traveller with a valid visa",
                        "Un voyageur d'affaires muni d'un visa valide",
                        "مسافر في رحلة عمل يحمل تأشيرة سارية",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _single(
                (
                    "During an operation, what comes first for migrants found in danger?",
                    "Au cours d'une opération, quelle est la priorité pour des migrants trouvés en danger ?",
                    "أثناء العملية، ما الأولوية بالنسبة إلى المهاجرين الذين يُعثر عليهم في خطر؟",
                ),
                (
                    (
                        "Interviewing them about the smugglers",
                        "Les interroger sur les passeurs",
                        "استجوابهم بشأن المهرّبين",
                    ),
                    (
                        "Photographing them for the file",
                        "Les photographier pour le dossier",
                        "تصويرهم من أجل الملف",
                    ),
                    ("Returning them at once", "Les renvoyer immédiatement", "إعادتهم فورًا"),
                    (
                        "Protecting their life and safety",
                        "Protéger leur vie et leur sécurité",
                        "حماية أرواحهم وسلامتهم",
                    ),
                ),
                right=3,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Joint investigation teams and exchanges through INTERPOL help to follow a smuggling route across several countries.",
                    "Les équipes communes d'enquête et les échanges par INTERPOL aident à suivre une filière de trafic à travers plusieurs pays.",
                    "تساعد فرق التحقيق المشتركة وتبادل المعلومات عبر الإنتربول على تتبّع طريق تهريب يمر بعدة بلدان.",
                ),
                true=True,
            ),
        ),
    ),
    CourseSpec(
        code="thb-victims",
        title=(
            "Trafficking in human beings: identifying victims and investigating networks",
            "Traite des êtres humains : identifier les victimes et enquêter sur les réseaux",
            "الاتجار بالبشر: التعرف على الضحايا والتحقيق في الشبكات",
        ),
        summary=(
            "The act, means and purpose that make up trafficking; indicators that help front-line "
            "officers identify victims; interviews that put the victim's safety first; and "
            "investigations that follow the money and the network across borders.",
            "L'acte, les moyens et la finalité qui constituent la traite ; les indicateurs qui "
            "aident les agents de terrain à identifier les victimes ; des auditions qui font "
            "passer la sécurité de la victime en premier ; des enquêtes qui suivent l'argent et "
            "le réseau au-delà des frontières.",
            "الفعل والوسيلة والغرض التي يقوم عليها الاتجار؛ والمؤشرات التي تساعد الضباط "
            "الميدانيين على التعرف على الضحايا؛ ومقابلات تضع سلامة الضحية أولًا؛ وتحقيقات "
            "تتبّع الأموال والشبكة عبر الحدود.",
        ),
        objectives=(
            (
                "Apply the three elements of the definition of trafficking in persons.",
                "Appliquer les trois éléments de la définition de la traite des personnes.",
                "تطبيق العناصر الثلاثة لتعريف الاتجار بالأشخاص.",
            ),
            (
                "Identify presumed victims and refer them to support services.",
                "Identifier les victimes présumées et les orienter vers des services d'aide.",
                "التعرف على الضحايا المفترضين وإحالتهم إلى خدمات الدعم.",
            ),
            (
                "Conduct a victim-centred investigation.",
                "Mener une enquête centrée sur la victime.",
                "إجراء تحقيق يتمحور حول الضحية.",
            ),
        ),
        track=Track.CRIME_SPECIFIC,
        thematic_area="tocr",
        areas=("human-trafficking", "investigations", "border-management"),
        delivery=Delivery.IN_PERSON,
        hours=32,
        questions=(
            _single(
                (
                    "The three elements of trafficking in persons in the Palermo Protocol are…",
                    "Les trois éléments de la traite des personnes dans le Protocole de Palerme sont…",
                    "العناصر الثلاثة للاتجار بالأشخاص في بروتوكول باليرمو هي…",
                ),
                (
                    (
                        "the act, the means and the purpose of exploitation",
                        "l'acte, les moyens et la finalité d'exploitation",
                        "الفعل والوسيلة وغرض الاستغلال",
                    ),
                    (
                        "the border, the vehicle and the payment",
                        "la frontière, le véhicule et le paiement",
                        "الحدود والمركبة والدفع",
                    ),
                    (
                        "the victim, the witness and the judge",
                        "la victime, le témoin et le juge",
                        "الضحية والشاهد والقاضي",
                    ),
                    (
                        "recruitment, transport and arrival",
                        "le recrutement, le transport et l'arrivée",
                        "التجنيد والنقل والوصول",
                    ),
                ),
                right=0,
            ),
            _true_false(
                (
                    "For a child, trafficking is established even when none of the means (threat, force, deception…) was used.",
                    "Pour un enfant, la traite est constituée même si aucun des moyens (menace, force, tromperie…) n'a été employé.",
                    "في حالة الطفل، يثبت الاتجار حتى لو لم تُستخدم أيٌّ من الوسائل (التهديد أو القوة أو الخداع…).",
                ),
                true=True,
                difficulty=-0.1,
            ),
            _multiple(
                (
                    "Which may indicate that a person is a victim of trafficking? (Choose all that apply.)",
                    "Quels éléments peuvent indiquer qu'une personne est victime de traite ? (Plusieurs réponses possibles.)",
                    "أيّ مما يلي قد يشير إلى أن الشخص ضحية اتجار؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Someone else holds their identity documents",
                        "Quelqu'un d'autre détient ses papiers d'identité",
                        "شخص آخر يحتفظ بوثائق هويته",
                    ),
                    (
                        "They owe their employer a debt they cannot pay off",
                        "Elle doit à son employeur une dette qu'elle ne peut pas rembourser",
                        "عليه دين لصاحب العمل لا يستطيع سداده",
                    ),
                    (
                        "They travel on a tourist visa",
                        "Elle voyage avec un visa touristique",
                        "يسافر بتأشيرة سياحية",
                    ),
                    (
                        "They are not free to leave their workplace",
                        "Elle n'est pas libre de quitter son lieu de travail",
                        "ليس حرًّا في مغادرة مكان عمله",
                    ),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "The victim's consent to the intended exploitation…",
                    "Le consentement de la victime à l'exploitation envisagée…",
                    "موافقة الضحية على الاستغلال المقصود…",
                ),
                (
                    ("ends the case", "met fin à l'affaire", "تُنهي القضية"),
                    (
                        "turns trafficking into smuggling",
                        "transforme la traite en trafic de migrants",
                        "تحوّل الاتجار إلى تهريب",
                    ),
                    (
                        "is irrelevant where any of the means was used",
                        "est indifférent dès lors que l'un des moyens a été employé",
                        "لا يُعتدّ بها متى استُخدمت أيٌّ من الوسائل",
                    ),
                    (
                        "must be disproved by the victim",
                        "doit être réfuté par la victime",
                        "يجب على الضحية أن تنفيها",
                    ),
                ),
                right=2,
                difficulty=-0.1,
            ),
            _single(
                (
                    "In a first interview with a presumed victim, the priority is…",
                    "Lors d'une première audition d'une victime présumée, la priorité est…",
                    "في المقابلة الأولى مع ضحية مفترضة، تكون الأولوية…",
                ),
                (
                    (
                        "a full statement at once",
                        "une déposition complète immédiatement",
                        "الحصول على إفادة كاملة فورًا",
                    ),
                    (
                        "their safety and needs, with an interpreter and a specialised support service where possible",
                        "sa sécurité et ses besoins, avec un interprète et, si possible, un service d'aide spécialisé",
                        "سلامتها واحتياجاتها، بحضور مترجم وخدمة دعم متخصصة متى أمكن",
                    ),
                    (
                        "checking their immigration status",
                        "vérifier sa situation administrative",
                        "التحقق من وضعها في الإقامة",
                    ),
                    (
                        "confronting them with the suspect",
                        "la confronter au suspect",
                        "مواجهتها بالمشتبه به",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Victims should not be punished for offences they were compelled to commit as a direct result of being trafficked.",
                    "Les victimes ne devraient pas être sanctionnées pour les infractions qu'elles ont été contraintes de commettre du fait de la traite.",
                    "لا ينبغي معاقبة الضحايا على جرائم أُكرهوا على ارتكابها كنتيجة مباشرة للاتجار بهم.",
                ),
                true=True,
            ),
        ),
    ),
    CourseSpec(
        code="osint",
        title=(
            "Open-source investigations (OSINT) for law enforcement",
            "Enquêtes en sources ouvertes (OSINT) pour les services répressifs",
            "التحقيقات في المصادر المفتوحة لأجهزة إنفاذ القانون",
        ),
        summary=(
            "Finding, verifying and preserving publicly available information — websites, social "
            "networks, images and their metadata — lawfully and safely, so that it can support an "
            "investigation and stand as evidence. The tools change quickly: the certificate is "
            "valid for two years.",
            "Trouver, vérifier et conserver des informations accessibles au public — sites web, "
            "réseaux sociaux, images et leurs métadonnées — de manière licite et sûre, pour "
            "qu'elles servent l'enquête et puissent valoir preuve. Les outils évoluant vite, le "
            "certificat est valable deux ans.",
            "البحث عن المعلومات المتاحة للعموم — المواقع الإلكترونية وشبكات التواصل الاجتماعي "
            "والصور وبياناتها الوصفية — والتحقق منها وحفظها بطريقة قانونية وآمنة، لتدعم "
            "التحقيق وتصلح دليلًا. ولأن الأدوات تتغير بسرعة، فالشهادة صالحة لمدة سنتين.",
        ),
        objectives=(
            (
                "Plan an online search within its legal basis and authorisation.",
                "Planifier une recherche en ligne dans le respect de son cadre légal et des autorisations.",
                "التخطيط لبحث إلكتروني في حدود أساسه القانوني والإذن الممنوح.",
            ),
            (
                "Work from a safe, non-attributable environment.",
                "Travailler depuis un environnement sûr et non attribuable.",
                "العمل من بيئة آمنة لا تكشف هوية المحقق.",
            ),
            (
                "Capture and preserve online evidence with its integrity.",
                "Capturer et conserver les preuves en ligne en garantissant leur intégrité.",
                "التقاط الأدلة الإلكترونية وحفظها مع ضمان سلامتها.",
            ),
        ),
        track=Track.CRIME_SPECIFIC,
        thematic_area="tocr",
        areas=("osint", "investigations", "criminal-analysis"),
        delivery=Delivery.ONLINE,
        hours=20,
        validity_years=2,
        questions=(
            _single(
                (
                    "What is open-source information?",
                    "Qu'est-ce qu'une information de source ouverte ?",
                    "ما المقصود بالمعلومات من المصادر المفتوحة؟",
                ),
                (
                    (
                        "Information from an informant",
                        "Une information fournie par un informateur",
                        "معلومات يقدّمها مخبر",
                    ),
                    (
                        "Information publicly available to anyone and lawfully obtained",
                        "Une information accessible à tous et obtenue légalement",
                        "معلومات متاحة للجميع ويُحصل عليها بطريقة قانونية",
                    ),
                    (
                        "Intercepted communications",
                        "Des communications interceptées",
                        "اتصالات جرى اعتراضها",
                    ),
                    (
                        "Data from police databases",
                        "Des données des fichiers de police",
                        "بيانات من قواعد بيانات الشرطة",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Using your personal social-media account for an online investigation is good practice.",
                    "Utiliser son compte personnel de réseau social pour une enquête en ligne est une bonne pratique.",
                    "استخدام حسابك الشخصي على شبكات التواصل الاجتماعي في تحقيق إلكتروني ممارسة جيدة.",
                ),
                true=False,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which practices preserve online evidence? (Choose all that apply.)",
                    "Quelles pratiques permettent de conserver une preuve en ligne ? (Plusieurs réponses possibles.)",
                    "أيّ الممارسات تحفظ الأدلة الإلكترونية؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Capturing the page with its address, date and time",
                        "Capturer la page avec son adresse, sa date et son heure",
                        "التقاط الصفحة مع عنوانها وتاريخها ووقتها",
                    ),
                    (
                        "Recording a hash of each captured file",
                        "Enregistrer l'empreinte numérique (hash) de chaque fichier capturé",
                        "تسجيل البصمة الرقمية (hash) لكل ملف ملتقط",
                    ),
                    (
                        "Pasting the text into a document and deleting the capture",
                        "Coller le texte dans un document et supprimer la capture",
                        "لصق النص في مستند وحذف الملف الملتقط",
                    ),
                    (
                        "Keeping a log of every step",
                        "Tenir un journal de chaque étape",
                        "الاحتفاظ بسجل لكل خطوة",
                    ),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "Before starting an open-source investigation, you should…",
                    "Avant de commencer une enquête en sources ouvertes, il faut…",
                    "قبل البدء في تحقيق في المصادر المفتوحة، ينبغي…",
                ),
                (
                    (
                        "create as many fake profiles as possible",
                        "créer autant de faux profils que possible",
                        "إنشاء أكبر عدد ممكن من الحسابات الوهمية",
                    ),
                    (
                        "contact the person under investigation",
                        "contacter la personne visée par l'enquête",
                        "الاتصال بالشخص موضوع التحقيق",
                    ),
                    (
                        "check the legal basis and the authorisation required",
                        "vérifier le fondement juridique et l'autorisation nécessaire",
                        "التحقق من الأساس القانوني والإذن المطلوب",
                    ),
                    (
                        "publish the target's name",
                        "publier le nom de la cible",
                        "نشر اسم الشخص المستهدف",
                    ),
                ),
                right=2,
            ),
            _single(
                (
                    "What can a photo's EXIF metadata contain?",
                    "Que peuvent contenir les métadonnées EXIF d'une photo ?",
                    "ماذا قد تتضمن البيانات الوصفية (EXIF) لصورة ما؟",
                ),
                (
                    (
                        "The date, the camera model and sometimes GPS coordinates",
                        "La date, le modèle d'appareil et parfois des coordonnées GPS",
                        "التاريخ وطراز الكاميرا وأحيانًا إحداثيات الموقع الجغرافي",
                    ),
                    (
                        "The photographer's criminal record",
                        "Le casier judiciaire du photographe",
                        "السجل الجنائي للمصوّر",
                    ),
                    (
                        "The names of the people in it",
                        "Les noms des personnes photographiées",
                        "أسماء الأشخاص الظاهرين فيها",
                    ),
                    (
                        "The account's password",
                        "Le mot de passe du compte",
                        "كلمة مرور الحساب",
                    ),
                ),
                right=0,
            ),
            _true_false(
                (
                    "Most social networks remove a photo's metadata when it is uploaded.",
                    "La plupart des réseaux sociaux suppriment les métadonnées d'une photo lors de sa mise en ligne.",
                    "تحذف معظم شبكات التواصل الاجتماعي البيانات الوصفية للصورة عند تحميلها.",
                ),
                true=True,
                difficulty=-0.15,
            ),
        ),
    ),
    CourseSpec(
        code="criminal-analysis",
        title=(
            "Criminal intelligence analysis",
            "Analyse du renseignement criminel",
            "تحليل المعلومات الجنائية",
        ),
        summary=(
            "The intelligence cycle, evaluating sources and information, and the analyst's "
            "techniques — association charts, timelines, telephone and financial analysis — to "
            "turn scattered information into products that support investigations and decisions.",
            "Le cycle du renseignement, l'évaluation des sources et des informations, et les "
            "techniques de l'analyste — schémas relationnels, chronologies, analyse téléphonique "
            "et financière — pour transformer des informations éparses en produits utiles aux "
            "enquêtes et aux décisions.",
            "دورة المعلومات الاستخبارية، وتقييم المصادر والمعلومات، وتقنيات المحلل — مخططات "
            "الارتباط والتسلسل الزمني وتحليل الاتصالات الهاتفية والمعاملات المالية — لتحويل "
            "المعلومات المتفرقة إلى منتجات تدعم التحقيقات واتخاذ القرار.",
        ),
        objectives=(
            (
                "Follow the intelligence cycle from tasking to review.",
                "Suivre le cycle du renseignement, de l'orientation à l'évaluation finale.",
                "اتباع دورة المعلومات الاستخبارية من التكليف إلى المراجعة.",
            ),
            (
                "Grade sources and information consistently.",
                "Évaluer de manière cohérente les sources et les informations.",
                "تقييم المصادر والمعلومات بطريقة متسقة.",
            ),
            (
                "Produce association charts, timelines and an analytical report.",
                "Réaliser des schémas relationnels, des chronologies et un rapport d'analyse.",
                "إعداد مخططات ارتباط وتسلسلات زمنية وتقرير تحليلي.",
            ),
        ),
        track=Track.CRIME_SPECIFIC,
        thematic_area="tocr",
        areas=("criminal-analysis", "investigations"),
        delivery=Delivery.BLENDED,
        hours=40,
        validity_years=4,
        questions=(
            _single(
                (
                    "What is the usual order of the intelligence cycle?",
                    "Quel est l'ordre habituel du cycle du renseignement ?",
                    "ما الترتيب المعتاد لدورة المعلومات الاستخبارية؟",
                ),
                (
                    (
                        "Analysis, collection, direction, dissemination",
                        "Analyse, collecte, orientation, diffusion",
                        "التحليل، ثم الجمع، ثم التوجيه، ثم النشر",
                    ),
                    (
                        "Collection, dissemination, analysis, direction",
                        "Collecte, diffusion, analyse, orientation",
                        "الجمع، ثم النشر، ثم التحليل، ثم التوجيه",
                    ),
                    (
                        "Dissemination, direction, collection, analysis",
                        "Diffusion, orientation, collecte, analyse",
                        "النشر، ثم التوجيه، ثم الجمع، ثم التحليل",
                    ),
                    (
                        "Direction, collection, evaluation and collation, analysis, dissemination, review",
                        "Orientation, collecte, évaluation et rapprochement, analyse, diffusion, évaluation finale",
                        "التوجيه، ثم الجمع، ثم التقييم والتجميع، ثم التحليل، ثم النشر، ثم المراجعة",
                    ),
                ),
                right=3,
            ),
            _single(
                (
                    'In the 4×4 grading system, "A1" means…',
                    "Dans le système d'évaluation 4×4, « A1 » signifie…",
                    "في نظام التقييم 4×4، يعني الرمز «A1»…",
                ),
                (
                    (
                        "a reliable source and information known to be true",
                        "une source fiable et une information dont l'exactitude est établie",
                        "مصدرًا موثوقًا ومعلومة ثابتة الصحة",
                    ),
                    (
                        "a single source and unconfirmed information",
                        "une source unique et une information non confirmée",
                        "مصدرًا وحيدًا ومعلومة غير مؤكدة",
                    ),
                    ("an anonymous source", "une source anonyme", "مصدرًا مجهول الهوية"),
                    (
                        "the highest level of classification",
                        "le plus haut niveau de classification",
                        "أعلى درجات السرية",
                    ),
                ),
                right=0,
                difficulty=-0.1,
            ),
            _true_false(
                (
                    "Strategic analysis supports decisions on policy and priorities; operational analysis supports a specific investigation.",
                    "L'analyse stratégique éclaire les choix de politique et de priorités ; l'analyse opérationnelle appuie une enquête précise.",
                    "يدعم التحليل الاستراتيجي القرارات المتعلقة بالسياسات والأولويات، ويدعم التحليل العملياتي تحقيقًا بعينه.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "Which are analytical techniques or products? (Choose all that apply.)",
                    "Lesquels sont des techniques ou des produits d'analyse ? (Plusieurs réponses possibles.)",
                    "أيٌّ مما يلي من تقنيات التحليل أو منتجاته؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "An association (link) chart",
                        "Un schéma relationnel",
                        "مخطط الارتباط",
                    ),
                    ("An arrest warrant", "Un mandat d'arrêt", "مذكرة توقيف"),
                    (
                        "A timeline of events",
                        "Une chronologie des faits",
                        "التسلسل الزمني للأحداث",
                    ),
                    (
                        "Telephone record analysis",
                        "L'analyse des relevés téléphoniques",
                        "تحليل سجلات الاتصالات الهاتفية",
                    ),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "An analytical hypothesis should be…",
                    "Une hypothèse d'analyse doit être…",
                    "ينبغي أن تكون الفرضية التحليلية…",
                ),
                (
                    (
                        "confirmed at any cost",
                        "confirmée à tout prix",
                        "مؤكَّدة مهما كلّف الأمر",
                    ),
                    (
                        "kept from the investigators",
                        "cachée aux enquêteurs",
                        "محجوبة عن المحققين",
                    ),
                    (
                        "based on the analyst's intuition alone",
                        "fondée sur la seule intuition de l'analyste",
                        "قائمة على حدس المحلل وحده",
                    ),
                    (
                        "tested against all the information, including what contradicts it",
                        "confrontée à toutes les informations, y compris celles qui la contredisent",
                        "مختبَرة في ضوء جميع المعلومات، بما فيها ما يناقضها",
                    ),
                ),
                right=3,
                difficulty=0.05,
            ),
            _true_false(
                (
                    "A report should keep facts and the analyst's inferences clearly apart.",
                    "Un rapport doit bien séparer les faits des déductions de l'analyste.",
                    "ينبغي أن يفصل التقرير بوضوح بين الوقائع واستنتاجات المحلل.",
                ),
                true=True,
                difficulty=0.1,
            ),
        ),
    ),
    CourseSpec(
        code="document-fraud",
        title=(
            "Detecting document fraud: ICAO Doc 9303 and the machine-readable zone",
            "Détecter la fraude documentaire : le document 9303 de l'OACI et la zone de lecture automatique",
            "كشف تزوير الوثائق: الوثيقة 9303 للإيكاو ومنطقة القراءة الآلية",
        ),
        summary=(
            "Examining passports, identity cards and visas at first and second line: security "
            "features, the structure of the machine-readable zone and its check digits (ICAO "
            "Doc 9303), and the typical frauds — counterfeits, forgeries, impostors and fantasy "
            'documents. Practice uses ICAO\'s fictitious "Utopia" specimens only.',
            "Examiner passeports, cartes d'identité et visas en première et deuxième ligne : "
            "éléments de sécurité, structure de la zone de lecture automatique et ses chiffres de "
            "contrôle (document 9303 de l'OACI), et fraudes types — contrefaçons, "
            "falsifications, usurpations d'identité et documents fantaisistes. Les exercices "
            "n'utilisent que les spécimens fictifs « Utopia » de l'OACI.",
            "فحص جوازات السفر وبطاقات الهوية والتأشيرات في خطَّي الفحص الأول والثاني: عناصر "
            "الأمان، وبنية منطقة القراءة الآلية وأرقام التحقق فيها (الوثيقة 9303 للإيكاو)، "
            "وأنماط التزوير الشائعة — التقليد الكامل والتحوير وانتحال الشخصية والوثائق "
            "الوهمية. ولا تُستخدم في التمارين إلا النماذج الوهمية «يوتوبيا» الصادرة عن الإيكاو.",
        ),
        objectives=(
            (
                "Read the machine-readable zone of TD1, TD2 and TD3 documents and verify its check digits.",
                "Lire la zone de lecture automatique des documents TD1, TD2 et TD3 et en vérifier les chiffres de contrôle.",
                "قراءة منطقة القراءة الآلية في وثائق TD1 وTD2 وTD3 والتحقق من أرقام التحقق فيها.",
            ),
            (
                "Check the main security features with simple tools.",
                "Contrôler les principaux éléments de sécurité avec des outils simples.",
                "فحص عناصر الأمان الرئيسية بأدوات بسيطة.",
            ),
            (
                "Tell counterfeits, forgeries and impostors apart and refer them to second line.",
                "Distinguer contrefaçons, falsifications et usurpations et les orienter vers la deuxième ligne.",
                "التمييز بين التقليد والتحوير وانتحال الشخصية وإحالتها إلى خط الفحص الثاني.",
            ),
        ),
        track=Track.CRIME_SPECIFIC,
        thematic_area="border-security",
        areas=("border-management", "biometrics"),
        delivery=Delivery.IN_PERSON,
        hours=24,
        questions=(
            _single(
                (
                    "How many lines does the machine-readable zone of a passport (TD3) have?",
                    "Combien de lignes compte la zone de lecture automatique d'un passeport (TD3) ?",
                    "كم سطرًا تضم منطقة القراءة الآلية في جواز السفر (TD3)؟",
                ),
                (
                    ("One", "Une", "سطر واحد"),
                    (
                        "Two, of 44 characters each",
                        "Deux, de 44 caractères chacune",
                        "سطران، في كلٍّ منهما 44 حرفًا",
                    ),
                    ("Three", "Trois", "ثلاثة أسطر"),
                    ("Four", "Quatre", "أربعة أسطر"),
                ),
                right=1,
            ),
            _single(
                (
                    "Which weights are used to compute an MRZ check digit?",
                    "Quelles pondérations servent au calcul d'un chiffre de contrôle de la ZLA ?",
                    "ما الأوزان المستخدمة لحساب رقم التحقق في منطقة القراءة الآلية؟",
                ),
                (
                    ("1, 2, 3, repeated", "1, 2, 3, répétés", "1، 2، 3 بالتكرار"),
                    ("3, 7, 1, repeated", "3, 7, 1, répétés", "3، 7، 1 بالتكرار"),
                    ("2, 1, 2, repeated", "2, 1, 2, répétés", "2، 1، 2 بالتكرار"),
                    ("7, 3, 1, repeated", "7, 3, 1, répétés", "7، 3، 1 بالتكرار"),
                ),
                right=3,
                difficulty=-0.15,
            ),
            _true_false(
                (
                    'In the MRZ, the filler character "<" counts as 0 in a check digit.',
                    "Dans la ZLA, le caractère de remplissage « < » compte pour 0 dans un chiffre de contrôle.",
                    "في منطقة القراءة الآلية، يُحسب حرف الحشو «<» صفرًا عند حساب رقم التحقق.",
                ),
                true=True,
                difficulty=-0.05,
            ),
            _multiple(
                (
                    "Which are security features of a travel document? (Choose all that apply.)",
                    "Lesquels sont des éléments de sécurité d'un document de voyage ? (Plusieurs réponses possibles.)",
                    "أيٌّ مما يلي من عناصر الأمان في وثيقة السفر؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    ("Guilloche patterns", "Les guillochis", "الزخارف الخطية الدقيقة (الغيلوش)"),
                    (
                        "A plastic cover bought by the holder",
                        "Une pochette plastique achetée par le titulaire",
                        "غلاف بلاستيكي اشتراه حامل الوثيقة",
                    ),
                    (
                        "Optically variable ink or images",
                        "Les encres ou images optiquement variables",
                        "الأحبار أو الصور المتغيرة بصريًا",
                    ),
                    ("Microprinting", "Les microimpressions", "الطباعة المجهرية"),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "A genuine document used by someone other than its rightful holder is…",
                    "Un document authentique utilisé par une autre personne que son titulaire légitime relève…",
                    "الوثيقة الأصلية التي يستخدمها شخص غير صاحبها الشرعي حالةُ…",
                ),
                (
                    ("a counterfeit", "de la contrefaçon", "تقليد كامل"),
                    ("a forgery", "de la falsification", "تحوير"),
                    (
                        "an impostor (look-alike) case",
                        "de l'usurpation d'identité (sosie)",
                        "انتحال شخصية (شبيه)",
                    ),
                    ("a fantasy document", "du document fantaisiste", "وثيقة وهمية"),
                ),
                right=2,
            ),
            _true_false(
                (
                    "The MRZ of a TD1 identity card has three lines of 30 characters.",
                    "La ZLA d'une carte d'identité TD1 compte trois lignes de 30 caractères.",
                    "تضم منطقة القراءة الآلية في بطاقة الهوية TD1 ثلاثة أسطر في كلٍّ منها 30 حرفًا.",
                ),
                true=True,
            ),
        ),
    ),
    CourseSpec(
        code="project-management",
        title=(
            "Project management for law-enforcement projects",
            "Gestion de projets dans les services répressifs",
            "إدارة المشاريع في أجهزة إنفاذ القانون",
        ),
        summary=(
            "For mid-level officers who run or will run donor-funded and institutional projects: "
            "the logical framework, SMART objectives, indicators disaggregated by sex, planning, "
            "risks, budget follow-up and reporting.",
            "Pour les officiers de niveau intermédiaire qui pilotent ou piloteront des projets "
            "institutionnels ou financés par des bailleurs : cadre logique, objectifs SMART, "
            "indicateurs ventilés par sexe, planification, risques, suivi budgétaire et "
            "rapports.",
            "لضباط المستوى المتوسط الذين يديرون أو سيديرون مشاريع مؤسسية أو ممولة من جهات "
            "مانحة: الإطار المنطقي، والأهداف الذكية (SMART)، والمؤشرات المصنّفة حسب الجنس، "
            "والتخطيط، والمخاطر، ومتابعة الميزانية، وإعداد التقارير.",
        ),
        objectives=(
            (
                "Build a logical framework with indicators, baselines and targets.",
                "Construire un cadre logique avec indicateurs, valeurs de référence et cibles.",
                "بناء إطار منطقي بمؤشرات وخطوط أساس وقيم مستهدفة.",
            ),
            (
                "Plan activities, resources and risks.",
                "Planifier les activités, les ressources et les risques.",
                "تخطيط الأنشطة والموارد والمخاطر.",
            ),
            (
                "Report results to a donor, disaggregated by sex.",
                "Rendre compte des résultats à un bailleur, ventilés par sexe.",
                "رفع تقارير النتائج إلى الجهة المانحة مصنّفةً حسب الجنس.",
            ),
        ),
        track=Track.LEADERSHIP,
        thematic_area="leadership",
        areas=("project-management", "training"),
        rank_levels=(RankLevel.MID,),
        delivery=Delivery.ONLINE,
        hours=20,
        questions=(
            _single(
                (
                    "Which constraints does a project usually balance?",
                    "Quelles contraintes un projet doit-il habituellement équilibrer ?",
                    "ما القيود التي يوازن بينها المشروع عادةً؟",
                ),
                (
                    (
                        "Staff, vehicles and equipment",
                        "Le personnel, les véhicules et le matériel",
                        "الموظفون والمركبات والمعدات",
                    ),
                    (
                        "Scope, time and cost",
                        "Le périmètre, les délais et les coûts",
                        "النطاق والوقت والتكلفة",
                    ),
                    (
                        "Laws, courts and prisons",
                        "Les lois, les tribunaux et les prisons",
                        "القوانين والمحاكم والسجون",
                    ),
                    (
                        "Speed, accuracy and secrecy",
                        "La rapidité, la précision et le secret",
                        "السرعة والدقة والسرية",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _single(
                (
                    "A SMART objective is…",
                    "Un objectif SMART est…",
                    "الهدف الذكي (SMART) هو هدف…",
                ),
                (
                    (
                        "specific, measurable, achievable, relevant and time-bound",
                        "spécifique, mesurable, atteignable, pertinent et limité dans le temps",
                        "محدد وقابل للقياس وقابل للتحقيق وذو صلة ومحدد بزمن",
                    ),
                    (
                        "simple, modern, approved, realistic and tested",
                        "simple, moderne, approuvé, réaliste et testé",
                        "بسيط وحديث ومعتمد وواقعي ومجرَّب",
                    ),
                    (
                        "strategic, managed, audited, reported and tracked",
                        "stratégique, géré, audité, rapporté et suivi",
                        "استراتيجي ومُدار ومدقَّق ومُبلَّغ عنه ومتابَع",
                    ),
                    (
                        "short, meaningful, agreed, regular and timely",
                        "court, significatif, convenu, régulier et opportun",
                        "قصير وهادف ومتفق عليه ومنتظم وفي وقته",
                    ),
                ),
                right=0,
            ),
            _true_false(
                (
                    "A risk register lists each risk with its likelihood, its impact, an owner and a response.",
                    "Un registre des risques indique pour chaque risque sa probabilité, son impact, un responsable et une réponse.",
                    "يبيّن سجل المخاطر لكل خطر احتمال وقوعه وأثره والمسؤول عنه وطريقة التعامل معه.",
                ),
                true=True,
            ),
            _multiple(
                (
                    "What belongs in a project's logical framework? (Choose all that apply.)",
                    "Que contient le cadre logique d'un projet ? (Plusieurs réponses possibles.)",
                    "ماذا يتضمن الإطار المنطقي للمشروع؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Objectives and expected results",
                        "Les objectifs et les résultats attendus",
                        "الأهداف والنتائج المتوقعة",
                    ),
                    (
                        "Indicators with baselines and targets",
                        "Des indicateurs avec valeurs de référence et cibles",
                        "مؤشرات بخطوط أساس وقيم مستهدفة",
                    ),
                    (
                        "The team members' personal files",
                        "Les dossiers personnels des membres de l'équipe",
                        "الملفات الشخصية لأعضاء الفريق",
                    ),
                    (
                        "Assumptions and risks",
                        "Les hypothèses et les risques",
                        "الافتراضات والمخاطر",
                    ),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "Why are a project's indicators disaggregated by sex?",
                    "Pourquoi ventiler par sexe les indicateurs d'un projet ?",
                    "لماذا تُصنَّف مؤشرات المشروع حسب الجنس؟",
                ),
                (
                    (
                        "To double the number of indicators",
                        "Pour doubler le nombre d'indicateurs",
                        "لمضاعفة عدد المؤشرات",
                    ),
                    (
                        "Because the forms have two columns",
                        "Parce que les formulaires ont deux colonnes",
                        "لأن الاستمارات تتضمن عمودين",
                    ),
                    (
                        "To show whether women and men benefit equally",
                        "Pour montrer si les femmes et les hommes en bénéficient également",
                        "لبيان ما إذا كانت النساء والرجال يستفيدون على قدم المساواة",
                    ),
                    (
                        "To rank the participants",
                        "Pour classer les participants",
                        "لترتيب المشاركين",
                    ),
                ),
                right=2,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Once approved, a project plan must never change.",
                    "Une fois approuvé, un plan de projet ne doit jamais changer.",
                    "لا يجوز تغيير خطة المشروع أبدًا بعد اعتمادها.",
                ),
                true=False,
                difficulty=0.05,
            ),
        ),
    ),
    CourseSpec(
        code="leadership-mid",
        title=(
            "Leadership for mid-level officers",
            "Leadership pour les officiers de niveau intermédiaire",
            "القيادة لضباط المستوى المتوسط",
        ),
        summary=(
            "A leadership programme for women and men at mid-level who can bring about lasting "
            "change in their institutions: leading teams, communicating, managing change and "
            "upholding human rights and equality. Nominees write a motivation statement and need "
            "their supervisor's endorsement.",
            "Un programme de leadership pour des femmes et des hommes de niveau intermédiaire "
            "capables d'apporter un changement durable dans leur institution : diriger une "
            "équipe, communiquer, conduire le changement, défendre les droits humains et "
            "l'égalité. Les candidats rédigent une lettre de motivation et obtiennent l'appui de "
            "leur supérieur.",
            "برنامج قيادي للنساء والرجال من المستوى المتوسط القادرين على إحداث تغيير دائم في "
            "مؤسساتهم: قيادة الفرق والتواصل وإدارة التغيير وصون حقوق الإنسان والمساواة. يكتب "
            "المرشحون بيانًا يوضح دوافعهم ويحتاجون إلى تزكية من رؤسائهم.",
        ),
        objectives=(
            (
                "Adapt one's leadership style to the team and the situation.",
                "Adapter son style de leadership à l'équipe et à la situation.",
                "تكييف أسلوب القيادة مع الفريق والموقف.",
            ),
            (
                "Lead a change project in one's own unit.",
                "Conduire un projet de changement dans sa propre unité.",
                "قيادة مشروع تغيير في الوحدة التي ينتمي إليها المشارك.",
            ),
            (
                "Promote human rights and equality in operations and in the workplace.",
                "Promouvoir les droits humains et l'égalité dans les opérations et au travail.",
                "تعزيز حقوق الإنسان والمساواة في العمليات وفي بيئة العمل.",
            ),
        ),
        track=Track.LEADERSHIP,
        thematic_area="leadership",
        areas=(),
        rank_levels=(RankLevel.MID,),
        delivery=Delivery.BLENDED,
        hours=40,
        motivation=True,
        endorsement=True,
        questions=(
            _single(
                (
                    "Which leadership style involves the team in decisions while the leader remains accountable?",
                    "Quel style de leadership associe l'équipe aux décisions tout en laissant le chef responsable ?",
                    "أيّ أسلوب قيادي يُشرك الفريق في القرارات مع بقاء القائد مسؤولًا؟",
                ),
                (
                    ("Autocratic", "Autocratique", "التسلطي"),
                    ("Laissez-faire", "Laisser-faire", "المتساهل (عدم التدخل)"),
                    ("Participative", "Participatif", "التشاركي"),
                    ("Bureaucratic", "Bureaucratique", "البيروقراطي"),
                ),
                right=2,
            ),
            _true_false(
                (
                    "Feedback on a specific behaviour is more useful than a judgement on the person.",
                    "Un retour sur un comportement précis est plus utile qu'un jugement sur la personne.",
                    "الملاحظات حول سلوك محدد أنفع من إصدار حكم على الشخص.",
                ),
                true=True,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which practices help to lead change in an institution? (Choose all that apply.)",
                    "Quelles pratiques aident à conduire le changement dans une institution ? (Plusieurs réponses possibles.)",
                    "أيّ الممارسات تساعد على قيادة التغيير في المؤسسة؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Explaining why the change is needed",
                        "Expliquer pourquoi le changement est nécessaire",
                        "شرح أسباب الحاجة إلى التغيير",
                    ),
                    (
                        "Involving those affected early",
                        "Associer tôt les personnes concernées",
                        "إشراك المعنيين في وقت مبكر",
                    ),
                    (
                        "Announcing it without consultation and punishing resistance",
                        "L'annoncer sans concertation et sanctionner les résistances",
                        "إعلانه دون تشاور ومعاقبة من يقاومه",
                    ),
                    (
                        "Securing quick, visible results",
                        "Obtenir rapidement des résultats visibles",
                        "تحقيق نتائج سريعة وملموسة",
                    ),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "For a leader, emotional intelligence mainly means…",
                    "Pour un chef, l'intelligence émotionnelle consiste surtout à…",
                    "يعني الذكاء العاطفي لدى القائد أساسًا…",
                ),
                (
                    (
                        "recognising and managing one's own emotions and those of others",
                        "reconnaître et gérer ses propres émotions et celles des autres",
                        "إدراك مشاعره ومشاعر الآخرين وإدارتها",
                    ),
                    (
                        "never showing any emotion",
                        "ne jamais montrer d'émotion",
                        "عدم إظهار أيّ مشاعر أبدًا",
                    ),
                    (
                        "knowing the law perfectly",
                        "connaître parfaitement la loi",
                        "الإلمام التام بالقانون",
                    ),
                    ("having a high IQ", "avoir un QI élevé", "امتلاك معدل ذكاء مرتفع"),
                ),
                right=0,
            ),
            _single(
                (
                    "A leader committed to human rights makes sure that…",
                    "Un chef attaché aux droits humains veille à ce que…",
                    "يحرص القائد الملتزم بحقوق الإنسان على أن…",
                ),
                (
                    (
                        "results justify any means",
                        "la fin justifie les moyens",
                        "تبرر النتائجُ أيَّ وسيلة",
                    ),
                    (
                        "only senior officers are consulted",
                        "seuls les officiers supérieurs soient consultés",
                        "يُستشار كبار الضباط وحدهم",
                    ),
                    (
                        "complaints are settled informally",
                        "les plaintes soient réglées de manière informelle",
                        "تُسوّى الشكاوى بصورة غير رسمية",
                    ),
                    (
                        "everyone is treated with dignity and without discrimination, in operations and at work",
                        "chacun soit traité avec dignité et sans discrimination, en opération comme au travail",
                        "يُعامَل الجميع بكرامة ودون تمييز، في العمليات وفي العمل",
                    ),
                ),
                right=3,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Delegating a task also delegates the leader's final accountability for it.",
                    "Déléguer une tâche, c'est aussi déléguer la responsabilité finale du chef.",
                    "تفويض مهمة يعني أيضًا تفويض المسؤولية النهائية للقائد عنها.",
                ),
                true=False,
                difficulty=-0.1,
            ),
        ),
    ),
    CourseSpec(
        code="women-leadership",
        title=(
            "Women in leadership: leading change in law enforcement",
            "Femmes et leadership : conduire le changement dans les services répressifs",
            "المرأة والقيادة: قيادة التغيير في أجهزة إنفاذ القانون",
        ),
        summary=(
            "A leadership programme for women officers at mid-level: career paths, negotiation "
            "and public speaking, building networks and finding mentors, and the institutional "
            "measures that open leadership posts to women. Nominees write a motivation statement "
            "and need their supervisor's endorsement.",
            "Un programme de leadership pour les femmes officiers de niveau intermédiaire : "
            "parcours de carrière, négociation et prise de parole en public, réseaux et mentorat, "
            "et mesures institutionnelles qui ouvrent les postes de direction aux femmes. Les "
            "candidates rédigent une lettre de motivation et obtiennent l'appui de leur supérieur.",
            "برنامج قيادي للضابطات من المستوى المتوسط: المسارات المهنية، والتفاوض والتحدث أمام "
            "الجمهور، وبناء الشبكات وإيجاد المرشدين، والتدابير المؤسسية التي تفتح المناصب "
            "القيادية أمام النساء. تكتب المرشحات بيانًا يوضح دوافعهن ويحتجن إلى تزكية من "
            "رؤسائهن.",
        ),
        objectives=(
            (
                "Draw up a personal leadership and career plan.",
                "Élaborer un plan personnel de leadership et de carrière.",
                "إعداد خطة شخصية للقيادة والمسار المهني.",
            ),
            (
                "Negotiate and speak in public with confidence.",
                "Négocier et prendre la parole en public avec assurance.",
                "التفاوض والتحدث أمام الجمهور بثقة.",
            ),
            (
                "Propose institutional measures that support women's careers.",
                "Proposer des mesures institutionnelles favorables à la carrière des femmes.",
                "اقتراح تدابير مؤسسية تدعم المسار المهني للنساء.",
            ),
        ),
        track=Track.LEADERSHIP,
        thematic_area="gender-sensitive-policing",
        areas=(),
        rank_levels=(RankLevel.MID,),
        delivery=Delivery.IN_PERSON,
        hours=32,
        motivation=True,
        endorsement=True,
        women_only=True,
        questions=(
            _single(
                (
                    'A "glass ceiling" is…',
                    "Un « plafond de verre » est…",
                    "«السقف الزجاجي» هو…",
                ),
                (
                    (
                        "a rule limiting the number of officers in a unit",
                        "une règle limitant le nombre d'agents par unité",
                        "قاعدة تحدد عدد الضباط في الوحدة",
                    ),
                    (
                        "an invisible barrier that keeps qualified women from senior posts",
                        "une barrière invisible qui tient les femmes qualifiées à l'écart des postes de direction",
                        "حاجز غير مرئي يحول دون وصول النساء المؤهلات إلى المناصب العليا",
                    ),
                    (
                        "a transparent management style",
                        "un style de gestion transparent",
                        "أسلوب إداري شفاف",
                    ),
                    (
                        "a security feature of police buildings",
                        "un dispositif de sécurité des bâtiments de police",
                        "عنصر أمني في مباني الشرطة",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Mentoring and sponsorship can help women officers reach leadership posts.",
                    "Le mentorat et le parrainage peuvent aider les femmes officiers à accéder aux postes de direction.",
                    "يمكن للإرشاد والرعاية المهنية أن يساعدا الضابطات على بلوغ المناصب القيادية.",
                ),
                true=True,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which institutional measures support women's careers in law enforcement? (Choose all that apply.)",
                    "Quelles mesures institutionnelles favorisent la carrière des femmes dans les services répressifs ? (Plusieurs réponses possibles.)",
                    "أيّ التدابير المؤسسية تدعم المسار المهني للنساء في أجهزة إنفاذ القانون؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Transparent promotion criteria",
                        "Des critères de promotion transparents",
                        "معايير ترقية شفافة",
                    ),
                    (
                        "Keeping women in administrative posts",
                        "Cantonner les femmes aux postes administratifs",
                        "حصر النساء في الوظائف الإدارية",
                    ),
                    (
                        "Flexible arrangements for parents, women and men",
                        "Des aménagements souples pour les parents, femmes et hommes",
                        "ترتيبات مرنة للآباء والأمهات",
                    ),
                    (
                        "Safe ways to report harassment",
                        "Des moyens sûrs de signaler le harcèlement",
                        "قنوات آمنة للإبلاغ عن التحرش",
                    ),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "A professional network mainly helps a leader by…",
                    "Un réseau professionnel aide surtout un chef en…",
                    "تساعد الشبكة المهنية القائد أساسًا من خلال…",
                ),
                (
                    (
                        "getting round formal procedures",
                        "contournant les procédures formelles",
                        "الالتفاف على الإجراءات الرسمية",
                    ),
                    (
                        "replacing training",
                        "remplaçant la formation",
                        "الاستغناء عن التدريب",
                    ),
                    (
                        "bringing promotion without evaluation",
                        "apportant une promotion sans évaluation",
                        "الترقية دون تقييم",
                    ),
                    (
                        "giving access to advice, information and opportunities",
                        "donnant accès à des conseils, des informations et des occasions",
                        "إتاحة الوصول إلى المشورة والمعلومات والفرص",
                    ),
                ),
                right=3,
            ),
            _single(
                (
                    "What is the most effective response to a biased remark in a meeting?",
                    "Quelle est la réponse la plus efficace à une remarque sexiste en réunion ?",
                    "ما الرد الأكثر فاعلية على ملاحظة متحيزة في اجتماع؟",
                ),
                (
                    (
                        "Address it calmly and factually, and follow up if needed",
                        "La relever calmement et factuellement, puis en reparler si nécessaire",
                        "التعامل معها بهدوء وبالوقائع ومتابعتها إن لزم الأمر",
                    ),
                    ("Always ignore it", "L'ignorer toujours", "تجاهلها دائمًا"),
                    ("Leave the meeting", "Quitter la réunion", "مغادرة الاجتماع"),
                    (
                        "Answer with a personal attack",
                        "Répondre par une attaque personnelle",
                        "الرد بهجوم شخصي",
                    ),
                ),
                right=0,
            ),
            _true_false(
                (
                    "Diverse teams tend to consider a wider range of options when solving problems.",
                    "Les équipes diversifiées envisagent en général un plus large éventail de solutions.",
                    "تميل الفرق المتنوعة إلى النظر في طيف أوسع من الخيارات عند حل المشكلات.",
                ),
                true=True,
            ),
        ),
    ),
    CourseSpec(
        code="gender-policing",
        title=(
            "Gender-sensitive policing: foundations",
            "Police sensible au genre : les fondamentaux",
            "العمل الشرطي المراعي للنوع الاجتماعي: الأسس",
        ),
        summary=(
            "Why the safety needs of women, men, girls and boys differ, what gender mainstreaming "
            "means for everyday police work, and simple measures — from the reception desk to "
            "sex-disaggregated data — that make services fairer and more effective.",
            "Pourquoi les besoins de sécurité des femmes, des hommes, des filles et des garçons "
            "diffèrent, ce que l'intégration de la dimension de genre signifie pour le travail "
            "policier quotidien, et des mesures simples — de l'accueil aux données ventilées par "
            "sexe — qui rendent les services plus justes et plus efficaces.",
            "لماذا تختلف الاحتياجات الأمنية للنساء والرجال والفتيات والفتيان، وما الذي يعنيه "
            "تعميم مراعاة منظور النوع الاجتماعي في العمل الشرطي اليومي، وتدابير بسيطة — من "
            "مكتب الاستقبال إلى البيانات المصنّفة حسب الجنس — تجعل الخدمات أكثر عدلًا وفاعلية.",
        ),
        objectives=(
            (
                "Explain the difference between sex and gender and why it matters for policing.",
                "Expliquer la différence entre sexe et genre et son importance pour le travail policier.",
                "شرح الفرق بين الجنس والنوع الاجتماعي وأهميته للعمل الشرطي.",
            ),
            (
                "Assess a police service's practices from a gender perspective.",
                "Évaluer les pratiques d'un service de police sous l'angle du genre.",
                "تقييم ممارسات جهاز الشرطة من منظور النوع الاجتماعي.",
            ),
            (
                "Propose practical measures for one's own unit.",
                "Proposer des mesures concrètes pour sa propre unité.",
                "اقتراح تدابير عملية للوحدة التي ينتمي إليها المشارك.",
            ),
        ),
        track=Track.GENDER_SENSITIVE,
        thematic_area="gender-sensitive-policing",
        areas=(),
        delivery=Delivery.ONLINE,
        hours=12,
        questions=(
            _single(
                (
                    "Gender mainstreaming means…",
                    "L'intégration de la dimension de genre consiste à…",
                    "يعني تعميم مراعاة منظور النوع الاجتماعي…",
                ),
                (
                    ("recruiting only women", "ne recruter que des femmes", "توظيف النساء فقط"),
                    (
                        "assessing what any planned action means for women and men, and taking both into account in its design, delivery and evaluation",
                        "évaluer les incidences de toute action envisagée pour les femmes et les hommes, et en tenir compte dans sa conception, sa mise en œuvre et son évaluation",
                        "تقييم ما يترتب على أيّ إجراء مزمع بالنسبة إلى النساء والرجال، ومراعاة الطرفين في تصميمه وتنفيذه وتقييمه",
                    ),
                    (
                        "a separate unit for women's issues",
                        "une unité distincte chargée des questions féminines",
                        "إنشاء وحدة مستقلة لشؤون المرأة",
                    ),
                    (
                        "training women officers only",
                        "former uniquement les femmes officiers",
                        "تدريب الضابطات فقط",
                    ),
                ),
                right=1,
            ),
            _true_false(
                (
                    "Sex refers to biological characteristics; gender to socially constructed roles and expectations.",
                    "Le sexe désigne des caractéristiques biologiques ; le genre, des rôles et des attentes construits socialement.",
                    "يشير الجنس إلى الخصائص البيولوجية، ويشير النوع الاجتماعي إلى الأدوار والتوقعات التي يبنيها المجتمع.",
                ),
                true=True,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which measures make a police station more accessible to women victims? (Choose all that apply.)",
                    "Quelles mesures rendent un commissariat plus accessible aux femmes victimes ? (Plusieurs réponses possibles.)",
                    "أيّ التدابير تجعل مركز الشرطة أيسر وصولًا للنساء الضحايا؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "A private space to report",
                        "Un espace confidentiel pour porter plainte",
                        "مكان يضمن الخصوصية لتقديم البلاغ",
                    ),
                    (
                        "Requiring a male relative to be present",
                        "Exiger la présence d'un parent de sexe masculin",
                        "اشتراط حضور قريب من الذكور",
                    ),
                    (
                        "The option to speak to a woman officer",
                        "La possibilité de s'adresser à une femme officier",
                        "إتاحة التحدث إلى ضابطة",
                    ),
                    (
                        "Information on support services",
                        "Des informations sur les services d'aide",
                        "معلومات عن خدمات الدعم",
                    ),
                ),
                right={0, 2, 3},
            ),
            _single(
                (
                    "Why collect data disaggregated by sex?",
                    "Pourquoi recueillir des données ventilées par sexe ?",
                    "لماذا تُجمع بيانات مصنّفة حسب الجنس؟",
                ),
                (
                    (
                        "To reduce the workload",
                        "Pour réduire la charge de travail",
                        "لتخفيف عبء العمل",
                    ),
                    (
                        "To see whether women and men are served and protected equally",
                        "Pour voir si les femmes et les hommes sont servis et protégés de la même manière",
                        "لمعرفة ما إذا كانت النساء والرجال يحظون بالخدمة والحماية على قدم المساواة",
                    ),
                    ("To rank officers", "Pour classer les agents", "لترتيب الضباط"),
                    (
                        "Because nothing else may be collected",
                        "Parce qu'on ne peut rien recueillir d'autre",
                        "لأنه لا يجوز جمع غيرها",
                    ),
                ),
                right=1,
                difficulty=0.1,
            ),
            _single(
                (
                    "Gender-sensitive policing benefits…",
                    "Une police sensible au genre profite…",
                    "يعود العمل الشرطي المراعي للنوع الاجتماعي بالنفع على…",
                ),
                (
                    ("women only", "aux seules femmes", "النساء وحدهن"),
                    ("women officers only", "aux seules femmes officiers", "الضابطات وحدهن"),
                    ("nobody in particular", "à personne en particulier", "لا أحد بعينه"),
                    (
                        "women, men, girls and boys alike",
                        "aux femmes, aux hommes, aux filles et aux garçons",
                        "النساء والرجال والفتيات والفتيان على حد سواء",
                    ),
                ),
                right=3,
            ),
            _true_false(
                (
                    'A "gender-neutral" measure always affects women and men in the same way.',
                    "Une mesure « neutre » du point de vue du genre a toujours les mêmes effets sur les femmes et sur les hommes.",
                    "الإجراء «المحايد» من حيث النوع الاجتماعي يؤثر دائمًا في النساء والرجال بالطريقة نفسها.",
                ),
                true=False,
                difficulty=-0.15,
            ),
        ),
    ),
    CourseSpec(
        code="gender-investigations",
        title=(
            "Gender-sensitive investigations and victim interviews",
            "Enquêtes et auditions de victimes sensibles au genre",
            "التحقيقات ومقابلة الضحايا بمراعاة النوع الاجتماعي",
        ),
        summary=(
            "Investigating sexual and gender-based violence and domestic violence with a "
            "survivor-centred approach: the first response, risk assessment, interviews that "
            "avoid secondary victimisation, evidence collected with consent, and referral to "
            "support services.",
            "Enquêter sur les violences sexuelles, sexistes et conjugales selon une approche "
            "centrée sur les survivantes et survivants : première intervention, évaluation du "
            "risque, auditions évitant la victimisation secondaire, preuves recueillies avec "
            "consentement, orientation vers les services d'aide.",
            "التحقيق في العنف الجنسي والعنف القائم على النوع الاجتماعي والعنف الأسري وفق نهج "
            "يتمحور حول الناجين والناجيات: الاستجابة الأولى، وتقييم الخطر، ومقابلات تتجنب "
            "الإيذاء الثانوي، وجمع الأدلة بموافقة مستنيرة، والإحالة إلى خدمات الدعم.",
        ),
        objectives=(
            (
                "Apply a survivor-centred approach from the first contact.",
                "Appliquer une approche centrée sur la victime dès le premier contact.",
                "تطبيق نهج يتمحور حول الناجين منذ أول تواصل.",
            ),
            (
                "Assess the risk of further violence and plan protection.",
                "Évaluer le risque de nouvelles violences et organiser la protection.",
                "تقييم خطر تكرار العنف والتخطيط للحماية.",
            ),
            (
                "Conduct interviews that avoid secondary victimisation.",
                "Mener des auditions qui évitent la victimisation secondaire.",
                "إجراء مقابلات تتجنب الإيذاء الثانوي.",
            ),
        ),
        track=Track.GENDER_SENSITIVE,
        thematic_area="gender-sensitive-policing",
        areas=("investigations", "human-trafficking", "training"),
        delivery=Delivery.IN_PERSON,
        hours=24,
        questions=(
            _single(
                (
                    "A survivor-centred approach means…",
                    "Une approche centrée sur la victime signifie…",
                    "يعني النهج المتمحور حول الناجين…",
                ),
                (
                    (
                        "putting the survivor's rights, needs, safety and wishes first",
                        "faire passer en premier les droits, les besoins, la sécurité et les souhaits de la victime",
                        "تقديم حقوق الناجي أو الناجية واحتياجاته وسلامته ورغباته على كل اعتبار",
                    ),
                    (
                        "seeking a quick confession",
                        "rechercher des aveux rapides",
                        "السعي إلى انتزاع اعتراف سريع",
                    ),
                    (
                        "letting the survivor run the investigation",
                        "laisser la victime diriger l'enquête",
                        "ترك إدارة التحقيق للناجي أو الناجية",
                    ),
                    (
                        "avoiding any contact with the survivor",
                        "éviter tout contact avec la victime",
                        "تجنب أيّ تواصل مع الناجي أو الناجية",
                    ),
                ),
                right=0,
                difficulty=0.1,
            ),
            _true_false(
                (
                    "Asking a victim of sexual violence why she did not resist is appropriate in an interview.",
                    "Demander à une victime de violences sexuelles pourquoi elle n'a pas résisté est approprié lors d'une audition.",
                    "من المناسب أن يُسأل ضحية العنف الجنسي في المقابلة عن سبب عدم مقاومتها.",
                ),
                true=False,
                difficulty=0.1,
            ),
            _multiple(
                (
                    "Which practices reduce secondary victimisation? (Choose all that apply.)",
                    "Quelles pratiques réduisent la victimisation secondaire ? (Plusieurs réponses possibles.)",
                    "أيّ الممارسات تحدّ من الإيذاء الثانوي؟ (اختر كل الإجابات الصحيحة)",
                ),
                (
                    (
                        "Interviewing the victim as few times as possible",
                        "Entendre la victime le moins de fois possible",
                        "مقابلة الضحية أقل عدد ممكن من المرات",
                    ),
                    (
                        "Offering an interviewer of the sex the victim prefers, where possible",
                        "Proposer, si possible, un enquêteur du sexe que la victime préfère",
                        "توفير محقق من الجنس الذي تفضله الضحية متى أمكن",
                    ),
                    (
                        "Confronting the victim with the suspect in the same room",
                        "Confronter la victime au suspect dans la même pièce",
                        "مواجهة الضحية بالمشتبه به في الغرفة نفسها",
                    ),
                    (
                        "Explaining each step of the procedure",
                        "Expliquer chaque étape de la procédure",
                        "شرح كل خطوة من خطوات الإجراءات",
                    ),
                ),
                right={0, 1, 3},
            ),
            _single(
                (
                    "In a case of domestic violence, a risk assessment is used to…",
                    "Dans une affaire de violences conjugales, l'évaluation du risque sert à…",
                    "في قضايا العنف الأسري، يُستخدم تقييم الخطر من أجل…",
                ),
                (
                    (
                        "decide whether to record the complaint",
                        "décider s'il faut enregistrer la plainte",
                        "تقرير ما إذا كانت الشكوى ستُسجَّل",
                    ),
                    (
                        "measure the victim's credibility",
                        "mesurer la crédibilité de la victime",
                        "قياس مصداقية الضحية",
                    ),
                    (
                        "judge the danger of further violence and plan protection",
                        "apprécier le danger de nouvelles violences et organiser la protection",
                        "تقدير خطر تكرار العنف والتخطيط للحماية",
                    ),
                    (
                        "close the case faster",
                        "clore l'affaire plus vite",
                        "إغلاق القضية بسرعة أكبر",
                    ),
                ),
                right=2,
            ),
            _single(
                (
                    "In cases of sexual violence, forensic evidence should be collected…",
                    "Dans les affaires de violences sexuelles, les preuves médico-légales doivent être recueillies…",
                    "في قضايا العنف الجنسي، ينبغي جمع الأدلة الجنائية…",
                ),
                (
                    (
                        "only once the suspect is arrested",
                        "seulement après l'arrestation du suspect",
                        "بعد توقيف المشتبه به فقط",
                    ),
                    (
                        "only if there are witnesses",
                        "seulement s'il y a des témoins",
                        "فقط إذا وُجد شهود",
                    ),
                    (
                        "as soon as possible, with the survivor's informed consent",
                        "le plus tôt possible, avec le consentement éclairé de la victime",
                        "في أقرب وقت ممكن وبموافقة مستنيرة من الناجي أو الناجية",
                    ),
                    (
                        "without telling the survivor",
                        "sans en informer la victime",
                        "دون إعلام الناجي أو الناجية",
                    ),
                ),
                right=2,
            ),
            _true_false(
                (
                    "Trauma can affect how a victim remembers and tells events, without making the account false.",
                    "Le traumatisme peut modifier la façon dont une victime se souvient des faits et les relate, sans rendre son récit mensonger.",
                    "قد تؤثر الصدمة في طريقة تذكّر الضحية للأحداث وروايتها لها، دون أن تجعل روايتها كاذبة.",
                ),
                true=True,
                difficulty=-0.05,
            ),
        ),
    ),
)

# --- what people write: justifications, motivations, comments (in their own language) ---

JUSTIFICATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "Works at the main land border crossing and screens travellers every day.",
        "Newly assigned to the unit; this course is part of the unit's training plan.",
        "Leads a small team and will pass what is learned on to colleagues.",
        "Handles requests from partner countries and needs the procedures in depth.",
        "Recommended by the head of unit after an excellent year.",
        "Works on current cases where this knowledge is needed.",
    ),
    "fr": (
        "Affecté au principal poste frontière terrestre, contrôle des voyageurs au quotidien.",
        "Nouvellement affecté à l'unité ; cette formation fait partie du plan de formation du service.",
        "Encadre une petite équipe et transmettra ce qu'il aura appris à ses collègues.",
        "Traite les demandes des pays partenaires et doit maîtriser les procédures.",
        "Recommandé par le chef d'unité après une excellente année.",
        "Travaille sur des affaires en cours qui exigent ces connaissances.",
    ),
    "ar": (
        "يعمل في المعبر الحدودي البري الرئيسي ويتولى تدقيق المسافرين يوميًا.",
        "انضم حديثًا إلى الوحدة، وهذه الدورة جزء من خطة التدريب فيها.",
        "يقود فريقًا صغيرًا وسينقل ما يتعلمه إلى زملائه.",
        "يتولى معالجة طلبات البلدان الشريكة ويحتاج إلى إتقان الإجراءات.",
        "أوصى به رئيس الوحدة بعد عام متميز.",
        "يعمل على قضايا جارية تتطلب هذه المعارف.",
    ),
}
MOTIVATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "I lead a team of twelve at the airport and want to manage change better as our "
        "unit modernises its procedures.",
        "I want to build the skills to lead a unit and to support younger colleagues, "
        "especially the women who join us.",
        "My unit is starting a cooperation project with two neighbouring countries; I "
        "will coordinate it and need to lead people I do not command.",
    ),
    "fr": (
        "J'encadre une équipe de douze agents à l'aéroport et je souhaite mieux conduire le "
        "changement alors que notre unité modernise ses procédures.",
        "Je veux acquérir les compétences nécessaires pour diriger une unité et accompagner "
        "les jeunes collègues, en particulier les femmes qui nous rejoignent.",
        "Mon service lance un projet de coopération avec deux pays voisins ; je le "
        "coordonnerai et devrai mobiliser des personnes qui ne relèvent pas de mon autorité.",
    ),
    "ar": (
        "أقود فريقًا من اثني عشر ضابطًا في المطار، وأرغب في إدارة التغيير بشكل أفضل في "
        "الوقت الذي تحدّث فيه وحدتنا إجراءاتها.",
        "أريد اكتساب المهارات اللازمة لقيادة وحدة ودعم الزملاء الجدد، ولا سيما الزميلات "
        "اللواتي ينضممن إلينا.",
        "تطلق إدارتي مشروع تعاون مع بلدين مجاورين وسأتولى تنسيقه، وعليّ أن أقود أشخاصًا "
        "لا يتبعونني إداريًا.",
    ),
}
ENDORSEMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "A dependable officer with the respect of the team. I fully support this nomination.",
        "Has shown initiative and fairness in managing staff. Strongly endorsed.",
    ),
    "fr": (
        "Un officier fiable, respecté par son équipe. J'appuie pleinement cette candidature.",
        "A fait preuve d'initiative et d'équité dans l'encadrement. Avis très favorable.",
    ),
    "ar": (
        "ضابط يُعتمد عليه ويحظى باحترام فريقه. أؤيد هذا الترشيح تأييدًا كاملًا.",
        "أظهر روح المبادرة والإنصاف في إدارة الموظفين. أزكّيه بقوة.",
    ),
}
WITHDRAWALS: dict[str, tuple[str, ...]] = {
    "en": (
        "Called to operational duty on the session dates.",
        "Family reasons.",
        "Transferred to another unit.",
    ),
    "fr": (
        "Mobilisé pour une mission opérationnelle aux dates de la session.",
        "Raisons familiales.",
        "Muté dans une autre unité.",
    ),
    "ar": ("كُلّف بمهمة عملياتية في تواريخ الدورة.", "ظروف عائلية.", "نُقل إلى وحدة أخرى."),
}
DECLINE_REASONS = (
    "Every seat for the country is taken; other nominees' work is closer to the course's "
    "target audience.",
    "Took a similar course last year; priority went to officers who have not.",
    "The country's seats are filled; the officer is encouraged to apply for the next session.",
)
CANCELLATION_REASON = (
    "The venue is no longer available on these dates; the session will be scheduled again "
    "and nominations carried over."
)
REVOCATION_REASON = (
    "Revoked after an audit found that the participant's post-test was not taken by the "
    "participant."
)
COMMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "Very practical: the exercises were close to what we see at work.",
        "The trainers knew the subject well and answered every question.",
        "More time for the case studies, please.",
        "Meeting colleagues from the other countries was as useful as the course itself.",
        "The room was too small for the group work.",
        "I will share the material with my unit next week.",
    ),
    "fr": (
        "Très concret : les exercices ressemblaient à ce que nous vivons sur le terrain.",
        "Des formateurs compétents, qui ont répondu à toutes les questions.",
        "Il faudrait plus de temps pour les études de cas.",
        "Les échanges avec les collègues des autres pays ont été très enrichissants.",
        "L'interprétation était parfois en retard sur les diapositives.",
    ),
    "ar": (
        "دورة عملية جدًا، والتمارين قريبة مما نواجهه في العمل.",
        "المدربون متمكنون من الموضوع وأجابوا عن جميع الأسئلة.",
        "نرجو تخصيص وقت أطول لدراسات الحالة.",
        "تبادل الخبرات مع زملاء من البلدان الأخرى كان مفيدًا للغاية.",
        "أتمنى توفير المواد التدريبية باللغة العربية كاملةً.",
    ),
}
FOLLOW_UP_COMMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "I now check every suspicious document against the databases before referring it.",
        "I trained six colleagues in my unit with the course material.",
        "Our procedures changed, but I still use the checklists from the course.",
    ),
    "fr": (
        "Je vérifie désormais chaque document suspect dans les bases avant de le transmettre.",
        "J'ai formé six collègues de mon unité avec les supports du cours.",
        "Nos procédures ont changé, mais j'utilise toujours les listes de contrôle du cours.",
    ),
    "ar": (
        "أصبحت أتحقق من كل وثيقة مشبوهة في قواعد البيانات قبل إحالتها.",
        "درّبت ستة من زملائي في الوحدة باستخدام مواد الدورة.",
        "تغيرت إجراءاتنا، لكنني ما زلت أستخدم قوائم التحقق التي تعلمتها في الدورة.",
    ),
}
SUPERVISORS = (
    "Col. Karim Mansour",
    "Cdt. Samira Bouzid",
    "Maj. Walid Khoury",
    "Col. Nadia Alaoui",
    "Lt. Col. Tarek Jaber",
)

# --- the sessions ---

VENUES: dict[str, tuple[str, str]] = {
    "DZ": ("Algiers", "Africa/Algiers"),
    "JO": ("Amman", "Asia/Amman"),
    "LB": ("Beirut", "Asia/Beirut"),
    "MA": ("Rabat", "Africa/Casablanca"),
    "PS": ("Ramallah", "Asia/Hebron"),
    "TN": ("Tunis", "Africa/Tunis"),
}
ONLINE_TIME_ZONE = "Europe/Paris"  # run from INTERPOL's General Secretariat in Lyon


@dataclass(frozen=True)
class SessionPlan:
    course: str
    starts_on: date
    days: int
    venue: str  # the venue's country code; empty for online sessions
    language: str
    interpretation: tuple[str, ...]
    capacity: int
    status: str
    deadline: datetime | None = None  # default: three weeks before the first day
    created_at: datetime | None = None  # default: six weeks before the deadline
    cancellation_reason: str = ""
    post_test_share: float = 1.0  # the share of participants who took the post-test already


# The programme's history: (course, first day, days, venue, language, interpretation, seats).
# The first one is the programme's first INTERPOL Policing Capabilities course (July 2023), which
# gathered 53 officials.
HISTORY: tuple[tuple[str, date, int, str, str, tuple[str, ...], int], ...] = (
    ("pcp-intro", date(2023, 7, 10), 4, "JO", "en", ("ar", "fr"), 56),
    ("sltd-find-mind", date(2023, 10, 2), 3, "TN", "fr", ("ar",), 24),
    ("thb-victims", date(2023, 11, 20), 4, "LB", "ar", ("en",), 24),
    ("gender-policing", date(2024, 1, 15), 3, "", "en", ("ar", "fr"), 36),
    ("notices-diffusions", date(2024, 2, 19), 3, "MA", "fr", ("ar",), 24),
    ("migrant-smuggling", date(2024, 3, 11), 4, "DZ", "fr", ("ar",), 24),
    ("osint", date(2024, 4, 22), 5, "", "en", ("ar",), 30),
    ("leadership-mid", date(2024, 5, 13), 5, "JO", "en", ("ar",), 24),
    ("biometrics-borders", date(2024, 6, 17), 3, "JO", "ar", ("en",), 24),
    ("i247-ncb", date(2024, 9, 23), 4, "TN", "fr", ("ar", "en"), 18),
    ("document-fraud", date(2024, 10, 14), 3, "LB", "ar", ("fr",), 24),
    ("women-leadership", date(2024, 11, 18), 4, "MA", "fr", ("ar",), 18),
    ("criminal-analysis", date(2025, 1, 20), 5, "LB", "en", ("ar", "fr"), 24),
    ("firearms-iarms", date(2025, 2, 24), 3, "DZ", "ar", ("fr",), 24),
    ("project-management", date(2025, 3, 17), 5, "", "en", ("ar", "fr"), 24),
    ("thb-victims", date(2025, 4, 14), 4, "TN", "ar", ("fr",), 24),
    ("gender-investigations", date(2025, 5, 19), 3, "PS", "ar", ("en",), 24),
    ("sltd-find-mind", date(2025, 6, 16), 3, "MA", "fr", ("ar",), 24),
    ("osint", date(2025, 9, 15), 5, "", "en", ("ar", "fr"), 30),
    ("leadership-mid", date(2025, 10, 13), 5, "TN", "fr", ("ar", "en"), 24),
    ("pcp-intro", date(2025, 11, 17), 4, "DZ", "fr", ("ar", "en"), 36),
    ("migrant-smuggling", date(2026, 1, 26), 4, "JO", "ar", ("en",), 24),
    ("notices-diffusions", date(2026, 2, 23), 3, "LB", "ar", ("en", "fr"), 24),
    ("gender-policing", date(2026, 3, 16), 3, "", "ar", ("en", "fr"), 36),
    ("women-leadership", date(2026, 4, 20), 4, "JO", "ar", ("en",), 18),
    ("biometrics-borders", date(2026, 5, 18), 3, "TN", "fr", ("ar",), 24),
    ("criminal-analysis", date(2026, 6, 15), 5, "MA", "fr", ("ar",), 24),
    ("document-fraud", date(2026, 9, 14), 3, "DZ", "ar", ("fr",), 24),
)
# A finished session older than this is closed; a more recent one is still "completed".
CLOSE_AFTER_DAYS = 60


def _session_plans(today: date, now: datetime) -> list[SessionPlan]:
    """The history (sessions over before today) and the sessions around today."""
    plans = []
    for code, starts_on, days, venue, language, interpretation, capacity in HISTORY:
        ends_on = starts_on + timedelta(days=days - 1)
        if ends_on >= today - timedelta(days=45):  # only if truly past (seeded in the past)
            continue
        status = (
            SessionStatus.CLOSED
            if (today - ends_on).days > CLOSE_AFTER_DAYS
            else SessionStatus.COMPLETED
        )
        plans.append(
            SessionPlan(code, starts_on, days, venue, language, interpretation, capacity, status)
        )

    def around(code: str, offset: int, days: int, venue: str, language: str, **rest: Any) -> None:
        plan: dict[str, Any] = {"interpretation": ("ar",), "capacity": 24, **rest}
        plans.append(
            SessionPlan(code, today + timedelta(days=offset), days, venue, language, **plan)
        )

    around(
        "firearms-iarms", -40, 3, "PS", "ar", interpretation=("en",), status=SessionStatus.COMPLETED
    )
    # Ended three days ago: the post-test is still open, and some have not taken it yet.
    around(
        "thb-victims",
        -6,
        4,
        "JO",
        "ar",
        interpretation=("en",),
        status=SessionStatus.COMPLETED,
        post_test_share=0.65,
    )
    around(
        "sltd-find-mind", -1, 3, "LB", "fr", interpretation=("ar",), status=SessionStatus.RUNNING
    )
    around("criminal-analysis", 12, 5, "TN", "fr", status=SessionStatus.CONFIRMED)
    around(
        "gender-policing",
        26,
        3,
        "",
        "en",
        interpretation=("ar", "fr"),
        capacity=36,
        status=SessionStatus.SELECTION,
        deadline=now - timedelta(days=3),
    )
    around(
        "biometrics-borders",
        38,
        3,
        "MA",
        "fr",
        status=SessionStatus.OPEN,
        deadline=now + timedelta(days=17),
    )
    around(
        "osint",
        45,
        5,
        "",
        "en",
        interpretation=("ar", "fr"),
        capacity=30,
        status=SessionStatus.OPEN,
        deadline=now + timedelta(days=24),
    )
    around(
        "women-leadership",
        52,
        4,
        "TN",
        "fr",
        capacity=18,
        status=SessionStatus.OPEN,
        deadline=now + timedelta(days=28),
    )
    around(
        "project-management",
        66,
        5,
        "",
        "en",
        interpretation=("ar", "fr"),
        status=SessionStatus.OPEN,
        deadline=now + timedelta(days=40),
    )
    around(
        "document-fraud",
        95,
        3,
        "JO",
        "ar",
        interpretation=("en",),
        status=SessionStatus.DRAFT,
        deadline=now + timedelta(days=70),
    )
    around(
        "i247-ncb",
        19,
        4,
        "DZ",
        "fr",
        capacity=18,
        status=SessionStatus.CANCELLED,
        deadline=now + timedelta(days=2),
        created_at=now - timedelta(days=30),
        cancellation_reason=CANCELLATION_REASON,
    )
    return sorted(plans, key=lambda plan: plan.starts_on)


# --- seeding ---

_OFFICER_NUMBER = re.compile(r"^officer(\d+)\.")
_DECIDED = frozenset(
    {
        SessionStatus.CONFIRMED,
        SessionStatus.RUNNING,
        SessionStatus.COMPLETED,
        SessionStatus.CLOSED,
    }
)
_FINISHED = frozenset({SessionStatus.COMPLETED, SessionStatus.CLOSED})
_ACTIVE = frozenset(
    {NominationStatus.NOMINATED, NominationStatus.WAITLISTED, NominationStatus.SELECTED}
)


def _at(day: date, hour: int, minute: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _months_later(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _clamp(value: float, low: float = 0.05, high: float = 0.98) -> float:
    return max(low, min(high, value))


@dataclass
class _Officer:
    profile: Profile
    number: int
    areas: set[str]
    ability: float
    busy: list[tuple[date, date]] = field(default_factory=list)
    courses: set[str] = field(default_factory=set)

    @property
    def language(self) -> str:
        language = self.profile.user.preferred_language
        return language if language in LANGUAGES else "en"


@dataclass
class _Participation:
    """A nomination being built, with what happened to the participant."""

    nomination: Nomination
    officer: _Officer
    plan: SessionPlan


class _Seeder:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.rng = random.Random(20230710)  # fixed: the demo is the same everywhere
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.staff = self._first_with_role(Role.STAFF)
        self.trainer = self._first_with_role(Role.TRAINER)
        self.countries = {country.code: country for country in Country.objects.all()}
        self.active_countries = sorted(
            code
            for code, country in self.countries.items()
            if country.status != CountryStatus.NOT_YET_ACTIVE
        )
        self.focal_points: dict[int, User] = {}
        for assignment in RoleAssignment.objects.filter(role=Role.FOCAL_POINT).select_related(
            "user"
        ):
            if assignment.country_id is not None:
                self.focal_points.setdefault(assignment.country_id, assignment.user)
        self.officers = self._load_officers()
        self.counts: dict[str, int] = defaultdict(int)

    @staticmethod
    def _first_with_role(role: str) -> User | None:
        assignment = (
            RoleAssignment.objects.filter(role=role).select_related("user").order_by("pk").first()
        )
        return assignment.user if assignment else None

    def _load_officers(self) -> dict[str, list[_Officer]]:
        areas: dict[int, set[str]] = defaultdict(set)
        for profile_id, code in Profile.areas_of_work.through.objects.values_list(
            "profile_id", "areaofwork__code"
        ):
            areas[profile_id].add(code)
        by_country: dict[str, list[_Officer]] = defaultdict(list)
        for profile in Profile.objects.select_related("user", "country").order_by("pk"):
            match = _OFFICER_NUMBER.match(profile.user.email)
            by_country[profile.country.code].append(
                _Officer(
                    profile=profile,
                    number=int(match.group(1)) if match else 999,
                    areas=areas[profile.pk],
                    ability=self.rng.gauss(0, 0.09),
                )
            )
        return by_country

    # --- the catalogue ---

    def seed_courses(self) -> None:
        thematic = {area.code: area for area in ThematicArea.objects.all()}
        areas = {area.code: area for area in AreaOfWork.objects.all()}
        courses = []
        # In the default language: the untranslated columns then hold the English text.
        with translation.override("en"):
            for spec in COURSES:
                texts: dict[str, str] = {}
                for name, value in (
                    ("title", spec.title),
                    ("summary", spec.summary),
                    (
                        "objectives",
                        tuple("\n".join(line[i] for line in spec.objectives) for i in range(3)),
                    ),
                ):
                    texts[name] = value[0]
                    for index, language in enumerate(LANGUAGES):
                        texts[f"{name}_{language}"] = value[index]
                course = Course(
                    code=spec.code,
                    track=spec.track,
                    thematic_area=thematic.get(spec.thematic_area),
                    target_rank_levels=list(spec.rank_levels),
                    delivery=spec.delivery,
                    duration_hours=spec.hours,
                    certificate_validity_years=spec.validity_years,
                    requires_motivation=spec.motivation,
                    requires_endorsement=spec.endorsement,
                    **texts,
                )
                # As the catalogue's service keeps it, so the demo courses are found by search.
                course.search_key = course_search_key(course)
                courses.append(course)
            Course.objects.bulk_create(courses)
        self.courses = {course.code: course for course in courses}
        self.specs = {spec.code: spec for spec in COURSES}
        Course.target_areas.through.objects.bulk_create(
            [
                Course.target_areas.through(course_id=course.pk, areaofwork_id=areas[code].pk)
                for spec, course in zip(COURSES, courses, strict=True)
                for code in spec.areas
                if code in areas
            ]
        )
        prerequisite: Any = Course.prerequisites.through  # a self-referring table
        prerequisite.objects.bulk_create(
            [
                prerequisite(from_course_id=course.pk, to_course_id=self.courses[code].pk)
                for spec, course in zip(COURSES, courses, strict=True)
                for code in spec.prerequisites
            ]
        )

    def seed_question_banks(self) -> None:
        questions: list[Question] = []
        planned: list[tuple[Question, QuestionSpec]] = []
        with translation.override("en"):
            for spec in COURSES:
                for order, question_spec in enumerate(spec.questions, start=1):
                    question = Question(
                        course=self.courses[spec.code],
                        kind=question_spec.kind,
                        order=order,
                        text=question_spec.text[0],
                        **{
                            f"text_{language}": question_spec.text[i]
                            for i, language in enumerate(LANGUAGES)
                        },
                    )
                    questions.append(question)
                    planned.append((question, question_spec))
            Question.objects.bulk_create(questions)
            choices: list[Choice] = []
            for question, question_spec in planned:
                for order, text in enumerate(question_spec.choices):
                    choices.append(
                        Choice(
                            question=question,
                            order=order + 1,
                            is_correct=order in question_spec.correct,
                            text=text[0],
                            **{f"text_{language}": text[i] for i, language in enumerate(LANGUAGES)},
                        )
                    )
            Choice.objects.bulk_create(choices)
        # Per course: each question with its choice ids, and which of them are correct.
        self.bank: dict[str, list[tuple[Question, QuestionSpec, list[int]]]] = defaultdict(list)
        choice_ids: dict[int, list[int]] = defaultdict(list)
        for choice in choices:
            choice_ids[choice.question_id].append(choice.pk)
        for question, question_spec in planned:
            self.bank[question.course.code].append(
                (question, question_spec, choice_ids[question.pk])
            )
        self.counts["questions"] = len(questions)

    # --- sessions and nominations ---

    def seed_sessions(self) -> None:
        plans = _session_plans(self.today, self.now)
        by_pk = City.objects.in_bulk()
        cities = {
            (code, name): by_pk[pk]
            for pk, code, name in City.objects.exclude(country=None).values_list(
                "pk", "country__code", "name_en"
            )
        }
        sessions = []
        for plan in plans:
            course = self.courses[plan.course]
            city, zone = VENUES.get(plan.venue, ("", ONLINE_TIME_ZONE))
            deadline = plan.deadline or _at(plan.starts_on - timedelta(days=21), 23, 59, zone)
            sessions.append(
                Session(
                    course=course,
                    starts_on=plan.starts_on,
                    ends_on=plan.starts_on + timedelta(days=plan.days - 1),
                    time_zone=zone,
                    delivery=Delivery.ONLINE if not plan.venue else course.delivery,
                    venue_city=cities.get((plan.venue, city)),
                    venue_country=self.countries.get(plan.venue),
                    language=plan.language,
                    interpretation=list(plan.interpretation),
                    capacity=plan.capacity,
                    nomination_deadline=deadline,
                    status=plan.status,
                    cancellation_reason=plan.cancellation_reason,
                )
            )
        Session.objects.bulk_create(sessions)
        # ``created_at`` is set on insert; date each session back to when it was scheduled.
        for plan, session in zip(plans, sessions, strict=True):
            scheduled = plan.created_at or session.nomination_deadline - timedelta(days=42)
            session.created_at = min(scheduled, self.now - timedelta(days=2))
        Session.objects.bulk_update(sessions, ["created_at"])
        if self.trainer is not None:
            Session.trainers.through.objects.bulk_create(
                [
                    Session.trainers.through(session_id=s.pk, user_id=self.trainer.pk)
                    for s in sessions
                ]
            )
        self.sessions = list(zip(plans, sessions, strict=True))
        self.counts["sessions"] = len(sessions)

        quotas: list[SeatQuota] = []
        participations: list[_Participation] = []
        self.quota_of: dict[tuple[int, str], SeatQuota] = {}
        for plan, session in self.sessions:
            seats = self._share_seats(plan.capacity)
            for code, count in seats.items():
                quota = SeatQuota(session=session, country=self.countries[code], seats=count)
                quotas.append(quota)
                self.quota_of[(session.pk, code)] = quota
            for code, count in seats.items():
                participations.extend(self._nominate(plan, session, code, count))
        for participation in participations:
            nomination = participation.nomination
            if nomination.status == NominationStatus.SELECTED:
                self.quota_of[
                    (nomination.session_id, participation.officer.profile.country.code)
                ].selected += 1
        SeatQuota.objects.bulk_create(quotas)
        nominations = [participation.nomination for participation in participations]
        created = [nomination.created_at for nomination in nominations]
        Nomination.objects.bulk_create(nominations, batch_size=500)
        for nomination, when in zip(nominations, created, strict=True):
            nomination.created_at = when
        Nomination.objects.bulk_update(nominations, ["created_at"], batch_size=500)
        self.participations = participations
        self.counts["nominations"] = len(nominations)

    def _share_seats(self, capacity: int) -> dict[str, int]:
        """The capacity shared between the active countries (a seat or two may be kept back)."""
        codes = self.active_countries
        if not codes:
            return {}
        base, extra = divmod(capacity, len(codes))
        lucky = set(self.rng.sample(codes, k=extra)) if extra else set()
        seats = {code: base + (code in lucky) for code in codes}
        if capacity > 40:  # a large session keeps one seat back for a late need
            seats[self.rng.choice(codes)] -= 1
        return seats

    def _eligible(self, spec: CourseSpec, officer: _Officer, plan: SessionPlan) -> bool:
        profile = officer.profile
        if spec.track == Track.LEADERSHIP and profile.rank_level != RankLevel.MID:
            return False
        if spec.rank_levels and profile.rank_level not in spec.rank_levels:
            return False
        if spec.areas and not officer.areas & set(spec.areas):
            return False
        if spec.women_only and profile.sex != Sex.FEMALE:
            return False
        if spec.code in officer.courses:
            return False
        starts_on = plan.starts_on - timedelta(days=2)
        ends_on = plan.starts_on + timedelta(days=plan.days + 1)
        return not any(start <= ends_on and end >= starts_on for start, end in officer.busy)

    def _candidates(self, plan: SessionPlan, code: str) -> list[_Officer]:
        spec = self.specs[plan.course]
        candidates = [
            officer
            for officer in self.officers.get(code, [])
            if self._eligible(spec, officer, plan)
        ]
        self.rng.shuffle(candidates)
        # The first accounts of each country (officer1.<cc>, officer2.<cc>) are put forward
        # more often, so signing in as one of them shows a full training history.
        candidates.sort(
            key=lambda officer: 0 if officer.number <= 2 and self.rng.random() < 0.35 else 1
        )
        return candidates

    def _nominate(
        self, plan: SessionPlan, session: Session, code: str, seats: int
    ) -> list[_Participation]:
        if plan.status == SessionStatus.DRAFT:
            return []
        rng = self.rng
        spec = self.specs[plan.course]
        candidates = self._candidates(plan, code)
        if plan.status in (SessionStatus.OPEN, SessionStatus.CANCELLED):
            wanted = rng.randint(0, 3)
        elif plan.status == SessionStatus.SELECTION:
            wanted = seats + rng.randint(2, 4)
        else:
            wanted = seats + rng.choice((0, 1, 1, 2, 2, 3))
        chosen = candidates[:wanted]
        country = self.countries[code]
        focal = self.focal_points.get(country.pk)
        focal_language = (
            focal.preferred_language if focal and focal.preferred_language in LANGUAGES else "en"
        )
        deadline = session.nomination_deadline
        opened = session.created_at
        latest = min(deadline, self.now) - timedelta(hours=2)
        result = []
        for officer in chosen:
            span = max(1, int((latest - opened).total_seconds() // 3600) - 24)
            created = opened + timedelta(hours=24 + rng.randrange(span))
            nomination = Nomination(
                session=session,
                officer=officer.profile,
                country=country,
                nominated_by=focal,
                justification=rng.choice(JUSTIFICATIONS[focal_language]),
                motivation=rng.choice(MOTIVATIONS[officer.language]) if spec.motivation else "",
                supervisor_name=rng.choice(SUPERVISORS) if spec.endorsement else "",
                supervisor_endorsement=rng.choice(ENDORSEMENTS[focal_language])
                if spec.endorsement
                else "",
                status=NominationStatus.NOMINATED,
                created_at=created,
            )
            result.append(_Participation(nomination, officer, plan))
        result.sort(key=lambda participation: participation.nomination.created_at)
        if plan.status in _DECIDED:
            self._decide_all(result, seats, deadline, focal, focal_language, plan)
        elif plan.status == SessionStatus.SELECTION:
            self._decide_some(result, seats, deadline)
        for participation in result:
            if participation.nomination.status in _ACTIVE:
                participation.officer.busy.append(
                    (plan.starts_on, plan.starts_on + timedelta(days=plan.days - 1))
                )
            if participation.nomination.status == NominationStatus.SELECTED:
                participation.officer.courses.add(plan.course)
        return result

    def _decision(
        self, nomination: Nomination, status: str, when: datetime, by: User | None, reason: str = ""
    ) -> None:
        nomination.status = status
        nomination.decided_by = by
        nomination.decided_at = when
        nomination.decision_reason = reason

    def _decide_all(
        self,
        participations: list[_Participation],
        seats: int,
        deadline: datetime,
        focal: User | None,
        focal_language: str,
        plan: SessionPlan,
    ) -> None:
        """Selection as staff would have made it: seats filled in order of the list, the next
        ones waitlisted or declined; sometimes a participant withdrew and the first on the
        waiting list took the seat."""
        rng = self.rng
        # A decision is in the past at any hour: never later than an hour ago (every
        # nomination was made at least two hours ago), and a withdrawal comes after it.
        decided = min(
            deadline + timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 8)),
            self.now - timedelta(hours=1),
        )
        selected = participations[:seats]
        rest = participations[seats:]
        for participation in selected:
            self._decision(participation.nomination, NominationStatus.SELECTED, decided, self.staff)
        waiting = []
        for participation in rest:
            if rng.random() < 0.6:
                waiting.append(participation)
                self._decision(
                    participation.nomination, NominationStatus.WAITLISTED, decided, self.staff
                )
            else:
                self._decision(
                    participation.nomination,
                    NominationStatus.DECLINED,
                    decided,
                    self.staff,
                    rng.choice(DECLINE_REASONS),
                )
        for position, participation in enumerate(waiting, start=1):
            participation.nomination.waitlist_position = position
        if selected and rng.random() < 0.35:
            leaving = rng.choice(selected)
            withdrawn = min(
                decided + timedelta(days=rng.randint(2, 6)), self.now - timedelta(minutes=30)
            )
            self._decision(
                leaving.nomination,
                NominationStatus.WITHDRAWN,
                withdrawn,
                focal,
                rng.choice(WITHDRAWALS[focal_language]),
            )
            if waiting:
                first = waiting.pop(0)
                self._decision(first.nomination, NominationStatus.SELECTED, withdrawn, focal)
                first.nomination.waitlist_position = None
                for position, participation in enumerate(waiting, start=1):
                    participation.nomination.waitlist_position = position

    def _decide_some(
        self, participations: list[_Participation], seats: int, deadline: datetime
    ) -> None:
        """A session in selection: staff have started on the board, most nominations wait."""
        rng = self.rng
        when = min(self.now - timedelta(hours=3), deadline + timedelta(days=1))
        count = rng.randint(0, min(2, seats))
        for participation in participations[:count]:
            self._decision(participation.nomination, NominationStatus.SELECTED, when, self.staff)
        later = participations[count:]
        if later and rng.random() < 0.4:
            self._decision(later[-1].nomination, NominationStatus.WAITLISTED, when, self.staff)
            later[-1].nomination.waitlist_position = 1

    # --- what happened in the sessions ---

    def seed_activity(self) -> None:
        """Attendance, tests and evaluations of the selected participants of sessions that
        have started (or, for pre-tests, been confirmed)."""
        attendance: list[Attendance] = []
        attempts: list[TestAttempt] = []
        planned_answers: list[tuple[TestAttempt, list[tuple[int, bool, list[int]]]]] = []
        evaluations: list[Evaluation] = []
        receipts: list[EvaluationReceipt] = []
        invitations: list[FollowUpInvitation] = []
        rng = self.rng
        by_session: dict[int, list[_Participation]] = defaultdict(list)
        for participation in self.participations:
            if participation.nomination.status == NominationStatus.SELECTED:
                by_session[participation.nomination.session_id].append(participation)
        for plan, session in self.sessions:
            if plan.status not in _DECIDED:
                continue
            participants = by_session.get(session.pk, [])
            zone = session.time_zone
            session_effect = rng.gauss(0, 0.04)
            days = [session.starts_on + timedelta(days=i) for i in range(plan.days)]
            marked_days = [day for day in days if day < self.today or plan.status in _FINISHED]
            for participation in participants:
                nomination = participation.nomination
                officer = participation.officer
                regular = rng.random() < 0.9
                for day in marked_days:
                    weights = (93, 5, 1.5, 0.5) if regular else (55, 10, 20, 15)
                    mark = rng.choices(
                        (
                            AttendanceMark.PRESENT,
                            AttendanceMark.LATE,
                            AttendanceMark.ABSENT,
                            AttendanceMark.EXCUSED,
                        ),
                        weights=weights,
                    )[0]
                    attendance.append(
                        Attendance(
                            nomination=nomination,
                            day=day,
                            mark=mark,
                            marked_by=self.trainer,
                            marked_at=_at(day, 9, rng.randint(0, 50), zone),
                        )
                    )
                # The pre-test: on the first morning; in a confirmed session, by a few so far.
                if plan.status == SessionStatus.CONFIRMED:
                    took_pre = rng.random() < 0.3
                    pre_at = self.now - timedelta(hours=rng.randint(3, 96))
                else:
                    took_pre = rng.random() < 0.96
                    pre_at = _at(session.starts_on, 8, rng.randint(0, 55), zone)
                if took_pre:
                    attempts.append(
                        self._attempt(
                            plan.course,
                            nomination,
                            officer,
                            TestKind.PRE,
                            pre_at,
                            session_effect,
                            planned_answers,
                        )
                    )
                if plan.status in _FINISHED and rng.random() < min(plan.post_test_share, 0.97):
                    post_at = _at(session.ends_on, 14, rng.randint(0, 59), zone) + timedelta(
                        minutes=rng.randint(0, 120)
                    )
                    attempts.append(
                        self._attempt(
                            plan.course,
                            nomination,
                            officer,
                            TestKind.POST,
                            post_at,
                            session_effect,
                            planned_answers,
                        )
                    )
            if plan.status in _FINISHED:
                self._evaluations(plan, session, participants, evaluations, receipts, invitations)
        Attendance.objects.bulk_create(attendance, batch_size=1000)
        TestAttempt.objects.bulk_create(attempts, batch_size=500)
        answers: list[Answer] = []
        answer_choices: list[tuple[Answer, list[int]]] = []
        for attempt, items in planned_answers:
            for question_id, is_correct, chosen in items:
                answer = Answer(attempt=attempt, question_id=question_id, is_correct=is_correct)
                answers.append(answer)
                answer_choices.append((answer, chosen))
        Answer.objects.bulk_create(answers, batch_size=1000)
        through = Answer.choices.through
        through.objects.bulk_create(
            [
                through(answer_id=answer.pk, choice_id=choice_id)
                for answer, chosen in answer_choices
                for choice_id in chosen
            ],
            batch_size=1000,
        )
        Evaluation.objects.bulk_create(evaluations, batch_size=500)
        EvaluationReceipt.objects.bulk_create(receipts, batch_size=500)
        FollowUpInvitation.objects.bulk_create(invitations, batch_size=500)
        self.counts["attendance"] = len(attendance)
        self.counts["attempts"] = len(attempts)
        self.counts["answers"] = len(answers)
        self.counts["evaluations"] = len(evaluations)

    def _attempt(
        self,
        course: str,
        nomination: Nomination,
        officer: _Officer,
        kind: str,
        when: datetime,
        session_effect: float,
        planned_answers: list[tuple[TestAttempt, list[tuple[int, bool, list[int]]]]],
    ) -> TestAttempt:
        """A test answered question by question; the score follows from the answers."""
        rng = self.rng
        bank = self.bank[course]
        items: list[tuple[int, bool, list[int]]] = []
        right = 0
        for question, spec, choice_ids in bank:
            if kind == TestKind.PRE:
                chance = 0.5 + officer.ability + session_effect + spec.difficulty
            else:
                chance = 0.9 + 0.6 * officer.ability + session_effect + 0.5 * spec.difficulty
            is_correct = rng.random() < _clamp(chance)
            correct = sorted(spec.correct)
            if is_correct:
                chosen = [choice_ids[index] for index in correct]
            else:
                chosen = [choice_ids[index] for index in self._wrong_answer(spec)]
            right += is_correct
            items.append((question.pk, is_correct, chosen))
        score = (Decimal(100 * right) / Decimal(len(bank) or 1)).quantize(Decimal("0.01"))
        attempt = TestAttempt(
            nomination=nomination,
            kind=kind,
            language=officer.language,
            submitted_at=when,
            score=score,
        )
        planned_answers.append((attempt, items))
        return attempt

    def _wrong_answer(self, spec: QuestionSpec) -> list[int]:
        rng = self.rng
        indexes = range(len(spec.choices))
        wrong = [index for index in indexes if index not in spec.correct]
        if spec.kind != QuestionKind.MULTIPLE:
            return [rng.choice(wrong)]
        correct = sorted(spec.correct)
        if len(correct) > 1 and rng.random() < 0.6:  # one right answer missed
            correct.remove(rng.choice(correct))
            return correct
        return sorted([*correct, rng.choice(wrong)])  # one wrong answer ticked too

    def _evaluations(
        self,
        plan: SessionPlan,
        session: Session,
        participants: list[_Participation],
        evaluations: list[Evaluation],
        receipts: list[EvaluationReceipt],
        invitations: list[FollowUpInvitation],
    ) -> None:
        """Anonymous answers: the evaluation says nothing of who answered; the receipt says
        only that someone did. At least five per survey, so results are shown."""
        rng = self.rng
        quality = rng.uniform(3.7, 4.6)
        # Each comment at most once per session, so the comments read as different people's.
        comments = {language: rng.sample(texts, len(texts)) for language, texts in COMMENTS.items()}
        follow_ups = {
            language: rng.sample(texts, len(texts))
            for language, texts in FOLLOW_UP_COMMENTS.items()
        }

        def comment(pool: dict[str, list[str]], language: str, chance: float) -> str:
            left = pool[language]
            return left.pop() if left and rng.random() < chance else ""

        def rating(mean: float) -> int:
            return max(1, min(5, round(rng.gauss(mean, 0.75))))

        answering = [p for p in participants if rng.random() < 0.8]
        if len(answering) < 5:
            answering = participants[: max(5, len(answering))]
        for participation in answering:
            evaluations.append(
                Evaluation(
                    session=session,
                    kind=EvaluationKind.END_OF_SESSION,
                    relevance=rating(quality + 0.1),
                    content=rating(quality),
                    trainers=rating(quality + 0.2),
                    organisation=rating(quality - 0.3),
                    comments=comment(comments, participation.officer.language, 0.35),
                    submitted_on=min(
                        session.ends_on + timedelta(days=rng.choice((0, 0, 0, 1, 2))), self.today
                    ),
                )
            )
            receipts.append(
                EvaluationReceipt(
                    nomination=participation.nomination, kind=EvaluationKind.END_OF_SESSION
                )
            )
        follow_up_on = _months_later(session.ends_on, 3)
        if follow_up_on > self.today:
            return
        sent_at = _at(follow_up_on, 6, 0, "UTC")
        for participation in participants:
            invitations.append(
                FollowUpInvitation(nomination=participation.nomination, sent_at=sent_at)
            )
        answering = [p for p in participants if rng.random() < 0.55]
        if len(answering) < 5:
            answering = participants[: max(5, len(answering))]
        for participation in answering:
            evaluations.append(
                Evaluation(
                    session=session,
                    kind=EvaluationKind.FOLLOW_UP,
                    applied_on_job=rating(quality - 0.2),
                    comments=comment(follow_ups, participation.officer.language, 0.4),
                    submitted_on=min(follow_up_on + timedelta(days=rng.randint(0, 20)), self.today),
                )
            )
            receipts.append(
                EvaluationReceipt(
                    nomination=participation.nomination, kind=EvaluationKind.FOLLOW_UP
                )
            )

    # --- certificates ---

    def seed_certificates(self) -> None:
        """A certificate for each participant who met the completion rule, issued a few days
        after the session (no PDF yet: it is rendered when first downloaded)."""
        from momentum.training.services.certificates import CODE_ALPHABET, CODE_LENGTH

        finished = [session.pk for plan, session in self.sessions if plan.status in _FINISHED]
        participants = list(
            Nomination.objects.filter(session_id__in=finished, status=NominationStatus.SELECTED)
            .select_related("session__course", "officer__user")
            .order_by("session__starts_on", "pk")
        )
        progress = progress_for(participants)
        rng = self.rng
        codes: set[str] = set()
        certificates = []
        for nomination in participants:
            if not progress[nomination.pk].completed:
                continue
            code = ""
            while not code or code in codes:
                raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                code = "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))
            codes.add(code)
            session = nomination.session
            course = session.course
            user = nomination.officer.user
            issued_on = min(session.ends_on + timedelta(days=rng.randint(1, 6)), self.today)
            years = course.certificate_validity_years
            certificates.append(
                Certificate(
                    code=code,
                    holder=user,
                    nomination=nomination,
                    holder_name=user.full_name or user.email,
                    holder_name_ar=user.full_name_ar,
                    title={
                        language: getattr(course, f"title_{language}") for language in LANGUAGES
                    },
                    starts_on=session.starts_on,
                    ends_on=session.ends_on,
                    hours=course.duration_hours,
                    language=user.preferred_language
                    if user.preferred_language in LANGUAGES
                    else "en",
                    issued_on=issued_on,
                    expires_on=_years_later(issued_on, years) if years else None,
                )
            )
        # One certificate was revoked after an audit, so the verification page shows that too.
        revocable = [c for c in certificates if (self.today - c.issued_on).days > 400]
        if revocable:
            revoked = rng.choice(revocable)
            revoked.revoked_at = _at(revoked.issued_on + timedelta(days=45), 10, 0, "UTC")
            revoked.revocation_reason = REVOCATION_REASON
        Certificate.objects.bulk_create(certificates, batch_size=500)
        self.counts["certificates"] = len(certificates)


@register_seeder(30, "training")
def seed_training(say: Callable[[str], None]) -> None:
    seeder = _Seeder(say)
    seeder.seed_courses()
    seeder.seed_question_banks()
    seeder.seed_sessions()
    seeder.seed_activity()
    seeder.seed_certificates()
    counts = seeder.counts
    statuses: dict[str, int] = defaultdict(int)
    for plan, _session in seeder.sessions:
        statuses[plan.status] += 1
    say(
        f"Training: {len(COURSES)} courses with {counts['questions']} questions; "
        f"{counts['sessions']} sessions ("
        + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
        + f"); {counts['nominations']} nominations, {counts['attendance']} attendance marks, "
        f"{counts['attempts']} test attempts, {counts['evaluations']} evaluations, "
        f"{counts['certificates']} certificates."
    )
