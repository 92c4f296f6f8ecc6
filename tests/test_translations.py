"""The Arabic and French catalogues are complete and in step with the source.

``makemessages`` is run on a copy of the source tree (it needs GNU gettext), so the working
tree is never touched; a msgid it would add means a string is shown in English.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

SOURCE = Path(settings.BASE_DIR)
LOCALE = SOURCE / "locale"
LANGUAGES = ["ar", "fr"]
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]")


def _catalogue(language: str, root: Path = LOCALE) -> polib.POFile:
    path = root / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    return polib.pofile(str(path))


def _msgids(catalogue: polib.POFile) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in catalogue if not entry.obsolete}


def _placeholders(text: str) -> set[str]:
    return {match.group(0) for match in _PLACEHOLDER.finditer(text.replace("%%", ""))}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, polib.POFile]]:
    """The catalogues as ``makemessages`` would leave them, made in a copy of the source."""
    missing = [tool for tool in ("xgettext", "msgmerge", "msguniq") if shutil.which(tool) is None]
    if missing:
        # A new developer's machine may lack gettext (running Momentum never needs it); CI
        # installs it, so there a missing tool fails the run instead of skipping the check.
        message = f"GNU gettext is needed to check the catalogues; missing: {missing}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("source") / "momentum"
    shutil.copytree(
        SOURCE,
        root,
        # Test-only strings are not shown to anyone; compiled and cached files are not source.
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "tests", "static"),
    )
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with override_settings(LOCALE_PATHS=[root / "locale"]):
            call_command("makemessages", locale=LANGUAGES, verbosity=0)
    finally:
        os.chdir(cwd)
    yield {language: _catalogue(language, root / "locale") for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_entry(language):
    untranslated = [entry.msgid for entry in _catalogue(language).untranslated_entries()]

    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_fuzzy_entry(language):
    fuzzy = [entry.msgid for entry in _catalogue(language).fuzzy_entries()]

    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_form_is_translated(language):
    catalogue = _catalogue(language)
    forms = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))

    incomplete = [
        entry.msgid
        for entry in catalogue
        if entry.msgid_plural
        and not entry.obsolete
        and (len(entry.msgstr_plural) != forms or not all(entry.msgstr_plural.values()))
    ]
    assert not incomplete, incomplete


def test_arabic_has_its_six_plural_forms():
    assert "nplurals=6" in _catalogue("ar").metadata["Plural-Forms"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(language):
    wrong = []
    for entry in _catalogue(language):
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            allowed = _placeholders(entry.msgid) | _placeholders(entry.msgid_plural)
            if any(not _placeholders(text) <= allowed for text in entry.msgstr_plural.values()):
                wrong.append(entry.msgid)
        elif entry.msgstr and _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            wrong.append(entry.msgid)
    assert not wrong, f"placeholders differ from the source in {language}: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_would_add_no_msgid(regenerated, language):
    added = sorted(_msgids(regenerated[language]) - _msgids(_catalogue(language)))

    assert not added, (
        f"{len(added)} strings of the source are missing from the {language} catalogue "
        f"(run makemessages and translate them): {[msgid for _ctx, msgid in added][:20]}"
    )
