"""The content guard: what may not be published in the Knowledge Hub, and what waits for review.

``check_text`` reads a thread, a reply, an edit or the text of an attachment before it is
published and returns a verdict:

- **block** when it finds operational or personal data: a passport or identity-document number,
  a machine-readable-zone line, a phone number, a personal e-mail address, a bank account
  number, an INTERPOL notice or case reference, an IP address or geographic coordinates. The
  author sees why, in their language, and edits the text;
- **hold** when it finds one of the watched words or phrases that staff maintain ("suspect",
  "raid", the name of an operation…): a moderator reads the post before it is published;
- **allow** otherwise. An identifier always wins over a watched word.

How it reads the text. Every identifier detector works on a *scan copy* of the text in which
Arabic-Indic and Persian digits are ASCII digits, the Arabic decimal and thousands separators
are "." and ",", dash and space variants are "-" and " ", and invisible format characters
(bidirectional marks, zero-width joiners, tatweel) are dropped. Watched words are matched on
the words of a *folded copy* made with :func:`momentum.core.text.normalise` character by
character (case, accents, Arabic letter variants and diacritics), so "المداهمة", "مداهمه" and
"ومداهمة" all match the watched word "مداهمة", and "Perquisitions" matches "perquisition".
Both copies keep, for each of their characters, the index of the character of the original
text it came from, so every finding's ``start`` and ``end`` point at the text as written.

The rules, chosen so that benign posts (dates, years, times, statistics, amounts, article and
session numbers, ISO standards, public URLs, programme mailboxes) pass:

- travel documents: one or two capital letters followed by seven or eight digits on their
  own (``A12345678``), unless the digits start like a year (``S2025014`` is a session code);
  and, after a document word in any of the three languages (passport, passeport, جواز السفر,
  carte d'identité, بطاقة الهوية, national number…), any number of seven to fourteen digits,
  optionally after up to three letters, or of five digits and more after letters.
- MRZ: a run of 25 to 46 characters of ``[A-Z0-9<]`` holding at least one ``<`` filler; a
  single line is enough.
- phones: groups separated by spaces, dots, dashes or slashes. A number written with ``+`` or
  ``00`` and a country code; a national number of nine to eleven digits starting with ``0``
  (every mobile and landline format of the seven countries); an eight-digit Lebanese number
  written ``0X XXX XXX``; a mobile number written without the trunk ``0`` in three groups or
  more that ``phonenumbers`` finds valid for a partner country (``79 555 0142``,
  ``22.345.678``); and, with a phone word before it or after it (tel, téléphone, هاتف,
  WhatsApp, واتساب, "call me on", appeler…), any number of eight to thirteen digits. A
  candidate that contains a date (``07.10.2024``), or is followed by a currency, a percent
  sign or a unit ("150000000 dinars"), or follows ISBN/ISSN/DOI, is not a phone number.
  Public hotlines and switchboards are phone numbers too: the guard cannot tell them from a
  personal line, so the author links to the page that lists them.
- e-mail: every address, also written ``name [at] domain [dot] org``, except those at the
  domains of ``settings.HUB_GUARD_ALLOWED_EMAIL_DOMAINS`` (default ``interpol.int`` and
  ``europa.eu``) and their subdomains, which are the programme's public mailboxes.
- bank accounts: an IBAN (validated by ``python-stdnum``: the registry's length and format
  and the mod-97 check digits; the check digits alone for countries outside the registry such
  as Morocco), or any IBAN-shaped string right after the word IBAN; and, near a bank word
  (RIB, compte bancaire, حساب, account…), any number of ten to thirty digits.
- INTERPOL: a notice control number (``A-1234/5-2025``); and, after a notice or case word
  (red notice, notice rouge, النشرة الحمراء, diffusion, case, dossier, affaire, قضية, ملف,
  تحقيق…), a reference made of two or more parts joined by ``/`` or ``-`` with at least five
  digits in all (``2025/12345``, ``CF-2025-00871``), which is neither a date, a month
  (``2025-01``), a year range (``2024-2025``) nor an internal file label with two parts of
  letters (``2024-JOR-TRN-015``), or a number of four digits and more after
  "n°", "no." or "رقم". "Case study" and "in our case" are not case words.
- IP addresses: four octets of 0-255 not inside a longer dotted sequence (so not a version
  number), except, when no network word is near, all-single-digit quads such as ``1.2.3.4`` and
  any quad after a version or section word (version 10.2.15.3, article 2.3.14.1, البند…);
  and IPv6 addresses validated by :mod:`ipaddress`.
- coordinates: a labelled pair (``lat 33,8938 / long 35,5018``, ``Latitude : … Longitude :
  …``, ``خط العرض … وخط الطول …``); a pair of decimal degrees (latitude within 90, longitude
  within 180) with at least four decimals, or with a degree sign or a hemisphere (N, E, O,
  nord, شمالاً, غرباً…), or after a location word (GPS, lat, coordonnées, إحداثيات…); and any
  degrees-minutes(-seconds) position with a hemisphere (``31°57'N``, ``31° 57' شمالاً``) or
  followed by a second one.

Watched words also match Arabic forms with an attached pronoun (مداهمتهم, بمداهمته), and a
watched term does not count inside one of the exception phrases staff gave it ("target" in
"target group").

Overlapping findings keep the most specific kind (an MRZ line holds a document number, an
IBAN holds digits that read like a phone number). Performance: about 1 s for 80,000
characters, linear in the length of the text.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import phonenumbers
from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum import iban as stdnum_iban

from momentum.core.text import normalise, strip_arabic_prefix

DEFAULT_ALLOWED_EMAIL_DOMAINS = ("interpol.int", "europa.eu")


class FindingKind(TextChoices):
    TRAVEL_DOCUMENT = "travel_document", _("passport or identity-document number")
    MRZ = "mrz", _("machine-readable zone of a travel document")
    PHONE = "phone", _("phone number")
    EMAIL = "email", _("personal e-mail address")
    IBAN = "iban", _("bank account number")
    INTERPOL_REFERENCE = "interpol_reference", _("INTERPOL notice or case reference")
    IP_ADDRESS = "ip_address", _("IP address")
    COORDINATES = "coordinates", _("geographic coordinates")
    WATCHED_TERM = "watched_term", _("watched word or phrase")


class Verdict(TextChoices):
    ALLOW = "allow", _("allowed")
    HOLD = "hold", _("held for moderation")
    BLOCK = "block", _("blocked")


IDENTIFIER_KINDS = frozenset(FindingKind) - {FindingKind.WATCHED_TERM}

_MESSAGES: dict[FindingKind, Promise] = {
    FindingKind.TRAVEL_DOCUMENT: _(
        "Line %(line)s: this looks like a passport or identity-document number "
        "(%(excerpt)s). Remove it before posting."
    ),
    FindingKind.MRZ: _(
        "Line %(line)s: this looks like the machine-readable zone of a passport or identity "
        "card (%(excerpt)s). Remove it before posting."
    ),
    FindingKind.PHONE: _(
        "Line %(line)s: this looks like a phone number (%(excerpt)s). Remove it before "
        "posting; share contact details privately."
    ),
    FindingKind.EMAIL: _(
        "Line %(line)s: this looks like a personal e-mail address (%(excerpt)s). Remove it "
        "before posting; only the programme's public mailboxes may be published."
    ),
    FindingKind.IBAN: _(
        "Line %(line)s: this looks like a bank account number (%(excerpt)s). Remove it "
        "before posting."
    ),
    FindingKind.INTERPOL_REFERENCE: _(
        "Line %(line)s: this looks like an INTERPOL notice or case reference (%(excerpt)s). "
        "Remove it before posting."
    ),
    FindingKind.IP_ADDRESS: _(
        "Line %(line)s: this looks like an IP address (%(excerpt)s). Remove it before posting."
    ),
    FindingKind.COORDINATES: _(
        "Line %(line)s: these look like geographic coordinates (%(excerpt)s). Remove them "
        "before posting."
    ),
    FindingKind.WATCHED_TERM: _(
        "Line %(line)s: “%(excerpt)s” is on the list of watched words. A moderator will read "
        "your post before it is published."
    ),
}


@dataclass(frozen=True)
class Finding:
    """Something the guard found: its kind, a masked excerpt, and where it is in the text."""

    kind: FindingKind
    excerpt: str
    start: int
    end: int
    line: int = 1

    @property
    def blocks(self) -> bool:
        return self.kind in IDENTIFIER_KINDS

    @property
    def message(self) -> str:
        """A whole sentence, in the active language, saying what was found and where."""
        return gettext(str(_MESSAGES[self.kind])) % {"line": self.line, "excerpt": self.excerpt}


@dataclass(frozen=True)
class GuardResult:
    verdict: Verdict
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def blocked(self) -> bool:
        return self.verdict == Verdict.BLOCK

    @property
    def held(self) -> bool:
        return self.verdict == Verdict.HOLD

    def messages(self) -> list[str]:
        """The explanations for the verdict: identifiers when blocked, watched words when held.

        A blocked post lists only what blocks it; once the author has removed those, the
        watched words (if any) hold it and are explained then.
        """
        wanted = IDENTIFIER_KINDS if self.verdict == Verdict.BLOCK else {FindingKind.WATCHED_TERM}
        seen: list[str] = []
        for finding in self.findings:
            if finding.kind in wanted and finding.message not in seen:
                seen.append(finding.message)
        return seen

    def audit_details(self) -> dict[str, Any]:
        """What the audit log keeps: counts per kind and masked excerpts, never a whole number."""
        counts = Counter(str(finding.kind) for finding in self.findings)
        return {
            "verdict": str(self.verdict),
            "counts": dict(sorted(counts.items())),
            "findings": [
                {"kind": str(finding.kind), "excerpt": finding.excerpt, "line": finding.line}
                for finding in self.findings
            ],
        }


# --- folding with an index map --------------------------------------------------------------


@dataclass(frozen=True)
class _Folded:
    """A folded copy of a text and, for each of its characters, the original index."""

    text: str
    origin: tuple[int, ...]  # one entry per folded character, plus len(original) at the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d")
_SPACES = frozenset("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u205f\u3000")


@lru_cache(maxsize=8192)
def _scan_char(ch: str) -> str:
    if ch == "\u0640" or unicodedata.category(ch) == "Cf":
        return ""  # tatweel, bidirectional marks, zero-width characters
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    if ch == "\u066b":  # Arabic decimal separator
        return "."
    if ch == "\u066c":  # Arabic thousands separator
        return ","
    if ch in _DASHES:
        return "-"
    if ch in _SPACES or ch == "\t":
        return " "
    if ch in "\u2032\u2019":  # prime, right single quote (minutes)
        return "'"
    if ch in "\u2033\u201d":  # double prime, right double quote (seconds)
        return '"'
    if ch == "\u00ba":  # masculine ordinal, often typed for the degree sign
        return "°"
    return unicodedata.normalize("NFKC", ch)


@lru_cache(maxsize=8192)
def _word_char(ch: str) -> str:
    if ch.isspace():
        return " "
    return normalise(ch)


def _fold(text: str, fold_char: Callable[[str], str]) -> _Folded:
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for piece in fold_char(ch):
            chars.append(piece)
            origin.append(index)
    origin.append(len(text))
    return _Folded("".join(chars), tuple(origin))


# --- context words ----------------------------------------------------------------------------


def _context(*patterns: str) -> re.Pattern[str]:
    """A pattern of context words, written in normalised form (lower case, no accents,
    ta marbuta written as ha).

    Latin words must start at a word boundary; Arabic words may carry an attached prefix.
    """
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


_DOCUMENT_WORDS = _context(
    r"\bpassports?\b",
    r"\bpasseports?\b",
    r"\btravel documents?\b",
    r"\bdocuments? de voyage\b",
    r"\btitres? de voyage\b",
    r"\b(?:national )?id(?:entity)? cards?\b",
    r"\bidentity (?:number|document)\b",
    r"\bnational (?:id|identity|number)\b",
    r"\bcartes? (?:nationale )?d'identite\b",
    r"\bcarte nationale\b",
    r"\bnumero (?:national|d'identite|de passeport)\b",
    r"\bcin\b",
    r"\bcni\b",
    r"\bcnie\b",
    "جواز",
    "جوازات",
    "وثيقه سفر",
    "وثيقه السفر",
    "بطاقه هويه",
    "بطاقه الهويه",
    "بطاقه تعريف",
    "بطاقه التعريف",
    "الرقم الوطني",
    "رقم وطني",
    "رقم الهويه",
    "الرقم القومي",
    "رقم قومي",
    "البطاقه الوطنيه",
)
_PHONE_WORDS = _context(
    r"\b(?:tel|tél|phone|telephone|mobile|cell|portable|gsm|whatsapp|signal|viber|telegram)\b",
    r"\b(?:call|calling|text|ring|reach) (?:me|him|her|us|them|on|at)\b",
    r"\b(?:appeler|appelez|appelle|joindre|joignable|rappeler)\b",
    r"\b(?:my|his|her|their|mon|son|sa|leur|votre|your) (?:number|numero)\b",
    r"\bcontact\b",
    "هاتف",
    "الهاتف",
    "جوال",
    "موبايل",
    "محمول",
    "خلوي",
    "واتساب",
    "واتس",
    "اتصل",
    "اتصال",
    "الاتصال",
    "رقمه",
    "رقمها",
    "رقمي",
    "على الرقم",
    "للتواصل",
    "تواصل",
)
_BANK_WORDS = _context(
    r"\brib\b",
    r"\biban\b",
    r"\bswift\b",
    r"\bbic\b",
    r"\bccp\b",
    r"\bcompte(?:s)? (?:bancaire|courant|postal|n)",
    r"\bcompte\b",
    r"\bbank\b",
    r"\bbanque\b",
    r"\baccount\b",
    r"\bvirement\b",
    r"\btransfer\b",
    r"\bwire\b",
    "حساب",
    "الحساب",
    "بنك",
    "البنك",
    "مصرف",
    "المصرف",
    "تحويل",
    "ايبان",
)
_INTERPOL_WORDS = _context(
    r"\b(?:red|yellow|blue|black|green|orange|purple|silver) notices?\b",
    r"\bnotices? (?:rouge|jaune|bleue|noire|verte|orange|violette|mauve|argent)s?\b",
    r"\bun(?:sc)? special notice\b",
    r"\b(?:interpol|control|notice) (?:notice|number|no)s?\b",
    r"\bdiffusions?\b",
    r"\bcontrol (?:number|no)\b",
    r"\bcase(?: file| number| no| ref(?:erence)?)?\b",
    r"\bfile (?:number|no|ref(?:erence)?)\b",
    r"\bdossiers?\b",
    r"\baffaires?\b",
    r"\benquetes?\b",
    r"\binvestigations?\b",
    r"\bprocedures? (?:judiciaire|penale)s?\b",
    r"\bproces-verbal\b",
    r"\bpv\b",
    r"\bmandat\b",
    r"\bwarrant\b",
    "النشره",
    "نشره",
    "قضيه",
    "القضيه",
    "ملف",
    "الملف",
    "تحقيق",
    "التحقيق",
    "محضر",
    "المحضر",
    "بلاغ",
    "البلاغ",
    "مذكره",
)
_NOT_A_CASE = re.compile(r"\b(?:case stud(?:y|ies)|in (?:any|this|that|each) case|etude de cas)\b")
_LOCATION_WORDS = _context(
    r"\bgps\b",
    r"\bcoordinates?\b",
    r"\bcoordonnees\b",
    r"\blat(?:itude)?\b",
    r"\blon(?:g|gitude)?\b",
    r"\blocation\b",
    r"\blocalisation\b",
    r"\bposition\b",
    "احداثيات",
    "الاحداثيات",
    "موقع",
    "الموقع",
    "خط العرض",
    "خط الطول",
)
_NETWORK_WORDS = _context(
    r"\bip\b",
    r"\bserver\b",
    r"\bserveur\b",
    r"\baddress\b",
    r"\badresse\b",
    r"\bhost\b",
    r"\brouter\b",
    r"\bvpn\b",
    "عنوان",
    "خادم",
    "الخادم",
    "سيرفر",
)


def _near(
    text: str, start: int, end: int, words: re.Pattern[str], *, before: int = 40, after: int = 0
) -> bool:
    """Whether ``words`` occur in the normalised text just before (or after) a span."""
    window = normalise(text[max(0, start - before) : start])
    if words.search(window):
        return True
    return bool(after) and bool(words.search(normalise(text[end : end + after])))


# --- detectors --------------------------------------------------------------------------------

_Span = tuple[int, int]  # offsets in the scan copy


_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](?:19|20)?\d{2}(?!\d)")
_YEAR_MONTH_DAY = re.compile(r"(?<!\d)(?:19|20)\d{2}[./-](\d{1,2})[./-](\d{1,2})(?!\d)")


_AMOUNT_AFTER = re.compile(
    r"\s?(?:%|‰|€|\$|£|(?:eur|euros?|usd|dollars?|jod|mad|dzd|tnd|egp|lbp|ils|chf|gbp|da|dh|dt|"
    r"dinars?|dirhams?|livres?|pounds?|francs?|shekels?|units?|people|personnes|participants|"
    r"officers|agents|policiers)\b|(?:دينار|درهم|يورو|دولار|جنيه|ليره|شيكل|مشارك|ضابط|شخص))"
)


def _is_amount(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is followed by a currency, a percent or a unit."""
    following = text[end : end + 2].lstrip()[:1]
    if not following or following.isdigit() or following in "-.,/:()+":
        return False  # the common case, decided without normalising
    return bool(_AMOUNT_AFTER.match(normalise(text[end : end + 14])))


