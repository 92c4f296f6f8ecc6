from django.contrib import admin

from momentum.toolkit.models import Chapter, Curriculum, Module, Part, Publication, Section


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin[Publication]):
    list_display = ("slug", "title_en", "public_reading")


@admin.register(Part)
class PartAdmin(admin.ModelAdmin[Part]):
    list_display = ("title_en", "publication", "order")


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin[Chapter]):
    list_display = ("title_en", "part", "order", "status")
    list_filter = ("status",)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin[Section]):
    list_display = ("chapter", "order", "kind", "source_language")


class ModuleInline(admin.StackedInline[Module, Curriculum]):
    model = Module
    extra = 0
    filter_horizontal = ("sections",)


@admin.register(Curriculum)
class CurriculumAdmin(admin.ModelAdmin[Curriculum]):
    list_display = ("title_en", "status", "course_id")
    inlines = [ModuleInline]
