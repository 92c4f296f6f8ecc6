from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.support.models import (
    Article,
    CannedReply,
    Category,
    HeldMail,
    Holiday,
    Request,
    WorkingCalendar,
)


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "first_response_hours", "resolution_hours", "order")
    filter_horizontal = ("queue",)


@admin.register(CannedReply)
class CannedReplyAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("title", "category")


@admin.register(Holiday)
class HolidayAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("country", "date", "name")
    list_filter = ("country",)


@admin.register(WorkingCalendar)
class WorkingCalendarAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("country", "time_zone", "weekend_days", "day_start", "day_end")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "language", "source", "version", "published")
    list_filter = ("language", "published")


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("reference", "subject", "status", "category", "country", "created_at")
    list_filter = ("status", "category", "country")
    search_fields = ("reference", "subject")
    readonly_fields = ("access_token", "source_address")


@admin.register(HeldMail)
class HeldMailAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("received_at", "reason", "sender", "subject")
    readonly_fields = ("raw",)