def _is_date(raw: str) -> bool:
    """Whether ``raw`` holds a date: 07.10.2024, 7/10/24, 10-07-2024 or 2024-10-07."""
    for match in _DAY_MONTH_YEAR.finditer(raw):
        first, second = int(match.group(1)), int(match.group(2))
        # Day then month, or month then day (English): either order may be valid.
        if 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12:
            return True
    year_month = re.fullmatch(r"\s*(?:19|20)\d{2}[./-](\d{1,2})\s*", raw)
    if year_month and 1 <= int(year_month.group(1)) <= 12:
        return True  # 2025-01, 2025/06: a month
    for match in _YEAR_MONTH_DAY.finditer(raw):
        if 1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(2)) <= 31:
            return True
    return False


def _is_year_range(raw: str) -> bool:
    match = re.fullmatch(r"\s*((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{2})\s*", raw)
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    if second < 100:
        second += first // 100 * 100
    return 0 <= second - first <= 5


_MRZ = re.compile(r"(?<![A-Z0-9<])[A-Z0-9<]{25,46}(?![A-Z0-9<])")


def _mrz(scan: str) -> Iterator[_Span]:
    for match in _MRZ.finditer(scan):
        value = match.group()
        if "<" in value and sum(ch.isalpha() for ch in value) >= 3:
            yield match.span()


