"""`momentum demo`: the hub's part of the demo programme is complete, consistent and searchable."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

import pytest
from django.utils import timezone

from momentum.core.demo import seeders
from momentum.hub import demo_data
from momentum.hub.models import (
    Download,
    Flag,
    HoldReason,
    JoinPolicy,
    MembershipStatus,
    NameDisplay,
    Post,
    PostStatus,
    Resource,
    SearchEntry,
    Space,
    SpaceKind,
    Thread,
    WatchedTerm,
)
from momentum.hub.selectors.search import search
from momentum.people.models import User

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0621-\u064a]")


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


def test_the_hub_seeder_is_registered_after_training_and_before_mentoring():
    names = [(seeder.order, seeder.name) for seeder in seeders()]

    assert (40, "hub") in names
    assert names == sorted(names)


def test_the_tiny_pdf_is_read_back_by_pypdf():
    import io

    from pypdf import PdfReader

    data = demo_data.tiny_pdf(("Gender-sensitive policing toolkit", "Second line (draft)"))

    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Gender-sensitive policing toolkit" in text
    assert "Second line (draft)" in text


class TestTheHubDemo:
    def test_the_spaces_of_every_kind_and_policy(self, seeded):
        spaces = {space.slug: space for space in Space.objects.select_related("country")}

        network = spaces[demo_data.NETWORK_SLUG]
        assert (network.kind, network.join_policy, network.main_language) == (
            SpaceKind.PROGRAMME,
            JoinPolicy.OPEN,
            "en",
        )
        countries = {
            space.country.code: space.main_language
            for space in spaces.values()
            if space.kind == SpaceKind.COUNTRY
        }
        assert countries == {
            "DZ": "fr",
            "MA": "fr",
            "TN": "fr",
            "JO": "ar",
            "LB": "ar",
            "PS": "ar",
        }  # Egypt is not active yet
        kinds = Counter((space.kind, space.join_policy) for space in spaces.values())
        assert kinds[(SpaceKind.BOARD, JoinPolicy.INVITATION)] == 1
        assert kinds[(SpaceKind.ALUMNI, JoinPolicy.INVITATION)] == 1
        assert kinds[(SpaceKind.THEMATIC, JoinPolicy.REQUEST)] == 2  # cybercrime, champions
        for space in spaces.values():
            for language in ("en", "fr", "ar"):
                assert getattr(space, f"name_{language}"), (space.slug, language)
                assert getattr(space, f"description_{language}"), (space.slug, language)

    def test_the_champions_space_is_arabic_and_holds_first_posts(self, seeded):
        champions = Space.objects.get(name_ar="أبطال المساواة بين الجنسين")

        assert (champions.main_language, champions.join_policy, champions.hold_first_posts) == (
            "ar",
            JoinPolicy.REQUEST,
            1,
        )
        threads = list(Thread.objects.filter(space=champions, status=PostStatus.PUBLISHED))
        assert len(threads) >= 5
        assert all(ARABIC.search(thread.title) for thread in threads)
        posts = Post.objects.filter(space=champions, status=PostStatus.PUBLISHED)
        assert posts.count() >= 25
        arabic = sum(1 for post in posts if ARABIC.search(post.body))
        assert arabic / posts.count() > 0.9
        # A new member's first post waits for a moderator; a request to join waits too.
        waiting = Post.objects.get(space=champions, status=PostStatus.HELD)
        assert waiting.hold_reason == HoldReason.NEW_MEMBER
        assert champions.memberships.filter(status=MembershipStatus.REQUESTED).exists()

    def test_enough_threads_and_replies_over_the_last_120_days_in_three_languages(self, seeded):
        threads = Thread.objects.filter(status=PostStatus.PUBLISHED)
        replies = Post.objects.filter(status=PostStatus.PUBLISHED, is_opening=False)
        now = timezone.now()

        assert threads.count() >= 25
        assert replies.count() >= 100
        ages = [(now - post.created_at).days for post in Post.objects.all()]
        assert max(ages) <= 120 and min(ages) >= 0
        assert len({age // 30 for age in ages}) == 4  # every month has some
        for thread in threads:
            assert (
                thread.reply_count
                == thread.posts.filter(status=PostStatus.PUBLISHED, is_opening=False).count()
            )
            last = thread.posts.filter(status=PostStatus.PUBLISHED).latest("created_at")
            # Published at or after it was written (the board's minutes are posted through the
            # publishing service, which stamps the moment of publication).
            assert thread.last_posted_at >= last.created_at
        bodies = [post.body for post in Post.objects.filter(status=PostStatus.PUBLISHED)]
        french = sum(1 for body in bodies if re.search(r"\b(les|des|une|pour)\b", body))
        english = sum(1 for body in bodies if re.search(r"\b(the|and|with)\b", body))
        arabic = sum(1 for body in bodies if ARABIC.search(body))
        assert min(french, english, arabic) >= 20, (french, english, arabic)

    def test_posts_are_rendered_with_markdown_and_mentions(self, seeded):
        published = Post.objects.filter(status=PostStatus.PUBLISHED)

        assert all(post.body_html for post in published)
        assert published.filter(body_html__contains="<li").count() >= 5
        assert published.filter(body_html__contains="<blockquote").count() >= 2
        assert published.filter(mentions__isnull=False).count() >= 2

    def test_the_moderators_have_work_waiting(self, seeded):
        held = Post.objects.get(status=PostStatus.HELD, hold_reason=HoldReason.WATCHED_TERM)
        assert "perquisition" in held.body
        review = Post.objects.get(status=PostStatus.REVIEW_REQUESTED)
        assert review.review_message
        assert "A12345678" in review.body  # kept for the author and the moderators
        assert [finding["kind"] for finding in review.guard_findings] == ["travel_document"]
        assert Flag.objects.filter(status="open").count() == 1
        languages = {term.language for term in WatchedTerm.objects.all()}
        assert languages == {"en", "fr", "ar"}
        assert WatchedTerm.objects.filter(phrase="مشتبه به").exists()

    def test_members_chose_how_they_appear(self, seeded):
        displays = Counter(
            User.objects.filter(hub_settings__isnull=False).values_list(
                "hub_settings__name_display", flat=True
            )
        )

        assert displays[NameDisplay.INITIALS] >= 5
        assert displays[NameDisplay.FULL] > displays[NameDisplay.INITIALS]

    def test_membership_counters_match_the_posts(self, seeded):
        for space in Space.objects.all():
            for membership in space.memberships.all():
                assert (
                    membership.published_posts
                    == Post.objects.filter(
                        space=space, author=membership.user, status=PostStatus.PUBLISHED
                    ).count()
                )

    def test_the_library_has_files_links_versions_and_downloads(self, seeded):
        resources = list(Resource.objects.prefetch_related("versions", "tags"))

        assert len(resources) >= 5
        toolkit = Resource.objects.get(title_en="Gender-sensitive policing toolkit")
        assert toolkit.version == 2
        assert [v.content_type for v in toolkit.versions.all()] == ["application/pdf"] * 2
        assert toolkit.download_count == Download.objects.filter(resource=toolkit).count() > 0
        assert {r.title_en for r in resources if r.url} >= {
            "International Association of Women Police (IAWP)",
            "UN Women: handbook on gender-responsive police services",
        }
        for resource in resources:
            assert resource.title_en and resource.title_fr and ARABIC.search(resource.title_ar)
            assert resource.tags.exists()

    def test_search_finds_an_arabic_word_written_with_another_hamza(self, seeded):
        officer = User.objects.get(email="focal.ps@example.org")
        # The demo writes "إدارة" (alef with hamza below); searched as "اداره".
        assert Post.objects.filter(body__contains="إدارة", status=PostStatus.PUBLISHED).exists()

        found = list(search(officer, "اداره"))

        assert found
        assert any("إدارة" in (entry.post.body if entry.post else "") for entry in found)
        assert SearchEntry.objects.filter(kind="resource").count() >= 5

    def test_the_summary_line_and_speed(self, seeded, seeded_demo):
        assert re.search(r"Hub: \d+ spaces with \d+ members; \d+ threads and \d+ replies", seeded)
        # Processor time: a busy machine does not make the test fail.
        assert seeded_demo.cpu_seconds["hub"] < 20
        started = time.process_time()
        # The hub's part alone (the demo above ran every seeder), without writing twice.
        assert demo_data._already_seeded()
        demo_data.seed_hub(lambda line: None)
        assert time.process_time() - started < 1
        assert Space.objects.filter(slug=demo_data.NETWORK_SLUG).count() == 1
