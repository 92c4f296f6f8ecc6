"""The hub in Django's admin: for looking things up. Staff change spaces and memberships through
the hub's own pages, which go through the services and the audit log."""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.hub.models import MemberSettings, Membership, Space


@admin.register(Space)
class SpaceAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "country", "join_policy", "archived_at")
    list_filter = ("kind", "join_policy")
    search_fields = ("name_en", "name_fr", "name_ar", "slug")
    readonly_fields = ("version", "created_at", "created_by")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("space", "user", "role", "status", "joined_at")
    list_filter = ("role", "status")
    list_select_related = ("space", "user")
    raw_id_fields = ("user", "invited_by", "decided_by")
    search_fields = ("user__search_key",)


@admin.register(MemberSettings)
class MemberSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("handle", "user", "name_display", "show_photo", "digest")
    raw_id_fields = ("user",)
    search_fields = ("handle", "user__search_key")
