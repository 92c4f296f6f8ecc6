"""The question bank of a course: staff see every question with its answers, paginated."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.training.tests.factories import CourseFactory, make_question

pytestmark = pytest.mark.django_db


def url(course) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/courses/{course.pk}/questions/"


def test_staff_see_the_questions_with_their_correct_answers(client_for, staff):
    course = CourseFactory()
    make_question(course, "single", answers=3, correct=(1,))
    make_question(course, "true_false", correct=(1,), is_active=False)
    make_question(CourseFactory(), "single")  # another course's

    content = client_for(staff).get(url(course)).content.decode()

    assert content.count('<li class="card">') == 2
    assert "Answer 1" in content and "Single choice" in content and "True or false" in content
    assert content.count('status--ok">correct') == 2
    assert "not in use" in content
    assert f'href="/en/training/courses/{course.pk}/questions/new/"' in content


def test_in_arabic_the_questions_read_in_arabic(client_for, staff):
    course = CourseFactory()
    make_question(course, "single")

    content = client_for(staff).get(f"/ar/training/courses/{course.pk}/questions/").content.decode()

    assert "السؤال 1" in content and "الجواب 0" in content


def test_the_list_costs_the_same_queries_for_few_or_many_questions(client_for, staff):
    course = CourseFactory()
    client = client_for(staff)
    for _ in range(3):
        make_question(course, "single")
    with CaptureQueriesContext(connection) as few:
        client.get(url(course))
    for _ in range(30):
        make_question(course, "multiple", answers=5, correct=(0, 1))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(course))

    # Django's session and user, the user's roles, the course, the count for the pages, a page
    # of questions, their answers.
    assert len(many) == len(few) == 7
    assert len(response.context["page"].object_list) == 25


@pytest.mark.parametrize("persona", ["officer", "focal_point", "trainer", "donor"])
def test_only_staff_see_the_question_bank(client_for, request, persona):
    course = CourseFactory()
    make_question(course)

    response = client_for(request.getfixturevalue(persona)).get(url(course))

    assert response.status_code == 403
