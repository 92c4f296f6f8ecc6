"""The Knowledge Hub's indicators for the results framework, computed from the records.

Each is one or two grouped SQL queries whatever the number of rows. Filters (``value(**filters)``)
are lookups on the person's officer profile, as for the other apps' indicators
(``country__code="JO"``, ``sex="female"``); members without an officer profile (staff, mentors
from INTERPOL) count in the totals under ``unknown`` and drop out once a filter is given.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import (
    Breakdown,
    CrossTab,
    Indicator,
    between,
    crosstab_from_rows,
    register,
)

UNKNOWN = "unknown"
ACTIVE_DAYS = 90


def _profile_filters(prefix: str, filters: dict[str, Any]) -> dict[str, Any]:
    return {f"{prefix}profile__{lookup}": value for lookup, value in filters.items()}


def _breakdown(rows: Any, sex: str, country: str) -> Breakdown:
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row[sex] or UNKNOWN] += row["n"]
        by_country[row[country] or UNKNOWN] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _members(**filters: Any) -> Breakdown:
    """People with an active membership of at least one space. One query."""
    from momentum.hub.models import Membership, MembershipStatus
    from momentum.people.models import User

    memberships = Membership.objects.filter(user=OuterRef("pk"), status=MembershipStatus.ACTIVE)
    rows = (
        User.objects.filter(Exists(memberships), **_profile_filters("", filters))
        .values("profile__sex", "profile__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _breakdown(rows, "profile__sex", "profile__country__code")


def _active_members(**filters: Any) -> Breakdown:
    """Members who published a post in the last 90 days. One query."""
    from momentum.hub.models import Post, PostStatus
    from momentum.people.models import User

    since = timezone.now() - timedelta(days=ACTIVE_DAYS)
    recent = Post.objects.filter(
        author=OuterRef("pk"), status=PostStatus.PUBLISHED, published_at__gte=since
    )
    rows = (
        User.objects.filter(Exists(recent), **_profile_filters("", filters))
        .values("profile__sex", "profile__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _breakdown(rows, "profile__sex", "profile__country__code")


def _cross_country_threads(**filters: Any) -> Breakdown:
    """Published threads whose published posts come from officers of two or more countries.
    By country: the threads each country took part in. No breakdown by sex (a thread has
    none). Two queries."""
    from momentum.hub.models import Post, PostStatus, Thread

    published = Q(posts__status=PostStatus.PUBLISHED)
    threads = (
        Thread.objects.filter(status=PostStatus.PUBLISHED)
        .annotate(
            countries=Count("posts__author__profile__country", distinct=True, filter=published)
        )
        .filter(countries__gte=2)
    )
    if filters:
        # Threads in which an officer matching the filters took part.
        threads = threads.filter(
            Exists(
                Post.objects.filter(
                    thread=OuterRef("pk"),
                    status=PostStatus.PUBLISHED,
                    **_profile_filters("author__", filters),
                )
            )
        )
    thread_ids = threads.values("pk")
    rows = (
        Post.objects.filter(
            thread__in=thread_ids,
            status=PostStatus.PUBLISHED,
            author__profile__isnull=False,
        )
        .values("author__profile__country__code")
        .annotate(n=Count("thread", distinct=True))
        .order_by()
    )
    by_country = {row["author__profile__country__code"]: row["n"] for row in rows}
    return Breakdown(total=threads.count(), by_sex={}, by_country=by_country)


def _downloads(**filters: Any) -> Breakdown:
    """Downloads of library resources, by the sex and country of the person who downloaded.
    One query."""
    from momentum.hub.models import Download

    rows = (
        Download.objects.filter(**_profile_filters("user__", filters))
        .values("user__profile__sex", "user__profile__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _breakdown(rows, "user__profile__sex", "user__profile__country__code")


# --- the country by sex tables for a date range (see core/indicators.py); people without an
# officer profile fall under "unknown" ---


def _user_table(users: Any) -> CrossTab:
    rows = users.values("profile__country__code", "profile__sex").annotate(n=Count("pk")).order_by()
    return crosstab_from_rows(rows, country="profile__country__code", sex="profile__sex")


def _members_table(start: date | None, end: date | None) -> CrossTab:
    """People who joined a space in the range and are still active members. One query."""
    from momentum.hub.models import Membership, MembershipStatus
    from momentum.people.models import User

    # Members admitted without a request have no joined_at: they joined when created.
    joined = Membership.objects.annotate(since=Coalesce("joined_at", "created_at")).filter(
        user=OuterRef("pk"),
        status=MembershipStatus.ACTIVE,
        **between("since", start, end, is_datetime=True),
    )
    return _user_table(User.objects.filter(Exists(joined)))


def _active_members_table(start: date | None, end: date | None) -> CrossTab:
    """Members who published a post in the range. One query."""
    from momentum.hub.models import Post, PostStatus
    from momentum.people.models import User

    posted = Post.objects.filter(
        author=OuterRef("pk"),
        status=PostStatus.PUBLISHED,
        **between("published_at", start, end, is_datetime=True),
    )
    return _user_table(User.objects.filter(Exists(posted)))


def _downloads_table(start: date | None, end: date | None) -> CrossTab:
    """Downloads made in the range. One query."""
    from momentum.hub.models import Download

    rows = (
        Download.objects.filter(**between("downloaded_at", start, end, is_datetime=True))
        .values("user__profile__country__code", "user__profile__sex")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return crosstab_from_rows(
        rows, country="user__profile__country__code", sex="user__profile__sex"
    )


MEMBERS = register(
    Indicator(
        code="hub.members",
        name=_("Knowledge Hub members"),
        definition=_(
            "People who are active members of at least one space of the Knowledge Hub, each "
            "counted once. By sex and by country of their officer profile (unknown for members "
            "without one)."
        ),
        compute=_members,
        app="hub",
        goal=1,
        table=_members_table,
    )
)
ACTIVE_MEMBERS = register(
    Indicator(
        code="hub.active_members",
        name=_("Active Knowledge Hub members"),
        definition=_(
            "Members who published at least one post or thread in the last 90 days. By sex and "
            "by country."
        ),
        compute=_active_members,
        app="hub",
        goal=1,
        table=_active_members_table,
    )
)
CROSS_COUNTRY_THREADS = register(
    Indicator(
        code="hub.cross_country_threads",
        name=_("Threads with members from two or more countries"),
        definition=_(
            "Published threads in which officers of at least two partner countries published a "
            "post. By country: the threads each country took part in; no breakdown by sex."
        ),
        compute=_cross_country_threads,
        app="hub",
        goal=1,
    )
)
RESOURCE_DOWNLOADS = register(
    Indicator(
        code="hub.resource_downloads",
        name=_("Resource downloads"),
        definition=_(
            "Downloads of documents and links of the resource library. By sex and by country of "
            "the person who downloaded (unknown for people without an officer profile)."
        ),
        compute=_downloads,
        app="hub",
        goal=4,
        table=_downloads_table,
    )
)