_STRONG_DOCUMENT = re.compile(r"(?<![\w/.-])[A-Z]{1,2}(\d{7,8})(?![\w/-]|[.,]\d)")
_DOCUMENT_AFTER_WORD = re.compile(
    r"(?<![\w/.-])(?:[A-Z]{1,3}[ -])?[A-Za-z0-9]{6,14}(?![\w/-]|[.,]\d)"
)
_NOT_PERSONAL = re.compile(r"\b(?:isbn|issn|doi|isin|arxiv)\b[\s:.-]*$")


def _travel_documents(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _STRONG_DOCUMENT.finditer(scan.text):
        start, end = scan.span(*match.span())
        year_like = re.match(r"(?:19|20)\d\d", match.group(1))
        if not year_like or _near(text, start, end, _DOCUMENT_WORDS):
            yield match.span()
    for match in _DOCUMENT_AFTER_WORD.finditer(scan.text):
        value = match.group()
        digits = sum(ch.isdigit() for ch in value)
        # A document number holds five digits and more among letters, or seven digits alone.
        if digits < 5 or (digits == len(value) and digits < 7):
            continue
        start, end = scan.span(*match.span())
        if _near(text, start, end, _DOCUMENT_WORDS, before=35):
            yield match.span()


_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.,:=-])"
    r"(?:\(?(?:\+|00)\s?\d{1,4}\)?[ .-]?)?"
    r"(?:\(0\)\s?)?"
    r"\(?\d+\)?(?:(?:[ ./-]|\s?-\s?|(?<=\))\s?)\(?\d+\)?)*"
    r"(?![\w/%°]|[.,:]\d)"
)
_PHONE_GROUPS = re.compile(r"\d+")
_COUNTRY_CODES = ("212", "213", "216", "961", "962", "970", "972", "20")
# The partner countries, for ``phonenumbers``: Jordan, Morocco, Tunisia, Lebanon, Algeria,
# Egypt, Palestine.
_REGIONS = ("JO", "MA", "TN", "LB", "DZ", "EG", "PS")
_MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


