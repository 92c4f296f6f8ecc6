"""The learning path: progress from training records, assigning, ordering and removing courses
(staff and the mentee's mentor), the pages and their query counts."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import ApplicationStatus, LearningPathItem
from momentum.mentoring.selectors.learning_path import progress_for, progress_for_many
from momentum.mentoring.services import learning_path as services
from momentum.mentoring.tests.factories import (
    female_officer_profile,
    mentee,
    pair_for,
    path_course,
    running_cohort,
)
from momentum.training.models import Delivery, NominationStatus, Track
from momentum.training.tests.factories import CourseFactory, NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_progress_comes_from_training_records(officer):
    application = pair_for(officer).mentee
    path_course(application, "not_started")
    path_course(application, "enrolled")
    path_course(application, "completed")
    path_course(application, "revoked")

    progress = progress_for(application)

    assert [entry.state for entry in progress.courses] == [
        "not_started",
        "enrolled",
        "completed",
        # A revoked certificate does not count; her selected nomination still does.
        "enrolled",
    ]
    assert (progress.assigned, progress.completed, progress.enrolled) == (4, 1, 2)
    assert not progress.is_complete


def test_a_nomination_not_selected_is_not_an_enrolment(officer):
    application = pair_for(officer).mentee
    item = path_course(application)
    NominationFactory(
        session=SessionFactory(course=item.course),
        officer=application.applicant,
        status=NominationStatus.NOMINATED,
    )

    assert progress_for(application).courses[0].state == "not_started"


def test_someone_elses_certificate_does_not_count(officer, jordan):
    application = pair_for(officer).mentee
    item = path_course(application)
    other = mentee(application.cohort, jordan)
    from momentum.training.tests.factories import CertificateFactory

    CertificateFactory(
        nomination=NominationFactory(
            session=SessionFactory(course=item.course), officer=other.applicant
        )
    )

    assert progress_for(application).completed == 0


def test_an_empty_path_is_not_complete(officer):
    application = pair_for(officer).mentee

    progress = progress_for(application)

    assert progress.assigned == 0 and not progress.is_complete


def test_a_path_with_every_course_completed_is_complete(officer):
    application = pair_for(officer).mentee
    path_course(application, "completed")
    path_course(application, "completed")

    assert progress_for(application).is_complete


@pytest.mark.parametrize("courses", [1, 6])
def test_progress_of_a_whole_cohort_takes_two_queries(django_assert_num_queries, courses):
    cohort = running_cohort(pairs=True)
    mentees = list(cohort.applications.all())
    for application in mentees:
        for index in range(courses):
            path_course(application, "completed" if index % 2 else "enrolled")

    # the path items with their courses; the nominations with their certificates
    with django_assert_num_queries(2):
        progress = progress_for_many(mentees)
    assert all(p.assigned == courses for p in progress.values())


def test_staff_assign_a_course_and_the_mentee_is_told(officer, staff):
    application = pair_for(officer).mentee
    course = CourseFactory(track=Track.LEADERSHIP, delivery=Delivery.ONLINE)

    item = services.assign_course(application=application, course=course, by=staff)

    assert item.order == 1 and item.assigned_by == staff
    notification = Notification.objects.get(recipient=officer)
    assert notification.kind == "mentoring.course_assigned"
    assert course.title_en in notification.message["en"]
    assert AuditEntry.objects.filter(verb="mentoring.course_assigned").count() == 1


def test_the_mentees_mentor_assigns_a_course(officer, mentor):
    application = pair_for(officer, mentor).mentee

    services.assign_course(application=application, course=CourseFactory(), by=mentor)

    assert LearningPathItem.objects.filter(mentee=application).count() == 1


def test_a_mentor_of_someone_else_cannot_assign(officer, mentor, jordan):
    application = pair_for(officer).mentee
    pair_for(female_officer_profile(jordan).user, mentor, cohort=application.cohort)

    with pytest.raises(PermissionDenied):
        services.assign_course(application=application, course=CourseFactory(), by=mentor)


def test_the_mentee_herself_cannot_assign(officer):
    application = pair_for(officer).mentee

    with pytest.raises(PermissionDenied):
        services.assign_course(application=application, course=CourseFactory(), by=officer)


def test_a_course_twice_is_refused(officer, staff):
    application = pair_for(officer).mentee
    course = CourseFactory()
    services.assign_course(application=application, course=course, by=staff)

    with pytest.raises(ValidationError, match="already on her learning path"):
        services.assign_course(application=application, course=course, by=staff)


def test_a_course_out_of_the_catalogue_is_refused(officer, staff):
    application = pair_for(officer).mentee

    with pytest.raises(ValidationError, match="no longer in the catalogue"):
        services.assign_course(
            application=application, course=CourseFactory(is_active=False), by=staff
        )


def test_an_alumnas_path_is_closed(officer, staff):
    application = pair_for(officer).mentee
    application.status = ApplicationStatus.COMPLETED
    application.save()

    with pytest.raises(ValidationError, match="mentees taking part"):
        services.assign_course(application=application, course=CourseFactory(), by=staff)


def test_moving_and_removing_courses_keeps_the_order(officer, staff):
    application = pair_for(officer).mentee
    first, second, third = (path_course(application) for _ in range(3))

    services.move_course(item=third, by=staff, direction="up")
    services.remove_course(item=first, by=staff)

    order = list(
        LearningPathItem.objects.filter(mentee=application).values_list("course_id", flat=True)
    )
    assert order == [third.course_id, second.course_id]
    assert AuditEntry.objects.filter(verb="mentoring.course_removed").count() == 1


def test_the_path_page_shows_the_progress_bar_with_its_text(client_for, officer):
    application = pair_for(officer).mentee
    path_course(application, "completed", title_en="Leading teams", track=Track.LEADERSHIP)
    path_course(application, "enrolled")
    path_course(application)

    content = (
        client_for(officer).get(f"/en/mentoring/mentees/{application.pk}/path/").content.decode()
    )

    assert '<progress class="progress" max="3" value="1"' in content
    assert "1 of 3 courses completed" in content
    assert "Leading teams" in content and "Leadership" in content
    # Leila reads her path; she does not manage it.
    assert "Assign a course" not in content


def test_staff_see_the_catalogue_with_leadership_and_online_grouped(client_for, officer, staff):
    application = pair_for(officer).mentee
    CourseFactory(title_en="Women in command", track=Track.LEADERSHIP)
    CourseFactory(title_en="Cybercrime basics", delivery=Delivery.ONLINE)
    CourseFactory(title_en="Old course", is_active=False)

    content = (
        client_for(staff).get(f"/en/mentoring/mentees/{application.pk}/path/").content.decode()
    )

    assert '<optgroup label="Leadership courses">' in content
    assert '<optgroup label="Online trainings">' in content
    assert content.index("Women in command") < content.index("Cybercrime basics")
    assert "Old course" not in content


def test_staff_add_a_course_through_the_page(client_for, officer, staff):
    application = pair_for(officer).mentee
    course = CourseFactory()

    response = client_for(staff).post(
        f"/en/mentoring/mentees/{application.pk}/path/add/", {"course": course.pk}
    )

    assert response.status_code == 302
    assert LearningPathItem.objects.filter(mentee=application, course=course).exists()


def test_adding_a_course_not_offered_changes_nothing(client_for, officer, staff):
    application = pair_for(officer).mentee
    inactive = CourseFactory(is_active=False)

    client_for(staff).post(
        f"/en/mentoring/mentees/{application.pk}/path/add/", {"course": inactive.pk}
    )

    assert not LearningPathItem.objects.filter(mentee=application).exists()


def test_the_pair_page_shows_the_real_progress(client_for, officer):
    pairing = pair_for(officer)
    path_course(pairing.mentee, "completed")
    path_course(pairing.mentee)

    content = client_for(officer).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert "1 of 2 courses completed" in content
    assert f"/en/mentoring/mentees/{pairing.mentee_id}/path/" in content


@pytest.mark.parametrize("courses", [1, 8])
def test_the_path_page_queries_do_not_grow_with_courses(
    client_for, officer, staff, django_assert_max_num_queries, courses
):
    application = pair_for(officer).mentee
    for index in range(courses):
        path_course(application, "completed" if index % 2 else "enrolled")
    client = client_for(staff)

    # session, user, roles, the mentee, the path items, the nominations, the catalogue;
    # the mentor check is skipped for staff.
    with django_assert_max_num_queries(9):
        response = client.get(f"/en/mentoring/mentees/{application.pk}/path/")
    assert response.content.decode().count('class="status status--') >= courses


@pytest.mark.parametrize("mentees", [1, 6])
def test_the_cohort_page_takes_constant_queries(
    client_for, staff, jordan, django_assert_max_num_queries, mentees
):
    cohort = running_cohort(mentees={jordan: mentees})
    for application in cohort.applications.all():
        path_course(application, "completed")
        path_course(application)
    client = client_for(staff)

    # session, user, roles, the cohort, the mentees, the path items, the nominations
    with django_assert_max_num_queries(8):
        response = client.get(f"/en/mentoring/cohorts/{cohort.pk}/learning-paths/")
    assert response.content.decode().count("1 of 2 courses completed") == mentees


def test_my_programme_shows_her_path_and_opportunities(client_for, officer):
    from momentum.mentoring.tests.factories import candidacy, opportunity

    application = pair_for(officer).mentee
    path_course(application, "completed")
    conference = opportunity(title_en="IAWP conference 2026")
    candidacy(conference, application)

    content = client_for(officer).get("/en/mentoring/my/programme/").content.decode()

    assert "1 of 1 courses completed" in content
    assert "IAWP conference 2026" in content and "Applied" in content
