"""ICAO Doc 9303 machine readable zones: parse, validate, correct OCR noise, generate.

Written for the simulator rather than taken from a library: the one package on the index that
covers every document type has not been released for years, and the simulator needs each
problem reported against the field it belongs to. Formats (Doc 9303, parts 4 to 7):

- TD3 (passports): 2 lines of 44; TD2 (cards): 2 lines of 36; TD1 (cards): 3 lines of 30;
- MRV-A and MRV-B (visas): 2 lines of 44 or 36, without a composite check digit.

``parse`` never raises on bad input: every problem is a ``FieldError`` naming its field, and an
optional OCR correction (``correct=True``) lists each change it made as a ``Correction``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FILLER = "<"
_VALID = re.compile(r"^[A-Z0-9<]*$")
_WEIGHTS = (7, 3, 1)
# What OCR confuses: a letter read in a digit's place, and back.
TO_DIGIT = {
    "O": "0",
    "Q": "0",
    "D": "0",
    "I": "1",
    "L": "1",
    "B": "8",
    "S": "5",
    "Z": "2",
    "G": "6",
}
TO_LETTER = {"0": "O", "1": "I", "8": "B", "5": "S", "2": "Z", "6": "G"}
# Folding used to find document numbers that differ only by these confusions.
_CANONICAL = str.maketrans(
    {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "B": "8", "S": "5", "Z": "2", "G": "6"}
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

TD1, TD2, TD3, MRVA, MRVB = "TD1", "TD2", "TD3", "MRVA", "MRVB"
KINDS = (TD1, TD2, TD3, MRVA, MRVB)

FIELD_LABELS: dict[str, str | Promise] = {
    "layout": _("Layout"),
    "document_code": _("Document code"),
    "issuing_state": _("Issuing state"),
    "name": _("Name"),
    "document_number": _("Document number"),
    "document_number_check": _("Document number check digit"),
    "nationality": _("Nationality"),
    "birth_date": _("Date of birth"),
    "birth_date_check": _("Date of birth check digit"),
    "sex": _("Sex"),
    "expiry_date": _("Date of expiry"),
    "expiry_date_check": _("Date of expiry check digit"),
    "optional_data": _("Optional data"),
    "optional_data_check": _("Optional data check digit"),
    "optional_data_2": _("Optional data (second line)"),
    "composite_check": _("Composite check digit"),
}


def canonical_number(number: str) -> str:
    """A document number with OCR-confusable characters folded, for near-match look-ups."""
    return number.upper().translate(_CANONICAL)


def check_digit(data: str) -> str:
    total = 0
    for index, char in enumerate(data):
        if char.isdigit():
            value = int(char)
        elif "A" <= char <= "Z":
            value = ord(char) - 55
        else:
            value = 0
        total += value * _WEIGHTS[index % 3]
    return str(total % 10)


@dataclass(frozen=True)
class Span:
    name: str
    line: int
    start: int
    end: int  # exclusive
    kind: str  # "alpha", "numeric", "alnum", "check", "name", "sex", "code"


def _spans(kind: str) -> list[Span]:
    if kind == TD1:
        return [
            Span("document_code", 0, 0, 2, "code"),
            Span("issuing_state", 0, 2, 5, "alpha"),
            Span("document_number", 0, 5, 14, "alnum"),
            Span("document_number_check", 0, 14, 15, "check"),
            Span("optional_data", 0, 15, 30, "alnum"),
            Span("birth_date", 1, 0, 6, "numeric"),
            Span("birth_date_check", 1, 6, 7, "check"),
            Span("sex", 1, 7, 8, "sex"),
            Span("expiry_date", 1, 8, 14, "numeric"),
            Span("expiry_date_check", 1, 14, 15, "check"),
            Span("nationality", 1, 15, 18, "alpha"),
            Span("optional_data_2", 1, 18, 29, "alnum"),
            Span("composite_check", 1, 29, 30, "check"),
            Span("name", 2, 0, 30, "name"),
        ]
    width = 44 if kind in (TD3, MRVA) else 36
    spans = [
        Span("document_code", 0, 0, 2, "code"),
        Span("issuing_state", 0, 2, 5, "alpha"),
        Span("name", 0, 5, width, "name"),
        Span("document_number", 1, 0, 9, "alnum"),
        Span("document_number_check", 1, 9, 10, "check"),
        Span("nationality", 1, 10, 13, "alpha"),
        Span("birth_date", 1, 13, 19, "numeric"),
        Span("birth_date_check", 1, 19, 20, "check"),
        Span("sex", 1, 20, 21, "sex"),
        Span("expiry_date", 1, 21, 27, "numeric"),
        Span("expiry_date_check", 1, 27, 28, "check"),
    ]
    if kind == TD3:
        spans += [
            Span("optional_data", 1, 28, 42, "alnum"),
            Span("optional_data_check", 1, 42, 43, "check"),
            Span("composite_check", 1, 43, 44, "check"),
        ]
    elif kind == TD2:
        spans += [
            Span("optional_data", 1, 28, 35, "alnum"),
            Span("composite_check", 1, 35, 36, "check"),
        ]
    else:
        spans.append(Span("optional_data", 1, 28, width, "alnum"))
    return spans


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str | Promise

    @property
    def label(self) -> str | Promise:
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class Correction:
    field: str
    line: int
    position: int
    before: str
    after: str
    reason: str | Promise

    @property
    def label(self) -> str | Promise:
        return FIELD_LABELS.get(self.field, self.field)


@dataclass
class ParsedMRZ:
    kind: str = ""
    lines: list[str] = field(default_factory=list)
    document_code: str = ""
    issuing_state: str = ""
    surname: str = ""
    given_names: str = ""
    document_number: str = ""
    nationality: str = ""
    birth_date: date | None = None
    sex: str = ""
    expiry_date: date | None = None
    optional_data: str = ""
    errors: list[FieldError] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_expired(self) -> bool:
        return self.expiry_date is not None and self.expiry_date < timezone.localdate()

    def errors_for(self, name: str) -> list[FieldError]:
        return [error for error in self.errors if error.field == name]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _kind_for(lines: list[str]) -> str | None:
    widths = [len(line) for line in lines]
    if widths == [30, 30, 30]:
        return TD1
    if widths == [44, 44]:
        return MRVA if lines[0].startswith("V") else TD3
    if widths == [36, 36]:
        return MRVB if lines[0].startswith("V") else TD2
    return None


def _split(text: str, errors: list[FieldError], corrections: list[Correction]) -> list[str]:
    raw = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in raw if line]
    if len(lines) == 1:
        joined = re.sub(r"\s+", "", lines[0])
        for width, count in ((44, 2), (36, 2), (30, 3)):
            if len(joined) == width * count:
                corrections.append(
                    Correction(
                        "layout",
                        0,
                        0,
                        "",
                        "",
                        _(
                            "The lines were pasted as one; they were split into %(count)d lines of "
                            "%(width)d characters."
                        )
                        % {"count": count, "width": width},
                    )
                )
                return [joined[i : i + width] for i in range(0, width * count, width)]
    # Spaces inside a line are never part of an MRZ: a scanner or a paste added them.
    cleaned = []
    for number, line in enumerate(lines):
        if " " in line or "\t" in line:
            corrections.append(
                Correction(
                    "layout",
                    number,
                    0,
                    "",
                    "",
                    _("Spaces inside line %(line)d were removed.") % {"line": number + 1},
                )
            )
            line = re.sub(r"\s+", "", line)
        cleaned.append(line)
    return cleaned


def _fold_characters(
    lines: list[str],
    kind: str,
    correct: bool,
    errors: list[FieldError],
    corrections: list[Correction],
) -> list[str]:
    """Upper-case letters and Western digits for Arabic-Indic ones: corrected or reported."""
    spans = _spans(kind)
    folded = []
    for number, line in enumerate(lines):
        chars = list(line)
        for position, char in enumerate(chars):
            if _VALID.match(char):
                continue
            span = next(
                (s for s in spans if s.line == number and s.start <= position < s.end), None
            )
            name = span.name if span else "layout"
            replacement = char.translate(_ARABIC_DIGITS)
            if replacement == char:
                replacement = unicodedata.normalize("NFKD", char)[:1].upper()
            if not _VALID.match(replacement) or not replacement:
                replacement = FILLER
            if char.islower():
                reason = _("Lower-case letter %(char)s written in upper case.") % {"char": char}
            elif replacement.isdigit():
                reason = _("Arabic-Indic digit %(char)s written as %(digit)s.") % {
                    "char": char,
                    "digit": replacement,
                }
            else:
                reason = _("Invalid character %(char)s replaced by a filler.") % {"char": char}
            if correct:
                corrections.append(Correction(name, number, position, char, replacement, reason))
            else:
                errors.append(
                    FieldError(
                        name,
                        _(
                            "Line %(line)d, position %(position)d: %(reason)s "
                            "Only A–Z, 0–9 and < are allowed."
                        )
                        % {"line": number + 1, "position": position + 1, "reason": reason},
                    )
                )
            chars[position] = replacement
        folded.append("".join(chars))
    return folded


def _ocr_fix(lines: list[str], kind: str, corrections: list[Correction]) -> list[str]:
    """Swap confusable characters that cannot be right where they stand (a letter in a date)."""
    rows = [list(line) for line in lines]
    for span in _spans(kind):
        for position in range(span.start, span.end):
            char = rows[span.line][position]
            if span.kind in ("numeric", "check") and char in TO_DIGIT:
                after = TO_DIGIT[char]
            elif span.kind in ("alpha", "name") and char in TO_LETTER:
                after = TO_LETTER[char]
            else:
                continue
            rows[span.line][position] = after
            corrections.append(
                Correction(
                    span.name,
                    span.line,
                    position,
                    char,
                    after,
                    _("%(before)s read as %(after)s: only %(expected)s can stand here.")
                    % {
                        "before": char,
                        "after": after,
                        "expected": _("digits") if after.isdigit() else _("letters"),
                    },
                )
            )
    return ["".join(row) for row in rows]


def _date(value: str, *, past: bool) -> date | None:
    if not re.fullmatch(r"\d{6}", value):
        return None
    year, month, day = int(value[:2]), int(value[2:4]), int(value[4:6])
    today = timezone.localdate()
    century = 2000 if (year <= today.year % 100 or not past) else 1900
    if not past and 2000 + year > today.year + 50:
        century = 1900
    try:
        return date(century + year, month, day)
    except ValueError:
        return None


def parse(text: str, *, correct: bool = False) -> ParsedMRZ:
    """Read an MRZ; report every problem by field; with ``correct``, fix OCR noise and list it."""
    errors: list[FieldError] = []
    corrections: list[Correction] = []
    lines = _split(text or "", errors, corrections)
    result = ParsedMRZ(errors=errors, corrections=corrections)
    kind = _kind_for(lines)
    if kind is None:
        widths = ", ".join(str(len(line)) for line in lines) or "0"
        errors.append(
            FieldError(
                "layout",
                _(
                    "An MRZ has 2 lines of 44 (passport, visa A), 2 lines of 36 (card TD2, visa B) "
                    "or 3 lines of 30 characters (card TD1); this text has %(count)d line(s) of "
                    "%(widths)s."
                )
                % {"count": len(lines), "widths": widths},
            )
        )
        result.lines = lines
        return result
    result.kind = kind
    lines = _fold_characters(lines, kind, correct, errors, corrections)
    if correct:
        lines = _ocr_fix(lines, kind, corrections)
    spans = {span.name: span for span in _spans(kind)}

    def value(name: str) -> str:
        span = spans[name]
        return lines[span.line][span.start : span.end]

    result.document_code = value("document_code").rstrip(FILLER)
    code = value("document_code")
    expected_first = {TD3: "P", MRVA: "V", MRVB: "V"}.get(kind, "IAC")
    if code[0] not in expected_first:
        errors.append(
            FieldError(
                "document_code",
                _("The document code %(code)s does not fit this layout.") % {"code": code},
            )
        )
    for name in ("issuing_state", "nationality"):
        state = value(name)
        if not re.fullmatch(r"[A-Z]{1,3}<{0,2}", state):
            errors.append(
                FieldError(
                    name, _("%(value)s is not a three-letter state code.") % {"value": state}
                )
            )
    result.issuing_state = value("issuing_state").rstrip(FILLER)
    result.nationality = value("nationality").rstrip(FILLER)

    name = value("name")
    if re.search(r"[0-9]", name):
        errors.append(FieldError("name", _("The name contains digits.")))
    primary, _sep, secondary = name.partition("<<")
    result.surname = primary.replace(FILLER, " ").strip()
    result.given_names = re.sub(" +", " ", secondary.replace(FILLER, " ")).strip()
    if not result.surname:
        errors.append(FieldError("name", _("The name has no primary identifier.")))

    number = value("document_number")
    number_check_data = number
    number_check = value("document_number_check")
    optional = value("optional_data")
    if kind == TD1 and number_check == FILLER:
        # A number longer than nine characters continues in the optional data, its check
        # digit last before the first filler (Doc 9303 part 5).
        tail = optional.split(FILLER, 1)[0]
        if tail:
            number_check_data = number + tail[:-1]
            number_check = tail[-1]
            optional = optional[len(tail) :]
    result.document_number = number_check_data.rstrip(FILLER)
    result.optional_data = optional.strip(FILLER)
    if not result.document_number:
        errors.append(FieldError("document_number", _("The document number is empty.")))
    result.sex = value("sex")
    if result.sex not in ("M", "F", "X", FILLER):
        errors.append(FieldError("sex", _("%(value)s is not M, F or <.") % {"value": result.sex}))

    result.birth_date = _date(value("birth_date"), past=True)
    result.expiry_date = _date(value("expiry_date"), past=False)
    for name_, parsed in (("birth_date", result.birth_date), ("expiry_date", result.expiry_date)):
        if parsed is None:
            errors.append(
                FieldError(name_, _("%(value)s is not a date (YYMMDD).") % {"value": value(name_)})
            )

    checks = [
        ("document_number_check", number_check_data, number_check),
        ("birth_date_check", value("birth_date"), value("birth_date_check")),
        ("expiry_date_check", value("expiry_date"), value("expiry_date_check")),
    ]
    if kind == TD3:
        data = value("optional_data")
        digit = value("optional_data_check")
        # An empty personal number may carry a filler instead of 0 as its check digit.
        if not (digit == FILLER and data.strip(FILLER) == ""):
            checks.append(("optional_data_check", data, digit))
    if kind == TD3:
        composite = lines[1][0:10] + lines[1][13:20] + lines[1][21:43]
        checks.append(("composite_check", composite, value("composite_check")))
    elif kind == TD2:
        composite = lines[1][0:10] + lines[1][13:20] + lines[1][21:35]
        checks.append(("composite_check", composite, value("composite_check")))
    elif kind == TD1:
        composite = lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29]
        checks.append(("composite_check", composite, value("composite_check")))

    if correct and kind in (TD1, TD2, TD3, MRVA, MRVB):
        lines, number_fixed = _repair_number(
            lines, spans["document_number"], number_check, corrections
        )
        if number_fixed:
            result.document_number = lines[spans["document_number"].line][
                spans["document_number"].start : spans["document_number"].end
            ].rstrip(FILLER)
            checks[0] = (
                "document_number_check",
                lines[spans["document_number"].line][
                    spans["document_number"].start : spans["document_number"].end
                ],
                number_check,
            )
            if kind == TD3:
                checks[-1] = (
                    "composite_check",
                    lines[1][0:10] + lines[1][13:20] + lines[1][21:43],
                    value("composite_check"),
                )
            elif kind == TD2:
                checks[-1] = (
                    "composite_check",
                    lines[1][0:10] + lines[1][13:20] + lines[1][21:35],
                    value("composite_check"),
                )

    for name_, data, digit in checks:
        if not digit.isdigit():
            errors.append(
                FieldError(name_, _("The check digit %(digit)s is not a digit.") % {"digit": digit})
            )
        elif check_digit(data) != digit:
            errors.append(
                FieldError(
                    name_,
                    _("The check digit is %(found)s; the data give %(expected)s.")
                    % {"found": digit, "expected": check_digit(data)},
                )
            )
    result.lines = lines
    return result


def _repair_number(
    lines: list[str], span: Span, digit: str, corrections: list[Correction]
) -> tuple[list[str], bool]:
    """If the document number fails its check digit and exactly one confusion fixes it, fix it."""
    number = lines[span.line][span.start : span.end]
    if not digit.isdigit() or check_digit(number) == digit:
        return lines, False
    # The pairs whose values differ by a multiple of ten (L/1, G/6) never change a check
    # digit, so they cannot be told apart: only the classic confusions are tried.
    swaps = {
        "O": "0",
        "0": "O",
        "I": "1",
        "1": "I",
        "B": "8",
        "8": "B",
        "S": "5",
        "5": "S",
        "Z": "2",
        "2": "Z",
    }
    fixes = []
    for position, char in enumerate(number):
        if char in swaps:
            candidate = number[:position] + swaps[char] + number[position + 1 :]
            if check_digit(candidate) == digit:
                fixes.append((position, char, swaps[char], candidate))
    if len(fixes) > 1:
        readings = ", ".join(candidate for _p, _b, _a, candidate in fixes)
        corrections.append(
            Correction(
                "document_number",
                span.line,
                span.start,
                "",
                "",
                _(
                    "Several readings satisfy the check digit (%(readings)s): "
                    "the number was left as read."
                )
                % {"readings": readings},
            )
        )
    if len(fixes) != 1:
        return lines, False
    position, before, after, candidate = fixes[0]
    corrections.append(
        Correction(
            "document_number",
            span.line,
            span.start + position,
            before,
            after,
            _("%(before)s read as %(after)s: the only confusion that satisfies the check digit.")
            % {"before": before, "after": after},
        )
    )
    row = lines[span.line]
    lines = list(lines)
    lines[span.line] = row[: span.start] + candidate + row[span.end :]
    return lines, True


def mrz_name(surname: str, given_names: str, width: int) -> str:
    """The name field: primary and secondary identifiers, Latin letters only, padded."""

    def clean(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.upper())
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = re.sub(r"[^A-Z]+", FILLER, text)
        return text.strip(FILLER)

    value = clean(surname)
    if given_names.strip():
        value += FILLER * 2 + clean(given_names)
    return value[:width].ljust(width, FILLER)


def _yymmdd(value: date | None) -> str:
    return value.strftime("%y%m%d") if value else FILLER * 6


def generate(
    kind: str,
    *,
    document_code: str,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
) -> list[str]:
    """The MRZ lines of a document (numbers of nine characters at most)."""
    number = document_number.upper()[:9].ljust(9, FILLER)
    code = document_code.upper()[:2].ljust(2, FILLER)
    state = issuing_state.upper()[:3].ljust(3, FILLER)
    nation = nationality.upper()[:3].ljust(3, FILLER)
    birth, expiry = _yymmdd(birth_date), _yymmdd(expiry_date)
    sex = sex if sex in ("M", "F") else FILLER
    if kind == TD1:
        line1 = code + state + number + check_digit(number) + optional_data[:15].ljust(15, FILLER)
        line2 = (
            birth + check_digit(birth) + sex + expiry + check_digit(expiry) + nation + FILLER * 11
        )
        line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
        return [line1, line2, mrz_name(surname, given_names, 30)]
    width = 44 if kind in (TD3, MRVA) else 36
    line1 = code + state + mrz_name(surname, given_names, width - 5)
    line2 = (
        number
        + check_digit(number)
        + nation
        + birth
        + check_digit(birth)
        + sex
        + expiry
        + check_digit(expiry)
    )
    if kind == TD3:
        personal = optional_data[:14].ljust(14, FILLER)
        personal_check = check_digit(personal) if personal.strip(FILLER) else FILLER
        line2 += personal + personal_check
        line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    elif kind == TD2:
        line2 += optional_data[:7].ljust(7, FILLER)
        line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:35])
    else:
        line2 = line2.ljust(width, FILLER)[:width]
    return [line1, line2]
