from django.contrib import admin

from momentum.results.models import Logframe, Period, ReportedValue, Result


@admin.register(Logframe)
class LogframeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("programme", "status")


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "level", "name")


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "starts_on", "ends_on", "status")
    readonly_fields = ("status", "closed_at", "closed_by", "job")


@admin.register(ReportedValue)
class ReportedValueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("indicator", "period", "country", "status")
    readonly_fields = ("status", "submitted_by", "decided_by")
