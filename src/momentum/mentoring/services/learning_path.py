"""Writes for the learning path: staff or the mentee's current mentor assign courses of the
training catalogue to her, order them and remove them. Each change is audited; the mentee is
told of each course added. Progress is never written here: it comes from training records
(``selectors.learning_path``)."""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.mentoring.models import Application, ApplicationStatus, LearningPathItem
from momentum.people.models import User
from momentum.training.models import Course


def path_url(application: Application | int) -> str:
    """The mentee's learning path page, without the language prefix (for notifications)."""
    pk = application if isinstance(application, int) else application.pk
    return f"/mentoring/mentees/{pk}/path/"


def _require_manager(by: User, application: Application) -> None:
    if not by.has_perm("mentoring.manage_learning_path", application):
        if application.status != ApplicationStatus.ACCEPTED and by.is_programme_staff:
            raise ValidationError(
                _("Courses are assigned to mentees taking part in a cohort."), code="not_mentee"
            )
        raise PermissionDenied


@transaction.atomic
def assign_course(*, application: Application, course: Course, by: User) -> LearningPathItem:
    """Add ``course`` at the end of the mentee's path."""
    _require_manager(by, application)
    if not course.is_active:
        raise ValidationError(
            {"course": _("This course is no longer in the catalogue.")}, code="inactive"
        )
    if LearningPathItem.objects.filter(mentee=application, course=course).exists():
        raise ValidationError(
            {"course": _("This course is already on her learning path.")}, code="duplicate"
        )
    last = LearningPathItem.objects.filter(mentee=application).aggregate(last=Max("order"))
    try:
        with transaction.atomic():
            item = LearningPathItem.objects.create(
                mentee=application,
                course=course,
                assigned_by=by,
                order=(last["last"] or 0) + 1,
            )
    except IntegrityError as error:  # someone added it a moment ago
        raise ValidationError(
            {"course": _("This course is already on her learning path.")}, code="duplicate"
        ) from error
    audit.record(
        by,
        "mentoring.course_assigned",
        application,
        country=application.country,
        course=course.code,
    )
    mentee = application.applicant.user
    notify(
        recipients=[mentee],
        kind="mentoring.course_assigned",
        message=lambda: _("%(course)s was added to your learning path.") % {"course": course.title},
        url=path_url(application),
        email=True,
    )
    return item


@transaction.atomic
def remove_course(*, item: LearningPathItem, by: User) -> None:
    application = item.mentee
    _require_manager(by, application)
    course_code = item.course.code
    LearningPathItem.objects.filter(pk=item.pk).delete()
    audit.record(
        by,
        "mentoring.course_removed",
        application,
        country=application.country,
        course=course_code,
    )


@transaction.atomic
def move_course(
    *, item: LearningPathItem, by: User, direction: Literal["up", "down"]
) -> LearningPathItem:
    """Swap the course with its neighbour above or below; at either end nothing changes."""
    application = item.mentee
    _require_manager(by, application)
    if direction not in ("up", "down"):
        raise ValidationError(_("Move a course up or down."), code="direction")
    items = list(
        LearningPathItem.objects.select_for_update()
        .filter(mentee=application)
        .order_by("order", "pk")
    )
    index = next(i for i, each in enumerate(items) if each.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return item
    items[index], items[other] = items[other], items[index]
    # Renumber the whole path: orders stay 1..n whatever they were before.
    for position, each in enumerate(items, start=1):
        if each.order != position:
            each.order = position
            each.save(update_fields=["order"])
    audit.record(
        by,
        "mentoring.course_moved",
        application,
        country=application.country,
        course=item.course.code,
        direction=direction,
    )
    return next(each for each in items if each.pk == item.pk)