@lru_cache(maxsize=4096)
def _local_mobile(digits: str) -> bool:
    """Whether ``digits``, written without the trunk 0, is a valid mobile number of a partner
    country (``phonenumbers``' metadata: length and leading digits per operator)."""
    for region in _REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and (
            phonenumbers.number_type(number) in _MOBILE_TYPES
        ):
            return True
    return False


def _grouped_like_a_phone(raw: str) -> bool:
    """Two separators or more and no group of zeros (25 000 000 is a count, not a line)."""
    groups = re.findall(r"\d+", raw)
    return len(groups) >= 3 and not any(set(group) == {"0"} for group in groups[1:])


def _phone_number(digits: str, raw: str, *, international: bool, context: bool) -> bool:
    """Whether a run of digits (and the text it came from) is a phone number."""
    if international:
        if raw.lstrip("( ").startswith("00"):
            digits = digits[2:]
        if digits.startswith("0"):
            return False  # no country code starts with 0
        for code in _COUNTRY_CODES:
            if digits.startswith(code):
                return 7 <= len(digits) - len(code) <= 11
        return 8 <= len(digits) <= 15 and (raw.lstrip("( ").startswith("+") or len(digits) >= 10)
    if _is_date(raw) or _is_year_range(raw):
        return False
    if digits.startswith("0") and not digits.startswith("00"):
        if 9 <= len(digits) <= 11:
            return True
        if len(digits) == 8 and re.fullmatch(r"\(?0\d\)?[ .-]\d{3}[ .-]?\d{3}", raw.strip()):
            return True  # Lebanon: 03 123 456, 01-234 567
    if context and 8 <= len(digits) <= 13 and not re.fullmatch(r"(?:19|20)\d{6}", digits):
        return True
    # A mobile number as written at home, without the trunk 0: 79 555 0142, 22.345.678.
    return 8 <= len(digits) <= 10 and _grouped_like_a_phone(raw) and _local_mobile(digits)


