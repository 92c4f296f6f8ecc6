"""The watched words and phrases: staff keep the list the content guard holds posts for.

A phrase is stored as typed (spaces tidied); duplicates are found on the folded form
(``core.text.normalise``: case, accents, Arabic letter variants), the same folding the guard
matches with, so "Raid" and "raid", or "مداهمة" and "مداهمه", are one entry per language.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.text import normalise
from momentum.hub.models import WatchedTerm
from momentum.people.models import Language

PHRASE_MAX = 100
NOTE_MAX = 200
EXCEPTIONS_MAX = 20
# Shorter phrases would hold far too many posts ("ab" is part of nothing, but is a word).
PHRASE_MIN_LETTERS = 3


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _check_staff(by: Any) -> None:
    if not by.has_perm("hub.manage_watched_terms"):
        raise PermissionDenied(_("Only programme staff keep the list of watched words."))


def folded(phrase: str) -> str:
    """The form a phrase is compared in: its folded words, one space apart."""
    return " ".join(re.findall(r"\w+", normalise(phrase)))


def clean_phrase(phrase: str) -> str:
    """The phrase with its spaces tidied; refuses an empty or too short one."""
    phrase = " ".join((phrase or "").split())
    key = folded(phrase)
    if not key:
        raise _field_error("phrase", _("Write a word or phrase (letters or digits)."), "required")
    if len(key.replace(" ", "")) < PHRASE_MIN_LETTERS:
        raise _field_error(
            "phrase",
            _(
                "A watched word needs at least %(count)s letters: shorter ones would hold "
                "too many posts."
            )
            % {"count": PHRASE_MIN_LETTERS},
            "too_short",
        )
    if len(phrase) > PHRASE_MAX:
        raise _field_error(
            "phrase", _("At most %(count)s characters.") % {"count": PHRASE_MAX}, "too_long"
        )
    return phrase


def clean_exceptions(text: str) -> str:
    """The exception phrases, one a line, tidied and without repeats; refuses too many or
    too long ones."""
    phrases: list[str] = []
    for line in (text or "").splitlines():
        phrase = " ".join(line.split())
        if phrase and folded(phrase) not in {folded(other) for other in phrases}:
            phrases.append(phrase)
    if len(phrases) > EXCEPTIONS_MAX:
        raise _field_error(
            "exceptions",
            _("At most %(count)s phrases.") % {"count": EXCEPTIONS_MAX},
            "too_many",
        )
    if any(len(phrase) > PHRASE_MAX for phrase in phrases):
        raise _field_error(
            "exceptions",
            _("Each phrase has at most %(count)s characters.") % {"count": PHRASE_MAX},
            "too_long",
        )
    return "\n".join(phrases)


def _already(phrase: str) -> str:
    return _("“%(phrase)s” is already on the list for this language.") % {"phrase": phrase}


def _duplicate(phrase: str, language: str) -> WatchedTerm | None:
    key = folded(phrase)
    for term in WatchedTerm.objects.filter(language=language):
        if folded(term.phrase) == key:
            return term
    return None


@transaction.atomic
def add_watched_term(
    *, by: Any, phrase: str, language: str, note: str = "", exceptions: str = ""
) -> WatchedTerm:
    """Add a phrase to the list (active at once), with the phrases in which it does not count
    (one a line). Refuses a phrase already on the list for that language, written the same way
    or differently (case, accents, Arabic variants)."""
    _check_staff(by)
    phrase = clean_phrase(phrase)
    exceptions = clean_exceptions(exceptions)
    if language not in Language.values:
        raise _field_error("language", _("Choose a language."), "invalid")
    note = " ".join((note or "").split())[:NOTE_MAX]
    existing = _duplicate(phrase, language)
    if existing is not None:
        raise _field_error("phrase", _already(existing.phrase), "duplicate")
    try:
        with transaction.atomic():
            term = WatchedTerm.objects.create(
                phrase=phrase, language=language, note=note, exceptions=exceptions, created_by=by
            )
    except IntegrityError:
        raise _field_error("phrase", _already(phrase), "duplicate") from None
    audit.record(
        by,
        "hub.watched_term.added",
        term,
        phrase=phrase,
        language=language,
        note=note,
        exceptions=exceptions,
    )
    return term


@transaction.atomic
def set_watched_term_active(*, term: WatchedTerm, by: Any, active: bool) -> WatchedTerm:
    """Stop (or start again) holding posts for ``term``, keeping it on the list."""
    _check_staff(by)
    term = WatchedTerm.objects.select_for_update().get(pk=term.pk)
    if term.is_active == active:
        return term
    term.is_active = active
    term.save(update_fields=["is_active"])
    verb = "hub.watched_term.reactivated" if active else "hub.watched_term.deactivated"
    audit.record(by, verb, term, phrase=term.phrase, language=term.language)
    return term


@transaction.atomic
def delete_watched_term(*, term: WatchedTerm, by: Any) -> None:
    """Remove ``term`` from the list (the audit log keeps what it was)."""
    _check_staff(by)
    audit.record(
        by,
        "hub.watched_term.deleted",
        term,
        phrase=term.phrase,
        language=term.language,
        note=term.note,
    )
    term.delete()


@transaction.atomic
def set_watched_term_exceptions(*, term: WatchedTerm, by: Any, exceptions: str) -> WatchedTerm:
    """Replace the phrases in which ``term`` does not count (one a line)."""
    _check_staff(by)
    exceptions = clean_exceptions(exceptions)
    term = WatchedTerm.objects.select_for_update().get(pk=term.pk)
    if term.exceptions == exceptions:
        return term
    previous, term.exceptions = term.exceptions, exceptions
    term.save(update_fields=["exceptions"])
    audit.record(
        by,
        "hub.watched_term.exceptions_changed",
        term,
        phrase=term.phrase,
        before=previous,
        after=exceptions,
    )
    return term
