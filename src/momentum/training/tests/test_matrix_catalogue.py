"""Who may use the catalogue's routes (see tests/test_authorization_matrix.py).

The records: one course in the catalogue.
"""

from __future__ import annotations

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.tests.factories import CourseFactory

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:catalogue":            (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:course":               (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:course_new":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:course_edit":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "api:list_courses":              (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:get_course":                (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on

URLS = {
    "training:catalogue": lambda course: "/en/training/",
    "training:course": lambda course: f"/en/training/courses/{course}/",
    "training:course_new": lambda course: "/en/training/courses/new/",
    "training:course_edit": lambda course: f"/en/training/courses/{course}/edit/",
    "api:list_courses": lambda course: "/api/v1/courses",
    "api:get_course": lambda course: f"/api/v1/courses/{course}",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, name, persona):
    course = CourseFactory()

    response = request_as(client, request, persona, "get", URLS[name](course.pk))

    expected = MATRIX[name][PERSONAS.index(persona)]
    assert response.status_code == expected
    if name.startswith("api:") and expected >= 400:
        assert set(response.json()["error"]) >= {"code", "message"}
    elif expected == 302 and persona == "anonymous":
        assert "/accounts/login/" in response["Location"]
