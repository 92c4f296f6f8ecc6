"""Who may use the routes of the toolkit (see tests/test_authorization_matrix.py).

The records: Jordan's focal point was given a chapter, written by staff, approved and published
in edition 1 (not open to the public); a published curriculum with one module. Countries'
representatives (focal points, board members) read drafts and comment; only the chapter's
authors and staff edit it; only staff approve, publish and manage. Editions are hidden (404)
from those who may not read them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.toolkit.models import Publication
from momentum.toolkit.services import curricula, editions, writing
from momentum.toolkit.tests.factories import chapter, section

# fmt: off
#                                       anon off  fp  out stf don trn men mod brd
READ =                                 (302, 403, 200, 200, 200, 403, 403, 403, 403, 200)
STAFF_POST =                           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403)
EDITION =                              (302, 404, 200, 200, 200, 404, 404, 404, 404, 200)
MATRIX: dict[str, tuple[int, ...]] = {
    "toolkit:index":                   READ,
    "toolkit:publication":             READ,
    "toolkit:translations":            READ,
    "toolkit:publish":                 STAFF_POST,
    "toolkit:public_reading":          STAFF_POST,
    "toolkit:chapter":                 READ,
    "toolkit:submit":                  (302, 403, 302, 403, 302, 403, 403, 403, 403, 403),
    "toolkit:approve":                 STAFF_POST,
    "toolkit:return":                  STAFF_POST,
    "toolkit:add_author":              STAFF_POST,
    "toolkit:consult":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "toolkit:comment":                 (302, 403, 302, 302, 302, 403, 403, 403, 403, 302),
    "toolkit:add_section":             (302, 403, 302, 403, 302, 403, 403, 403, 403, 403),
    "toolkit:assign_translator":       STAFF_POST,
    "toolkit:edit_text":               (302, 403, 200, 403, 200, 403, 403, 403, 403, 403),
    "toolkit:history":                 READ,
    "toolkit:edition":                 EDITION,
    "toolkit:edition_chapter":         EDITION,
    "toolkit:edition_search":          EDITION,
    "toolkit:edition_print":           EDITION,
    "toolkit:edition_pdf":             EDITION,
    "toolkit:curricula":               READ,
    "toolkit:curriculum":              READ,
    "toolkit:curriculum_publish":      STAFF_POST,
    "toolkit:curriculum_course":       STAFF_POST,
    "toolkit:curriculum_pdf":          READ,
    "toolkit:curriculum_consult":      (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "api:list_toolkit_editions":       (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:get_toolkit_edition":         (401, 404, 200, 200, 200, 404, 404, 404, 404, 200),
    "api:list_toolkit_curricula":      (401, 403, 200, 200, 200, 403, 403, 403, 403, 200),
    "api:get_toolkit_curriculum":      (401, 403, 200, 200, 200, 403, 403, 403, 403, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    publication: int
    chapter: int
    section: int
    edition: int
    curriculum: int


ROUTES = {
    "toolkit:index": ("get", lambda w: "/en/toolkit/"),
    "toolkit:publication": ("get", lambda w: f"/en/toolkit/{w.publication}/"),
    "toolkit:translations": ("get", lambda w: f"/en/toolkit/{w.publication}/translations/"),
    "toolkit:publish": ("post", lambda w: f"/en/toolkit/{w.publication}/publish/"),
    "toolkit:public_reading": ("post", lambda w: f"/en/toolkit/{w.publication}/public/"),
    "toolkit:chapter": ("get", lambda w: f"/en/toolkit/chapters/{w.chapter}/"),
    "toolkit:submit": ("post", lambda w: f"/en/toolkit/chapters/{w.chapter}/submit/"),
    "toolkit:approve": ("post", lambda w: f"/en/toolkit/chapters/{w.chapter}/approve/"),
    "toolkit:return": ("post", lambda w: f"/en/toolkit/chapters/{w.chapter}/return/"),
    "toolkit:add_author": ("post", lambda w: f"/en/toolkit/chapters/{w.chapter}/authors/"),
    "toolkit:consult": ("get", lambda w: f"/en/toolkit/chapters/{w.chapter}/consult/"),
    "toolkit:comment": ("post", lambda w: f"/en/toolkit/sections/{w.section}/comment/"),
    "toolkit:add_section": ("post", lambda w: f"/en/toolkit/chapters/{w.chapter}/sections/"),
    "toolkit:assign_translator": (
        "post",
        lambda w: f"/en/toolkit/sections/{w.section}/ar/translator/",
    ),
    "toolkit:edit_text": ("get", lambda w: f"/en/toolkit/sections/{w.section}/en/edit/"),
    "toolkit:history": ("get", lambda w: f"/en/toolkit/sections/{w.section}/en/history/"),
    "toolkit:edition": ("get", lambda w: f"/en/toolkit/editions/{w.edition}/"),
    "toolkit:edition_chapter": (
        "get",
        lambda w: f"/en/toolkit/editions/{w.edition}/chapters/{w.chapter}/",
    ),
    "toolkit:edition_search": ("get", lambda w: f"/en/toolkit/editions/{w.edition}/search/?q=x"),
    "toolkit:edition_print": ("get", lambda w: f"/en/toolkit/editions/{w.edition}/print/"),
    "toolkit:edition_pdf": ("get", lambda w: f"/en/toolkit/editions/{w.edition}/pdf/en/"),
    "toolkit:curricula": ("get", lambda w: "/en/toolkit/curricula/"),
    "toolkit:curriculum": ("get", lambda w: f"/en/toolkit/curricula/{w.curriculum}/"),
    "toolkit:curriculum_publish": (
        "post",
        lambda w: f"/en/toolkit/curricula/{w.curriculum}/publish/",
    ),
    "toolkit:curriculum_course": (
        "post",
        lambda w: f"/en/toolkit/curricula/{w.curriculum}/course/",
    ),
    "toolkit:curriculum_consult": (
        "get",
        lambda w: f"/en/toolkit/curricula/{w.curriculum}/consult/",
    ),
    "toolkit:curriculum_pdf": ("get", lambda w: f"/en/toolkit/curricula/{w.curriculum}/pdf/en/"),
    "api:list_toolkit_editions": ("get", lambda w: "/api/v1/toolkit/editions"),
    "api:get_toolkit_edition": ("get", lambda w: f"/api/v1/toolkit/editions/{w.edition}"),
    "api:list_toolkit_curricula": ("get", lambda w: "/api/v1/toolkit/curricula"),
    "api:get_toolkit_curriculum": ("get", lambda w: f"/api/v1/toolkit/curricula/{w.curriculum}"),
}


@pytest.fixture
def world(staff, focal_point) -> World:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    part = section(item, by=staff)
    writing.submit_chapter(chapter=item, by=staff)
    writing.approve_chapter(chapter=item, by=staff)
    publication = Publication.objects.get()
    edition, _job = editions.publish_edition(publication=publication, by=staff)
    edition.pdf_en.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    curriculum = curricula.save_curriculum(by=staff, title_en="Gender-sensitive first response")
    curricula.add_module(
        by=staff, curriculum=curriculum, duration_minutes=90, title_en="Receiving a complaint"
    )
    curriculum, _job = curricula.publish_curriculum(by=staff, curriculum=curriculum)
    curriculum.pdf_en.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    return World(
        publication=publication.pk,
        chapter=item.pk,
        section=part.pk,
        edition=edition.pk,
        curriculum=curriculum.pk,
    )


def test_every_route_has_a_request() -> None:
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona) -> None:
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))
    if hasattr(response, "streaming_content"):
        response.close()

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