def _phones(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _PHONE_CANDIDATE.finditer(scan.text):
        raw = match.group()
        if sum(ch.isdigit() for ch in raw) < 7:
            continue
        start = scan.span(*match.span())[0]
        if _NOT_PERSONAL.search(normalise(text[max(0, start - 10) : start])):
            continue  # ISBN 0-19-852663-6 is a book, not a phone
        international = bool(re.match(r"\(?(?:\+|00)", raw))
        groups = list(_PHONE_GROUPS.finditer(raw))
        first = 0
        while first < len(groups):
            begin = 0 if first == 0 else groups[first].start()
            original_start = scan.span(match.start() + begin, match.start() + begin + 1)[0]
            original_end = scan.span(match.end() - 1, match.end())[1]
            # The cue may come before the number or after it ("… 079 555 0142 WhatsApp").
            context = _near(text, original_start, original_start, _PHONE_WORDS, before=30) or _near(
                text, original_end, original_end, _PHONE_WORDS, before=0, after=25
            )
            # The groups from this one on that hold at most 17 digits (a phone number has 15).
            last_candidate, count = first - 1, 0
            while last_candidate + 1 < len(groups):
                count += len(groups[last_candidate + 1].group())
                if count > 17:
                    break
                last_candidate += 1
            found: _Span | None = None
            # The longest run of groups, from this group on, that reads as a phone number.
            for last in range(last_candidate, first - 1, -1):
                digits = "".join(group.group() for group in groups[first : last + 1])
                if len(digits) < 7:
                    break
                sub = raw[begin : groups[last].end()]
                if first == 0 and last == len(groups) - 1:
                    sub = raw.rstrip()  # keep a closing parenthesis
                international_run = international and first == 0
                end = match.start() + groups[last].end()
                if not international_run and _is_amount(text, scan.span(end - 1, end)[1]):
                    continue  # 150 000 000 dinars is a budget
                if _phone_number(digits, sub, international=international_run, context=context):
                    found = (match.start() + begin, end)
                    break
            if found:
                yield found
                first = last + 1
            else:
                first += 1


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*"
    r"(?:@|\s?[\[(\{]\s?(?:at|@|arobase)\s?[\])\}]\s?)"
    r"(?P<domain>[A-Za-z0-9-]+(?:(?:\.|\s?[\[(\{]\s?(?:dot|point|\.)\s?[\])\}]\s?)[A-Za-z0-9-]+)+)"
)


def _emails(scan: _Folded, allowed_domains: tuple[str, ...]) -> Iterator[_Span]:
    for match in _EMAIL.finditer(scan.text):
        domain = re.sub(r"\s?[\[(\{]\s?(?:dot|point|\.)\s?[\])\}]\s?", ".", match.group("domain"))
        domain = domain.lower().rstrip(".")
        if "." not in domain or not re.search(r"\.[a-z]{2,}$", domain):
            continue
        if any(domain == allowed or domain.endswith("." + allowed) for allowed in allowed_domains):
            continue
        yield match.span()


# ISO 13616 lengths of the countries most likely to appear; others need 15 to 34 characters.
_IBAN_LENGTHS = {
    "JO": 30, "EG": 29, "LB": 28, "PS": 29, "TN": 24, "MA": 28, "DZ": 26, "LY": 25, "IQ": 23,
    "SA": 24, "AE": 23, "QA": 29, "KW": 30, "BH": 22, "OM": 23, "MR": 27, "SD": 18, "TR": 26,
    "FR": 27, "BE": 16, "DE": 22, "ES": 24, "IT": 27, "NL": 18, "GB": 22, "CH": 21, "LU": 20,
    "PT": 25, "AT": 20, "IE": 22, "GR": 27, "SE": 24, "DK": 18, "NO": 15, "FI": 18, "PL": 28,
}  # fmt: skip
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})(?=[ -]?[A-Za-z0-9])")
_IBAN_WORD = _context(r"\biban\b", "ايبان")
_IBAN_CHARACTER = re.compile(r"[A-Za-z0-9]")


def _iban_checksum_ok(iban: str) -> bool:
    """ISO 13616: the country's length and account format from the IBAN registry, and the
    mod-97 check digits (``python-stdnum``). A bank's own check inside the account number is
    not required: a number that fails it is still someone's account, mistyped."""
    try:
        stdnum_iban.validate(iban, check_country=False)
    except stdnum_exceptions.InvalidComponent:
        # Not in the registry (Morocco's and Algeria's IBANs are used but not registered):
        # the check digits alone, with the lengths above.
        return _mod97(iban)
    except stdnum_exceptions.ValidationError:
        return False
    return True


