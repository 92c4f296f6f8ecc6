"""MRZ parsing against ICAO Doc 9303's published specimens, and bad or noisy input."""

from __future__ import annotations

from datetime import date

import pytest

from momentum.screening import mrz

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)
MRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
MRVB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"


@pytest.mark.parametrize(
    ("text", "kind", "number", "birth"),
    [
        (TD3, "TD3", "L898902C3", date(1974, 8, 12)),
        (TD2, "TD2", "D23145890", date(1974, 8, 12)),
        (TD1, "TD1", "D23145890", date(1974, 8, 12)),
        (MRVA, "MRVA", "L8988901C", date(1940, 9, 7)),
        (MRVB, "MRVB", "L8988901C", date(1940, 9, 7)),
    ],
)
def test_icao_specimens_parse_and_validate(text: str, kind: str, number: str, birth: date) -> None:
    parsed = mrz.parse(text)
    assert parsed.errors == []
    assert (parsed.kind, parsed.document_number, parsed.birth_date) == (kind, number, birth)
    assert (parsed.surname, parsed.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert parsed.sex == "F"


def test_td3_specimen_fields() -> None:
    parsed = mrz.parse(TD3)
    assert parsed.optional_data == "ZE184226B"
    assert parsed.expiry_date == date(2012, 4, 15)
    assert parsed.is_expired


def test_td1_long_document_number_continues_in_optional_data() -> None:
    lines = [
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<2",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ]
    parsed = mrz.parse("\n".join(lines))
    assert parsed.document_number == "D23145890734"
    assert not parsed.errors_for("document_number_check")


@pytest.mark.parametrize("kind", mrz.KINDS)
def test_generated_mrz_validates_and_round_trips(kind: str) -> None:
    lines = mrz.generate(
        kind,
        document_code="P" if kind == "TD3" else ("V" if kind.startswith("MRV") else "ID"),
        issuing_state="DZA",
        surname="Ben Ali",
        given_names="Youcef",
        document_number="AB1234567",
        nationality="DZA",
        birth_date=date(1985, 3, 7),
        sex="M",
        expiry_date=date(2031, 5, 1),
    )
    parsed = mrz.parse("\n".join(lines))
    assert parsed.errors == []
    assert (parsed.surname, parsed.given_names, parsed.document_number) == (
        "BEN ALI",
        "YOUCEF",
        "AB1234567",
    )


def test_each_failed_check_digit_is_reported_by_field() -> None:
    line2 = "L898902C37UTO7408121F1204158ZE184226B<<<<<10"
    parsed = mrz.parse(TD3.split("\n")[0] + "\n" + line2)
    fields = {error.field for error in parsed.errors}
    assert {
        "document_number_check",
        "birth_date_check",
        "expiry_date_check",
        "composite_check",
    } <= fields


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("P<UTOERIKSSON", "layout"),
        ("", "layout"),
        (TD3.replace("7408122", "7413322"), "birth_date"),
        (TD3.replace("F120", "Q120"), "sex"),
        (TD3.replace("ERIKSSON", "ERIKSS0N"), "name"),
    ],
)
def test_malformed_mrz_is_reported_by_field_never_raised(text: str, field: str) -> None:
    parsed = mrz.parse(text)
    assert field in {error.field for error in parsed.errors}


def test_lower_case_and_arabic_indic_digits_are_errors_unless_corrected() -> None:
    noisy = TD3.replace("ERIKSSON", "eriksson").replace("7408122", "٧٤٠٨١٢٢")
    parsed = mrz.parse(noisy)
    assert {"name", "birth_date"} <= {error.field for error in parsed.errors}
    corrected = mrz.parse(noisy, correct=True)
    assert corrected.errors == []
    assert corrected.surname == "ERIKSSON"
    assert len(corrected.corrections) == 8 + 7  # each changed character listed


def test_lines_pasted_as_one_are_split_and_the_change_listed() -> None:
    parsed = mrz.parse(TD3.replace("\n", ""))
    assert parsed.errors == []
    assert parsed.kind == "TD3"
    assert [c.field for c in parsed.corrections] == ["layout"]


def test_ocr_correction_lists_every_change() -> None:
    noisy = TD3.replace("7408122F", "74O8I22F")
    assert mrz.parse(noisy).errors_for("birth_date")
    corrected = mrz.parse(noisy, correct=True)
    assert corrected.errors == []
    assert [(c.before, c.after) for c in corrected.corrections] == [("O", "0"), ("I", "1")]


def test_ocr_confusion_in_document_number_is_fixed_only_when_the_check_digit_agrees() -> None:
    noisy = TD3.replace("L898902C3", "L8989O2C3")
    assert mrz.parse(noisy).errors_for("document_number_check")
    corrected = mrz.parse(noisy, correct=True)
    assert corrected.document_number == "L898902C3"
    assert corrected.errors == []
    assert [(c.field, c.before, c.after) for c in corrected.corrections] == [
        ("document_number", "O", "0")
    ]


def test_ambiguous_ocr_confusion_is_left_as_read_and_the_readings_listed() -> None:
    noisy = TD3.replace("L898902C3", "LB98902C3")  # B/8 here, or 8/B, or 2/Z: all fit
    corrected = mrz.parse(noisy, correct=True)
    assert corrected.document_number == "LB98902C3"
    assert corrected.errors_for("document_number_check")
    assert "L898902C3" in str(corrected.corrections[0].reason)


def test_forged_check_digit_is_not_corrected_away() -> None:
    forged = TD3.replace("7408122F", "7408125F")
    corrected = mrz.parse(forged, correct=True)
    assert corrected.errors_for("birth_date_check")


def test_canonical_number_folds_ocr_confusions() -> None:
    assert mrz.canonical_number("AB1O5S8") == mrz.canonical_number("A81055B")
