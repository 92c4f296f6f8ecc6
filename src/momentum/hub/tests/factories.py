"""Factories for the hub's tests. Shared by every subject: append yours in your own section
(`# --- <subject> ---`) at the end, reuse the others.

- ``SpaceFactory(kind=..., join_policy=..., country=...)``: an open programme-wide space.
- ``member(space, user, role=MemberRole.MODERATOR)``: an active membership.
- ``ThreadFactory(space=..., author=...)``: a published thread with its published opening post.
- ``PostFactory(thread=...)``: a published reply (``search_key`` left empty).
"""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from momentum.hub.models import (
    JoinPolicy,
    MemberRole,
    Membership,
    MembershipStatus,
    Post,
    PostStatus,
    Resource,
    ResourceKind,
    ResourceVersion,
    Space,
    SpaceKind,
    Thread,
)
from momentum.people.tests.factories import UserFactory

# --- spaces and membership ---


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    slug = factory.Sequence(lambda n: f"space-{n}")
    name_en = factory.Sequence(lambda n: f"Community space {n}")
    name_fr = factory.Sequence(lambda n: f"Espace communautaire {n}")
    name_ar = factory.Sequence(lambda n: f"فضاء المجتمع {n}")
    description_en = "Practices shared by the network."
    description_fr = "Pratiques partagées par le réseau."
    description_ar = "ممارسات يتبادلها أعضاء الشبكة."
    kind = SpaceKind.PROGRAMME
    join_policy = JoinPolicy.OPEN
    main_language = "en"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    role = MemberRole.MEMBER
    status = MembershipStatus.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


def member(
    space: Space,
    user: Any,
    role: str = MemberRole.MEMBER,
    status: str = MembershipStatus.ACTIVE,
    **fields: Any,
) -> Membership:
    """``user``'s membership of ``space`` (active by default); forgets the cached answers."""
    membership: Membership = MembershipFactory.create(
        space=space, user=user, role=role, status=status, **fields
    )
    if hasattr(user, "_hub_memberships"):
        del user._hub_memberships
    return membership


class ThreadFactory(factory.django.DjangoModelFactory):
    """A published thread with its opening post (``opening__body=...`` to set its text)."""

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"How do you check travel documents? ({n})")
    author = factory.SubFactory(UserFactory)
    status = PostStatus.PUBLISHED

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        body = kwargs.pop("body", "We compare the document with the database first.")
        status = kwargs.pop("status", self.status)
        Post.objects.create(
            thread=self,
            space=self.space,
            author=self.author,
            is_opening=True,
            body=body,
            body_html=f"<p>{body}</p>",
            status=status,
            published_at=timezone.now() if status == PostStatus.PUBLISHED else None,
            **kwargs,
        )


class PostFactory(factory.django.DjangoModelFactory):
    """A published reply; ``search_key`` stays empty (the search index writes its own)."""

    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    space = factory.LazyAttribute(lambda post: post.thread.space)
    author = factory.SubFactory(UserFactory)
    is_opening = False
    body = factory.Sequence(lambda n: f"In our unit we use a checklist ({n}).")
    body_html = factory.LazyAttribute(lambda post: f"<p>{post.body}</p>")
    status = PostStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    search_key = ""


# --- resources and search ---


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published resource of the whole hub (``space=...`` to share it in a space), without
    a file; ``index_resource(resource)`` writes its search entry."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Border checks guide {n}")
    title_fr = factory.Sequence(lambda n: f"Guide des contrôles aux frontières {n}")
    title_ar = factory.Sequence(lambda n: f"دليل المراقبة على الحدود {n}")
    description_en = "How to check travel documents."
    description_fr = "Comment vérifier les documents de voyage."
    description_ar = "كيف نتحقق من وثائق السفر."
    kind = ResourceKind.GUIDE
    language = "en"
    url = ""


def versioned(
    resource: Resource, *, number: int = 1, name: str = "guide.txt", body: bytes = b"A"
) -> ResourceVersion:
    """A stored version of ``resource``'s file."""
    from django.core.files.base import ContentFile

    version = ResourceVersion(
        resource=resource, number=number, name=name, content_type="text/plain", size=len(body)
    )
    version.file.save(name, ContentFile(body), save=False)
    version.save()
    return version


# --- threads and posts ---


def hub_settings(user: Any, handle: str, **fields: Any) -> Any:
    """``user``'s hub settings with ``handle`` (mentions find them by it)."""
    from momentum.hub.models import MemberSettings

    return MemberSettings.objects.create(user=user, handle=handle, **fields)


def png_bytes(size: tuple[int, int] = (8, 8), colour: str = "teal") -> bytes:
    """A small PNG image, for photos and attachments."""
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "PNG")
    return output.getvalue()


# --- search ---


def index_as_published(posts: Any, when: Any) -> None:
    """Date ``posts`` (a post or a queryset of posts) ``when`` and index them again, so their
    search entries and words carry that date (the words copy it: a search's newest come from
    them)."""
    from momentum.hub.services.search_index import index_post

    for post in [posts] if isinstance(posts, Post) else list(posts):
        post.published_at = when
        post.save(update_fields=["published_at"])
        index_post(post)
