from django.contrib import admin

from momentum.screening.models import Queue, World


@admin.register(World)
class WorldAdmin(admin.ModelAdmin):
    list_display = ("name", "seed", "created_at")


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = ("title", "world", "trainer", "status", "created_at")
    list_select_related = ("world", "trainer")
