from django.contrib import admin

from momentum.governance.models import (
    BoardMember,
    Meeting,
    Minutes,
    Recommendation,
    WrittenProcedure,
)


@admin.register(BoardMember)
class BoardMemberAdmin(admin.ModelAdmin[BoardMember]):
    list_display = ("user", "country", "seat", "term_start", "term_end")
    list_filter = ("country", "seat", "sex")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin[Meeting]):
    list_display = ("title_en", "kind", "starts_at", "status")
    list_filter = ("kind", "status")


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin[Minutes]):
    list_display = ("meeting", "status")


@admin.register(WrittenProcedure)
class WrittenProcedureAdmin(admin.ModelAdmin[WrittenProcedure]):
    list_display = ("title", "deadline", "status", "outcome")


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin[Recommendation]):
    list_display = ("reference", "source", "response")
