from django.urls import path

from momentum.toolkit.views import curricula, editions, writing

app_name = "toolkit"

urlpatterns = [
    path("", writing.index, name="index"),
    path("<int:pk>/", writing.publication, name="publication"),
    path("<int:pk>/translations/", writing.translations, name="translations"),
    path("<int:pk>/publish/", editions.publish, name="publish"),
    path("<int:pk>/public/", editions.public_reading, name="public_reading"),
    path("chapters/<int:pk>/", writing.chapter, name="chapter"),
    path("chapters/<int:pk>/submit/", writing.submit, name="submit"),
    path("chapters/<int:pk>/approve/", writing.approve, name="approve"),
    path("chapters/<int:pk>/return/", writing.return_to_authors, name="return"),
    path("chapters/<int:pk>/authors/", writing.add_author, name="add_author"),
    path("chapters/<int:pk>/consult/", writing.consult, name="consult"),
    path("chapters/<int:pk>/sections/", writing.add_section, name="add_section"),
    path("sections/<int:pk>/comment/", writing.comment, name="comment"),
    path(
        "sections/<int:pk>/<str:language>/translator/",
        writing.assign_translator,
        name="assign_translator",
    ),
    path("sections/<int:pk>/<str:language>/edit/", writing.edit_text, name="edit_text"),
    path("sections/<int:pk>/<str:language>/history/", writing.history, name="history"),
    path("editions/<int:pk>/", editions.edition, name="edition"),
    path(
        "editions/<int:pk>/chapters/<int:chapter>/",
        editions.edition_chapter,
        name="edition_chapter",
    ),
    path("editions/<int:pk>/search/", editions.search, name="edition_search"),
    path("editions/<int:pk>/print/", editions.print_view, name="edition_print"),
    path("editions/<int:pk>/pdf/<str:language>/", editions.pdf, name="edition_pdf"),
    path("curricula/", curricula.curriculum_list, name="curricula"),
    path("curricula/<int:pk>/", curricula.curriculum, name="curriculum"),
    path("curricula/<int:pk>/publish/", curricula.publish, name="curriculum_publish"),
    path("curricula/<int:pk>/course/", curricula.create_course, name="curriculum_course"),
    path("curricula/<int:pk>/consult/", curricula.consult, name="curriculum_consult"),
    path("curricula/<int:pk>/pdf/<str:language>/", curricula.pdf, name="curriculum_pdf"),
]