def _mod97(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _ibans(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _IBAN_START.finditer(scan.text):
        country = match.group(1).upper()
        # Collect up to 34 characters, allowing one space or dash between groups.
        positions: list[int] = []
        index = match.start()
        while index < len(scan.text) and len(positions) < 34:
            ch = scan.text[index]
            if _IBAN_CHARACTER.match(ch):
                positions.append(index)
                index += 1
            elif ch in " -" and index + 1 < len(scan.text) and scan.text[index + 1].isalnum():
                index += 1
            else:
                break
        chars = "".join(scan.text[position] for position in positions).upper()
        lengths = [_IBAN_LENGTHS[country]] if country in _IBAN_LENGTHS else range(34, 14, -1)
        after_word = _near(
            text, *scan.span(*match.span()), _context(r"\biban\b", "ايبان"), before=15
        )
        for length in lengths:
            if len(chars) < length:
                continue
            end = positions[length - 1] + 1
            if end < len(scan.text) and scan.text[end].isalnum():
                continue  # the cut falls inside a word
            candidate = chars[:length]
            if not candidate[4:].isalnum() or not any(ch.isdigit() for ch in candidate[4:]):
                continue
            if _iban_checksum_ok(candidate) or after_word:
                yield match.start(), end
                break
        else:
            if after_word and len(chars) >= 15:
                yield match.start(), positions[-1] + 1


_LONG_ACCOUNT = re.compile(r"(?<![\w/.,-])\d+(?:[ -]\d+)*(?![\w/]|[.,]\d)")


def _bank_accounts(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _LONG_ACCOUNT.finditer(scan.text):
        digits = re.sub(r"\D", "", match.group())
        if 10 <= len(digits) <= 30 and not _is_date(match.group()):
            if _is_amount(text, scan.span(*match.span())[1]):
                continue
            start, end = scan.span(*match.span())
            if _near(text, start, end, _BANK_WORDS, before=40):
                yield match.span()


_CONTROL_NUMBER = re.compile(r"(?<![\w/-])[A-Z]-\d{1,6}/\d{1,2}-(?:19|20)\d{2}(?![\w/-])")
_REFERENCE = re.compile(r"(?<![\w/.-])[A-Za-z0-9]+(?:\s?[/-]\s?[A-Za-z0-9]+)+(?![\w/-]|[.,]\d)")
_BARE_NUMBER = re.compile(r"(?<![\w/.,-])\d{4,}(?![\w/-]|[.,]\d)")
_NUMBER_SIGN = re.compile(r"(?:\bn ?[°o]\.?|\bno\.|#|\bnumber|\bnumero|رقم)\s?:?\s?$")


def _case_context(text: str, start: int) -> bool:
    window = normalise(text[max(0, start - 40) : start])
    return bool(_INTERPOL_WORDS.search(window)) and not _NOT_A_CASE.search(window)


def _interpol_references(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _CONTROL_NUMBER.finditer(scan.text):
        yield match.span()
    for match in _REFERENCE.finditer(scan.text):
        raw = match.group()
        parts = [part for part in re.split(r"\s?[/-]\s?", raw) if part]
        numeric_parts = [part for part in parts if any(ch.isdigit() for ch in part)]
        if len(numeric_parts) < 2 or sum(ch.isdigit() for ch in raw) < 5:
            continue
        if _is_date(raw) or _is_year_range(raw):
            continue
        if sum(1 for part in parts if part.isalpha()) >= 2:
            continue  # an internal file label: 2024-JOR-TRN-015, TRN/2025/EG/07
        if _case_context(text, scan.span(*match.span())[0]):
            yield match.span()
    for match in _BARE_NUMBER.finditer(scan.text):
        if re.fullmatch(r"(?:19|20)\d\d", match.group()):
            continue
        start = scan.span(*match.span())[0]
        before = normalise(text[max(0, start - 12) : start])
        if _NUMBER_SIGN.search(before) and _case_context(text, start):
            yield match.span()


_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![\w]|\.\d)"
)
_IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")


_NUMBERED_PART_WORDS = _context(
    r"\b(?:v|version|release|build|update|mise a jour)\b",
    r"\b(?:section|sections|article|articles|art|paragraph|paragraphe|para|clause|alinea)\b",
    r"\b(?:annex|annexe|appendix|chapter|chapitre|point|item|rule|regle|standard|norme)\b",
    "الاصدار",
    "اصدار",
    "النسخه",
    "نسخه",
    "البند",
    "بند",
    "الماده",
    "ماده",
    "الفقره",
    "فقره",
    "الملحق",
    "ملحق",
    "الفصل",
)


def _ip_addresses(text: str, scan: _Folded) -> Iterator[_Span]:
    for match in _IPV4.finditer(scan.text):
        octets = match.group().split(".")
        start, end = scan.span(*match.span())
        network = _near(text, start, end, _NETWORK_WORDS, before=30)
        if all(len(octet) == 1 for octet in octets) and not network:
            continue  # section numbers such as 1.2.3.4
        if not network and _near(text, start, end, _NUMBERED_PART_WORDS, before=25):
            continue  # version 10.2.15.3, article 2.3.14.1
        yield match.span()
    for match in _IPV6.finditer(scan.text):
        value = match.group()
        if "::" not in value and value.count(":") < 7:
            continue
        if sum(ch.isalnum() for ch in value) < 4:
            continue
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        yield match.span()


_LAT = r"[-+]?\d{1,2}"
_LON = r"[-+]?\d{1,3}"
_NORTH_SOUTH = r"[NS](?![A-Za-z])|(?:شمال|جنوب)[\u0621-\u065f]*|(?:nord|sud|north|south)\b"
_EAST_WEST = r"[EWO](?![A-Za-z])|(?:شرق|غرب)[\u0621-\u065f]*|(?:est|ouest|east|west)\b"
_DECIMAL_PAIR = re.compile(
    rf"(?<![\w.,])(?P<lat>{_LAT}[.,]\d{{2,8}})\s?°?\s?(?P<ns>{_NORTH_SOUTH})?"
    r"\s?(?:[,;/،]|(?i:\b(?:lon|long|lng|longitude))\s?[:=]?|و)?\s?"
    rf"(?P<lon>{_LON}[.,]\d{{2,8}})\s?°?\s?(?P<ew>{_EAST_WEST})?(?!\d|\.\d)"
)
_DMS = re.compile(
    r"(?<![\w.])\d{1,3}\s?°\s?\d{1,2}(?:[.,]\d+)?\s?'"
    r"(?:\s?\d{1,2}(?:[.,]\d+)?\s?(?:\"|''))?\s?"
    rf"(?P<hemisphere>{_NORTH_SOUTH}|{_EAST_WEST})?",
    re.IGNORECASE,
)


_LATITUDE_WORD = r"(?:\blat(?:itude)?\b\.?|خط العرض|العرض)"
_LONGITUDE_WORD = r"(?:\blon(?:g|gitude)?\b\.?|\blng\b|خط الطول|الطول)"
_LABELLED_PAIR = re.compile(
    rf"{_LATITUDE_WORD}\s?[:=]?\s?(?P<lat>{_LAT}[.,]\d{{1,8}})\s?°?\s?(?:{_NORTH_SOUTH})?"
    rf".{{0,12}}?{_LONGITUDE_WORD}\s?[:=]?\s?(?P<lon>{_LON}[.,]\d{{1,8}})(?!\d)",
    re.IGNORECASE,
)


def _labelled_pairs(scan: _Folded) -> Iterator[_Span]:
    """``lat 33.8938 / long 35.5018``, ``Latitude : 31,9539 - Longitude : 35,9106``, ``خط العرض
    31,95 وخط الطول 35,91``: a latitude and a longitude each after its own word."""
    for match in _LABELLED_PAIR.finditer(scan.text):
        lat = float(match.group("lat").replace(",", "."))
        lon = float(match.group("lon").replace(",", "."))
        if abs(lat) <= 90 and abs(lon) <= 180:
            yield match.span()


def _coordinates(text: str, scan: _Folded) -> Iterator[_Span]:
    yield from _labelled_pairs(scan)
    for match in _DECIMAL_PAIR.finditer(scan.text):
        lat_raw, lon_raw = match.group("lat"), match.group("lon")
        # A comma inside both numbers and none between them is "12,5 13,75" (French decimals).
        lat = float(lat_raw.replace(",", "."))
        lon = float(lon_raw.replace(",", "."))
        if abs(lat) > 90 or abs(lon) > 180:
            continue
        decimals = min(len(re.split(r"[.,]", lat_raw)[1]), len(re.split(r"[.,]", lon_raw)[1]))
        between = scan.text[match.end("lat") : match.start("lon")]
        if "," in lat_raw and not any(sep in between for sep in ",;/،"):
            continue  # "31,95 35,91" reads as two French decimals only with a separator
        marked = "°" in match.group() or match.group("ns") or match.group("ew")
        start, end = scan.span(*match.span())
        if decimals >= 4 or marked or _near(text, start, end, _LOCATION_WORDS, before=20):
            yield match.span()
    for match in _DMS.finditer(scan.text):
        if match.group("hemisphere"):
            yield match.span()
        else:
            following = _DMS.match(scan.text, match.end() + 1) or _DMS.match(
                scan.text, match.end() + 2
            )
            if following:
                yield match.span()


# --- watched words ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


_ARABIC_ATTACHED = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ف", "ل", "ك")


# Pronouns written at the end of an Arabic word (folded): مداهمتهم is "their raid".
_ARABIC_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")


def _without_pronoun(word: str) -> set[str]:
    forms: set[str] = set()
    for pronoun in _ARABIC_PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= 3:
            base = word[: -len(pronoun)]
            forms.add(base)
            if base.endswith("ت"):
                forms.add(base[:-1] + "ه")  # ta marbuta is written ت before a pronoun
    return forms


@lru_cache(maxsize=16384)
def _written_forms(word: str) -> frozenset[str]:
    """The forms under which a written (normalised) word may match a watched word.

    The word itself; without each attached Arabic prefix (و, ب, ف, ل, ك, ال and their
    combinations), keeping at least three letters; each of those without an attached
    pronoun (مداهمتهم, بمداهمته → مداهمه); and a Latin word without its plural ending, so
    "raids" and "perquisitions" match, while "raider" never matches "raid".
    """
    forms = {word, strip_arabic_prefix(word)}
    for prefix in _ARABIC_ATTACHED:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.add(word[len(prefix) :])
    if word.isascii():
        if len(word) > 3:
            for ending in ("es", "s", "x"):
                if word.endswith(ending):
                    forms.add(word[: -len(ending)])
    else:
        for form in list(forms):
            forms |= _without_pronoun(form)
    return frozenset(forms)


def _watched_forms(word: str) -> frozenset[str]:
    return frozenset({word, strip_arabic_prefix(word)})


class _WordIndex:
    """Where each form of the written words occurs, built once for every watched term."""

    def __init__(self, words: list[_Word]) -> None:
        self.words = words
        self.forms = [_written_forms(word.text) for word in words]
        self.positions: dict[str, list[int]] = {}
        for index, word_forms in enumerate(self.forms):
            for form in word_forms:
                self.positions.setdefault(form, []).append(index)

    def spans(self, phrase: str) -> Iterator[tuple[int, int]]:
        """Where ``phrase`` occurs, as (start, end) in the original text."""
        term_words = [_watched_forms(word) for word in re.findall(r"\w+", normalise(phrase))]
        if not term_words:
            return
        size = len(term_words)
        starts = sorted({i for form in term_words[0] for i in self.positions.get(form, ())})
        for index in starts:
            if index + size <= len(self.words) and all(
                term_words[offset] & self.forms[index + offset] for offset in range(1, size)
            ):
                yield self.words[index].start, self.words[index + size - 1].end


def _watched_terms(
    words: list[_Word],
    watched_terms: Iterable[str],
    exceptions: Mapping[str, Iterable[str]] | None = None,
) -> Iterator[tuple[int, int]]:
    """The spans of the watched terms, except those inside one of the term's exception
    phrases ("target" counts, "target group" does not)."""
    index = _WordIndex(words)
    exceptions = exceptions or {}
    for term in watched_terms:
        benign = [span for phrase in exceptions.get(term, ()) for span in index.spans(phrase)]
        for start, end in index.spans(term):
            if not any(b_start <= start and end <= b_end for b_start, b_end in benign):
                yield start, end


# --- the check --------------------------------------------------------------------------------


def _mask(excerpt: str) -> str:
    """Hide the middle of an identifier: ``A12345678`` becomes ``A12•••78``."""
    excerpt = " ".join(excerpt.split())
    if len(excerpt) >= 8:
        return f"{excerpt[:3]}•••{excerpt[-2:]}"
    if len(excerpt) >= 3:
        return f"{excerpt[:1]}•••{excerpt[-1:]}"
    return "•••"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "Cf"):
        start += 1
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "Cf"):
        end -= 1
    return start, end


