from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from momentum.people.models import AccessToken, Invitation, Profile, Rank, RoleAssignment, User


class RoleInline(admin.TabularInline):
    """Shown, never edited here: roles change in the application, which audits each change."""

    model = RoleAssignment
    extra = 0
    can_delete = False
    readonly_fields = ("role", "country", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "given_name",
        "family_name",
        "given_name_ar",
        "family_name_ar",
        "is_active",
    )
    search_fields = ("email", "search_key")
    exclude = ("password", "search_key", "user_permissions", "groups")
    readonly_fields = ("last_login", "date_joined")
    inlines = [RoleInline]


@admin.register(Rank)
class RankAdmin(TranslationAdmin):
    """Staff add ranks here, with their names in Arabic, French and English."""

    list_display = ("name", "level", "order")
    list_filter = ("level",)
    search_fields = ("name_en", "name_fr", "name_ar")


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "country", "sex", "rank", "rank_level")
    list_filter = ("country", "sex", "rank_level")
    list_select_related = ("user", "country", "rank")
    raw_id_fields = ("user",)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "role", "country", "created_at", "expires_at", "accepted_at")
    exclude = ("key_hash",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # invitations are sent from the application, which audits them


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "revoked_at")
    exclude = ("key_hash",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
