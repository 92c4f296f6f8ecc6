from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.training.models import Course, Question


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ("code", "title", "track", "delivery", "duration_hours", "is_active")
    list_filter = ("track", "delivery", "is_active")


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ("course", "order", "kind", "text")
    list_filter = ("course",)
