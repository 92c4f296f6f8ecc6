from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from momentum.exercise.models import Observation
from momentum.exercise.services import planning
from momentum.exercise.services.observations import record_observation
from momentum.exercise.services.report import draft_report, overall_rating
from momentum.exercise.tests.factories import an_exercise

pytestmark = pytest.mark.django_db


def _running_with_evaluator(staff: Any, evaluator: Any) -> Any:
    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=evaluator,
        role="evaluator",
        source="certified",
        site=s.amman,
        shift=s.shift,
        objectives=[s.screening],
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    return s


def test_an_observation_on_an_objective_not_assigned_to_the_evaluator_is_refused(
    staff: Any, officer: Any
) -> None:
    s = _running_with_evaluator(staff, officer)

    with pytest.raises(ValidationError) as refused:
        record_observation(
            objective=s.sharing,
            site=s.amman,
            evaluator=officer,
            rating="P",
            justification="Seen at desk 3.",
        )

    assert "O2 is not assigned to you" in " ".join(refused.value.messages)


def test_a_rating_without_justification_is_refused(staff: Any, officer: Any) -> None:
    s = _running_with_evaluator(staff, officer)

    with pytest.raises(ValidationError) as refused:
        record_observation(
            objective=s.screening, site=s.amman, evaluator=officer, rating="S", justification="  "
        )

    assert "Justify the rating" in " ".join(refused.value.messages)
    assert not Observation.objects.exists()


def test_a_photo_as_evidence_keeps_no_location_metadata(staff: Any, officer: Any) -> None:
    s = _running_with_evaluator(staff, officer)
    image = Image.new("RGB", (20, 20), "white")
    exif = Image.Exif()
    exif[0x8825] = {2: (31.0, 57.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert b"Exif" in buffer.getvalue()

    observation = record_observation(
        objective=s.screening,
        site=s.amman,
        evaluator=officer,
        rating="P",
        justification="All documents were checked.",
        evidence=SimpleUploadedFile("desk.jpg", buffer.getvalue(), "image/jpeg"),
    )

    with observation.evidence.open("rb") as stored:
        assert b"Exif" not in stored.read()


def test_the_report_draft_reflects_the_observations_exactly(staff: Any, officer: Any) -> None:
    from momentum.people.tests.factories import officer as make_officer

    s = _running_with_evaluator(staff, officer)
    second = make_officer(s.amman.country)
    planning.place_member(
        exercise=s.exercise,
        user=second,
        role="evaluator",
        source="certified",
        site=s.tangier,
        shift=s.shift,
        objectives=[s.screening, s.sharing],
        by=staff,
    )
    record_observation(
        objective=s.screening,
        site=s.amman,
        evaluator=officer,
        rating="S",
        justification="Two checks were late.",
        strengths="Every passport was read.",
        improvements="Queue management at peak hour.",
    )
    record_observation(
        objective=s.screening,
        site=s.tangier,
        evaluator=second,
        rating="M",
        justification="The MIND copy was out of date.",
        improvements="Update MIND daily.",
    )
    record_observation(
        objective=s.sharing,
        site=s.tangier,
        evaluator=second,
        rating="P",
        justification="Hit shared in 12 minutes.",
        strengths="Fast call to the NCB.",
    )

    report = draft_report(exercise=s.exercise, by=staff)

    findings = {f.objective.code: f for f in report.findings.select_related("objective")}
    assert findings["O1"].ratings == {"S": 1, "M": 1}
    assert findings["O1"].overall == "M"  # a tie leans to the worse rating
    assert findings["O1"].strengths == "Every passport was read. — Queen Alia Airport"
    assert findings["O1"].improvements == (
        "Queue management at peak hour. — Queen Alia Airport\nUpdate MIND daily. — Tanger Med port"
    )
    assert findings["O2"].ratings == {"P": 1}
    assert findings["O2"].overall == "P"
    assert findings["O2"].strengths == "Fast call to the NCB. — Tanger Med port"


def test_overall_rating_is_the_most_frequent() -> None:
    assert overall_rating({"P": 2, "U": 1}) == "P"
    assert overall_rating({}) == ""
