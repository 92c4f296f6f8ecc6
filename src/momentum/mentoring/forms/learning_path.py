"""Forms of the learning path. The service checks everything again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.training.models import Course, Delivery, Track


class AssignCourseForm(forms.Form):
    """Choose a course of the catalogue: leadership courses and online trainings first, each in
    its own group, so they stand out."""

    course = forms.TypedChoiceField(label=_("Course"), coerce=int)

    def __init__(self, *args: Any, courses: list[Course], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[int, str]]] = {"leadership": [], "online": [], "other": []}
        for course in courses:
            if course.track == Track.LEADERSHIP:
                key = "leadership"
            elif course.delivery == Delivery.ONLINE:
                key = "online"
            else:
                key = "other"
            groups[key].append((course.pk, f"{course.title} ({course.get_delivery_display()})"))
        labels = {
            "leadership": _("Leadership courses"),
            "online": _("Online trainings"),
            "other": _("Other courses"),
        }
        choices: list[Any] = [("", _("Choose a course"))]
        choices += [(labels[key], options) for key, options in groups.items() if options]
        course_field = self.fields["course"]
        assert isinstance(course_field, forms.ChoiceField)
        course_field.choices = choices
        self.courses = {course.pk: course for course in courses}

    def clean_course(self) -> Course:
        pk = self.cleaned_data["course"]
        course = self.courses.get(pk)
        if course is None:
            raise forms.ValidationError(_("Choose one of the courses offered."))
        return course