def _allowed_email_domains() -> tuple[str, ...]:
    from django.conf import settings

    if not settings.configured:
        return DEFAULT_ALLOWED_EMAIL_DOMAINS
    domains = getattr(settings, "HUB_GUARD_ALLOWED_EMAIL_DOMAINS", DEFAULT_ALLOWED_EMAIL_DOMAINS)
    return tuple(domain.lower().strip().lstrip("@") for domain in domains)


# Earlier kinds win when two findings overlap: an MRZ line holds a document number, an IBAN
# holds digits that look like a phone number, an e-mail address may hold digits.
_PRIORITY = (
    FindingKind.MRZ,
    FindingKind.IBAN,
    FindingKind.EMAIL,
    FindingKind.INTERPOL_REFERENCE,
    FindingKind.IP_ADDRESS,
    FindingKind.COORDINATES,
    FindingKind.TRAVEL_DOCUMENT,
    FindingKind.PHONE,
)


def check_text(
    text: str,
    *,
    watched_terms: Iterable[str] = (),
    watched_exceptions: Mapping[str, Iterable[str]] | None = None,
    allowed_email_domains: Iterable[str] | None = None,
) -> GuardResult:
    """Check ``text`` before it is published; see the module's docstring for the rules.
    ``watched_exceptions`` maps a watched term to the phrases in which it does not count."""
    if not text or not text.strip():
        return GuardResult(Verdict.ALLOW, ())
    domains = (
        tuple(domain.lower() for domain in allowed_email_domains)
        if allowed_email_domains is not None
        else _allowed_email_domains()
    )
    scan = _fold(text, _scan_char)
    detectors: dict[FindingKind, Iterable[_Span]] = {
        FindingKind.MRZ: _mrz(scan.text),
        FindingKind.IBAN: [*_ibans(text, scan), *_bank_accounts(text, scan)],
        FindingKind.EMAIL: _emails(scan, domains),
        FindingKind.INTERPOL_REFERENCE: _interpol_references(text, scan),
        FindingKind.IP_ADDRESS: _ip_addresses(text, scan),
        FindingKind.COORDINATES: _coordinates(text, scan),
        FindingKind.TRAVEL_DOCUMENT: _travel_documents(text, scan),
        FindingKind.PHONE: _phones(text, scan),
    }
    taken: list[tuple[int, int]] = []
    spans: list[tuple[FindingKind, int, int]] = []
    for kind in _PRIORITY:
        for scan_start, scan_end in detectors[kind]:
            start, end = _trimmed(text, *scan.span(scan_start, scan_end))
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            spans.append((kind, start, end))

    words_copy = _fold(text, _word_char)
    words = [
        _Word(match.group(), *words_copy.span(*match.span()))
        for match in re.finditer(r"\w+", words_copy.text)
    ]
    watched_spans: set[tuple[int, int]] = set()
    for start, end in _watched_terms(words, watched_terms, watched_exceptions):
        if (start, end) not in watched_spans:
            watched_spans.add((start, end))
            spans.append((FindingKind.WATCHED_TERM, start, end))

    findings = tuple(
        Finding(
            kind=kind,
            excerpt=text[start:end] if kind == FindingKind.WATCHED_TERM else _mask(text[start:end]),
            start=start,
            end=end,
            line=text.count("\n", 0, start) + 1,
        )
        for kind, start, end in sorted(spans, key=lambda item: (item[1], item[2]))
    )
    if any(finding.blocks for finding in findings):
        verdict = Verdict.BLOCK
    elif findings:
        verdict = Verdict.HOLD
    else:
        verdict = Verdict.ALLOW
    return GuardResult(verdict, findings)
