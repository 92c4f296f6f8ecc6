"""A file input speaks the page's language: its button and the "no file" line are the page's
words, not the browser's, and the native control keeps the field's own label."""

from __future__ import annotations

from django import forms
from django.utils import translation


class _Several(forms.ClearableFileInput):
    allow_multiple_selected = True


class _Upload(forms.Form):
    evidence = forms.FileField(label="Evidence", required=False)
    photos = forms.FileField(label="Photos", required=False, widget=_Several())


def _rendered(language: str) -> str:
    with translation.override(language):
        return str(_Upload().as_div())


def test_the_button_and_the_empty_line_are_in_arabic_on_an_arabic_page():
    html = _rendered("ar")

    assert "اختر ملفًا" in html
    assert "لم يُختر أي ملف" in html
    assert "Choose" not in html


def test_the_button_and_the_empty_line_are_in_french_on_a_french_page():
    html = _rendered("fr")

    assert "Choisir un fichier" in html
    assert "Aucun fichier choisi" in html


def test_the_native_control_keeps_its_label_and_its_name():
    html = _rendered("en")

    assert '<label for="id_evidence">Evidence' in html
    assert 'type="file" name="evidence"' in html
    assert 'id="id_evidence"' in html
    # the visible words are for the eye only: the control itself is what is announced
    assert 'class="file-input__button" aria-hidden="true">Choose a file' in html


def test_a_field_for_several_files_says_so():
    html = _rendered("en")

    assert "Choose files" in html
    assert "No files chosen" in html
