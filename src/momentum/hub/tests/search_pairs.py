"""Labelled pairs for the hub's word search, in Arabic, French and English: a query, a text
and whether the text should be found. They hold what readers expect — spelling variants,
articles, clitics and inflected forms found; unrelated words that contain the query, or are
contained in it, not found — and a few cases a light stemmer cannot get right (broken plurals,
irregular plurals, two words sharing a stem), kept so the figures stay honest.

Scored by ``test_search_pairs.py`` (and printed by ``bench/hub_search_pairs.py``).
"""

from __future__ import annotations

from typing import NamedTuple


class Pair(NamedTuple):
    language: str
    query: str
    text: str
    match: bool


def _pairs(language: str, match: bool, rows: str) -> list[Pair]:
    found = []
    for line in rows.strip().splitlines():
        query, text = (part.strip() for part in line.split("|"))
        found.append(Pair(language, query, text, match))
    return found


ARABIC_MATCH = """
مساواة | تعزيز المساواة بين الجنسين
مساواة | والمساواة في العمل
مساواة | نطالب بالمساواة
مساواة | ومساواة حقيقية
المساواة | مساواة كاملة
مساواة | للمساواة أهمية
مساواة | مساواتهم أمام القانون
مسؤول | مسئول الاتصال
مسئول | المسؤول عن الملف
المسؤولية | مسئولية مشتركة
مسؤوليات | المسئوليات الجديدة
الأسرة | دور الاسره
أسرة | الأسرة والمجتمع
إدارة | ادارة الحدود
مستوى | على مستوي عال
تدريب | وبالتدريب المستمر
التدريب | دورة تدريب
تدريب | الدورات التدريبية
شرطة | ضباط الشرطة
الشرطة | بالشرطة النسائية
الشرطة | للشرطة دور
وثيقة | فحص الوثيقة
وثيقة | ووثيقة السفر
وزارة | الوزارة المعنية
وزارة | بالوزارة
بريد | البريد الإلكتروني
بريد | بالبريد
برنامج | البرنامج الإقليمي
برنامج | أطلقنا برنامجا جديدا
برنامج | ببرنامج التبادل
حدود | مراقبة الحدود
الحدود | بالحدود البرية
منظمة | المنظمة الدولية
منظمة | منظمتنا
عنف | مكافحة العنف
العنف | والعنف الأسري
مكافحة | ومكافحة الاتجار
مكافحة | لمكافحة التهريب
قانون | بالقانون
هجرة | الهجرة غير النظامية
ضحايا | حماية الضحايا
جريمة | الجريمة المنظمة
الأمن | الأَمْنُ الوطني
الأمن | الأمــــن
تحقيق | التحقيقات الجنائية
وثيقة | الوثائق المزورة
جريمة | الجرائم الإلكترونية
"""

ARABIC_NO_MATCH = """
سر | الأسرة والمجتمع
سر | أسرار التحقيق
نار | سيناريو التمرين
ريد | البريد الإلكتروني
زار | الوزارة المعنية
رد | ورد في التقرير
رد | البرد القارس
حر | البحر المتوسط
حر | تحرير الضحايا
علم | المعلومات الجنائية
دين | المدينة القديمة
سلم | الأسلحة الخفيفة
كرة | فكرة جديدة
جمع | المجتمع المدني
مال | الأعمال الإدارية
امن | المؤمن عليه
قدم | المقدمة
عمل | المعمل الجنائي
نور | تنوير الرأي العام
شرط | الشرطة النسائية
"""

FRENCH_MATCH = """
formation | les formations régionales
formations | une formation courte
sécurité | la securite des frontieres
securite | la sécurité publique
frontière | contrôle aux frontières
enquête | les enquetes financières
victime | protection des victimes
passeport | passeports volés
document | documents de voyage
réseau | les réseaux criminels
coopération | coopérations bilatérales
nationale | stratégie nationale
national | le plan national
contrôle | contrôler les passagers
femme | les femmes officiers
enfant | enfants non accompagnés
migrant | les migrants
trafic | trafics illicites
cœur | le coeur du métier
école | ÉCOLE de police
donnée | données personnelles
analyse | analyses de risque
procédure | les procédures
équipe | équipes mixtes
expérience | nos expériences
échange | échanges d'informations
travail | les travaux du groupe
"""

FRENCH_NO_MATCH = """
lieu | au milieu du couloir
port | le rapport annuel
arme | la gendarmerie nationale
arme | un gendarme
age | le passage de la frontière
an | le plan national
mer | le commerce illicite
rat | le contrat signé
sol | la console de contrôle
cours | les secours
vol | les volontaires
mine | le dossier criminel
part | le partenariat régional
fin | la finale
nation | la coordination
arme | l'armée de terre
port | la porte d'entrée
tri | le tribunal
aide | le guide pratique
"""

ENGLISH_MATCH = """
training | the train crew
train | training for officers
trained | training sessions
investigation | two investigations
victim | protecting victims
border | the borders of the region
officer | women officers
smuggling | a known smuggler
report | the reports of the year
reported | the report
network | regional networks
policy | new policies
community | communities at risk
document | travel documents
passport | stolen passports
analysis | risk analyses
interview | interviewing witnesses
protection | protect the victims
trafficking | human traffickers
child | children at the border
woman | women in policing
"""

ENGLISH_NO_MATCH = """
age | the passage of time
port | the annual report
arm | the alarm rang
ice | the police station
ward | moving forward
man | case management
net | the internet
war | an award
train | restraint
use | abuse of power
act | contact point
lead | misleading data
rest | the arrest
ban | urban areas
gun | work has begun
ring | during the meeting
"""

PAIRS: list[Pair] = [
    *_pairs("ar", True, ARABIC_MATCH),
    *_pairs("ar", False, ARABIC_NO_MATCH),
    *_pairs("fr", True, FRENCH_MATCH),
    *_pairs("fr", False, FRENCH_NO_MATCH),
    *_pairs("en", True, ENGLISH_MATCH),
    *_pairs("en", False, ENGLISH_NO_MATCH),
]
LANGUAGES = ("ar", "fr", "en")


class Score(NamedTuple):
    pairs: int
    precision: float
    recall: float
    wrong: list[Pair]


def found_by_words(query: str, text: str) -> bool:
    """Whether the hub's search finds ``text`` for ``query``: the same tokens the database
    compares (``core.text``; ``test_search_pairs`` checks it against the database)."""
    from momentum.core.text import index_tokens, query_words

    tokens = index_tokens(text)
    terms = query_words(query)
    return bool(terms) and all(term.tokens & tokens for term in terms)


def score(language: str, pairs: list[Pair] = PAIRS) -> Score:
    mine = [pair for pair in pairs if pair.language == language]
    outcomes = [(pair, found_by_words(pair.query, pair.text)) for pair in mine]
    true_positive = sum(1 for pair, found in outcomes if found and pair.match)
    found_total = sum(1 for _pair, found in outcomes if found)
    expected_total = sum(1 for pair in mine if pair.match)
    return Score(
        pairs=len(mine),
        precision=true_positive / found_total if found_total else 1.0,
        recall=true_positive / expected_total if expected_total else 1.0,
        wrong=[pair for pair, found in outcomes if found != pair.match],
    )
