"""The automatic ranking, measured on the labelled evaluation set, per nationality group."""

from __future__ import annotations

from momentum.screening.matching import phonetic_key, score
from momentum.screening.tests.evaluation import evaluation_pairs, precision_recall

MIN_PRECISION = 0.97
MIN_RECALL = 0.95


def test_ranking_meets_the_minimum_precision_and_recall_in_each_nationality_group() -> None:
    pairs = evaluation_pairs()
    for group in ("region", "other"):
        precision, recall = precision_recall([p for p in pairs if p.group == group])
        assert precision >= MIN_PRECISION, (group, precision)
        assert recall >= MIN_RECALL, (group, recall)
    precision, recall = precision_recall(pairs)
    assert (precision, recall) >= (MIN_PRECISION, MIN_RECALL)


def test_relatives_sharing_both_names_are_never_flagged() -> None:
    relatives = [p for p in evaluation_pairs() if p.kind == "relative"]
    assert relatives
    assert not any(p.predicted for p in relatives)


def test_spellings_of_the_region_share_a_phonetic_key() -> None:
    for first, second in [
        ("Mohamed", "Muhammad"),
        ("Youcef", "Yusuf"),
        ("Houcine", "Hussein"),
        ("Abdelkader", "Abd al-Qadir"),
        ("Zineb", "Zaynab"),
        ("محمد", "MHAMED"),
    ]:
        assert phonetic_key(first) == phonetic_key(second), (first, second)


def test_a_name_alone_never_makes_a_possible_hit() -> None:
    result = score(
        surname="BENALI",
        given_names="YOUCEF",
        birth_date=None,
        nationality="DZA",
        sex="M",
        record_names=["YOUSSEF BEN ALI"],
        record_birth_date=None,
        record_birth_year=None,
        record_nationality="DZA",
        record_sex="M",
    )
    assert result.total >= 0.6
    assert result.is_name_only
    assert not result.is_possible_hit


def test_each_contribution_is_shown_and_adds_up_to_the_total() -> None:
    from datetime import date

    result = score(
        surname="BENALI",
        given_names="YOUCEF",
        birth_date=date(1980, 3, 4),
        nationality="DZA",
        sex="M",
        record_names=["YUSUF BIN ALI", "يوسف بن علي"],
        record_birth_date=date(1980, 4, 3),
        record_birth_year=None,
        record_nationality="DZA",
        record_sex="M",
    )
    features = [part.feature for part in result.contributions]
    assert features == ["name_text", "name_phonetic", "birth_date", "nationality", "sex"]
    assert abs(sum(part.points for part in result.contributions) - result.total) < 0.01
    assert result.is_possible_hit
