from typing import Any

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.training.models import Course, Question


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ("code", "title", "track", "delivery", "duration_hours", "is_active")
    list_filter = ("track", "delivery", "is_active")

    def save_model(self, request: Any, obj: Course, form: Any, change: bool) -> None:
        # Courses edited here stay searchable (staff normally use the catalogue's own form,
        # which goes through services.catalogue.save_course and the audit log).
        from momentum.training.services.catalogue import course_search_key

        obj.search_key = course_search_key(obj)
        super().save_model(request, obj, form, change)


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ("course", "order", "kind", "text")
    list_filter = ("course",)
