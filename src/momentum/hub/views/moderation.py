"""Moderation: readers report a post; moderators see, per space, what waits for them and decide
(approve, reject, hide, restore, dismiss reports), lock and pin threads; an overview lists the
spaces they moderate with what waits in each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.hub.forms.moderation import (
    FlagForm,
    PostDecision,
    PostDecisionForm,
    ThreadLockForm,
    ThreadPinForm,
)
from momentum.hub.guard import FindingKind
from momentum.hub.models import Flag, Membership, Post, PostStatus, Space, Thread
from momentum.hub.selectors import access
from momentum.hub.selectors import moderation as selectors
from momentum.hub.selectors.members import display_names
from momentum.hub.selectors.threads import page_of
from momentum.hub.services import moderation as services
from momentum.people.http import AuthenticatedRequest


def _require_hub(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("hub.use_hub"):
        raise PermissionDenied


def _thread_url(post: Post, user: Any) -> str:
    page = page_of(user, post)
    query = f"?page={page}" if page > 1 else ""
    return f"{reverse('hub:thread', args=[post.thread_id])}{query}#post-{post.pk}"


def _next_or(request: AuthenticatedRequest, default: str) -> str:
    """Where to go after a decision: the page it was made on, if it is on this site."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _say(request: AuthenticatedRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# --- reporting a post -------------------------------------------------------------------------


@login_required
def flag_post(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A reader reports a post to the space's moderators, with a reason."""
    _require_hub(request)
    user = request.user
    post = access.get_post_for(user, pk)
    if not user.has_perm("hub.flag_post", post):
        raise PermissionDenied
    back = _thread_url(post, user)
    if Flag.objects.filter(post=post, reporter=user).exists():
        messages.info(request, _("You already flagged this post."))
        return redirect(back)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_post(
                post=post,
                by=user,
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            _say(request, error)
        else:
            messages.success(
                request, _("Thank you: the moderators will read the post you reported.")
            )
        return redirect(back)
    context = {
        "post": post,
        "thread": post.thread,
        "space": post.space,
        "form": form,
        "back": back,
        "displays": display_names([post.author], get_language() or "en"),
    }
    return render(request, "hub/moderation/flag.html", context)


# --- the overview and the queue ---------------------------------------------------------------


@login_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    """The spaces the user moderates, with what waits in each. Queries: the user's roles and
    memberships, then one grouped query for the spaces and their counts."""
    _require_hub(request)
    if not request.user.has_perm("hub.moderate_anything"):
        raise PermissionDenied
    spaces = selectors.overview(request.user)
    return render(
        request,
        "hub/moderation/overview.html",
        {
            "spaces": spaces,
            "total": sum(space.pending for space in spaces),  # type: ignore[attr-defined]
            "can_manage_terms": request.user.has_perm("hub.manage_watched_terms"),
        },
    )


@dataclass(frozen=True)
class Finding:
    kind: str
    excerpt: str
    line: int


@dataclass(frozen=True)
class QueueItem:
    """A post as the queue shows it, with what a moderator needs to decide."""

    post: Post
    flags: list[Flag]
    flag_summary: list[selectors.FlagSummary]
    findings: list[Finding]
    membership: Membership | None
    own: bool

    @property
    def actions(self) -> tuple[str, ...]:
        if self.own:
            return ()
        status = self.post.status
        if status in services.WAITING:
            return (PostDecision.APPROVE, PostDecision.REJECT)
        if status == PostStatus.PUBLISHED:
            return (PostDecision.HIDE, PostDecision.DISMISS) if self.flags else (PostDecision.HIDE,)
        if status == PostStatus.HIDDEN:
            return (PostDecision.RESTORE,)
        return ()


def _findings(post: Post) -> list[Finding]:
    found: list[Finding] = []
    for stored in post.guard_findings or []:
        try:
            kind = str(FindingKind(stored["kind"]).label)
        except (KeyError, ValueError, TypeError):
            continue
        found.append(Finding(kind, str(stored.get("excerpt", "")), int(stored.get("line", 1))))
    return found


def _items(user: Any, space: Space, posts: list[Post]) -> list[QueueItem]:
    memberships = selectors.author_memberships(space, posts)
    items = []
    for post in posts:
        post.space = space
        flags: list[Flag] = list(getattr(post, "open_flags", None) or [])
        items.append(
            QueueItem(
                post=post,
                flags=flags,
                flag_summary=selectors.flag_summary(flags),
                findings=_findings(post),
                membership=memberships.get(post.author_id),
                own=post.author_id == user.pk,
            )
        )
    return items


def _moderated_space(request: AuthenticatedRequest, pk: int) -> Space:
    _require_hub(request)
    space = access.get_space_for(request.user, pk)
    if not request.user.has_perm("hub.moderate_space", space):
        raise PermissionDenied
    return space


@login_required
def queue(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A space's moderation queue, 20 posts a page. Queries do not grow with the queue: the
    space, the counts (one query), the page's count and posts (thread and author joined), their
    open reports, the authors' settings and memberships."""
    space = _moderated_space(request, pk)
    user = request.user
    show = request.GET.get("show") or selectors.QueueKind.WAITING
    if show not in selectors.QueueKind.ALL:
        show = selectors.QueueKind.WAITING
    page = selectors.queue_page(space, show, request.GET.get("page"))
    posts = list(page.object_list)
    items = _items(user, space, posts)
    context = {
        "space": space,
        "show": show,
        "kinds": selectors.QueueKind,
        "counts": selectors.pending_counts(space),
        "page": page,
        "items": items,
        "displays": display_names([post.author for post in posts], get_language() or "en"),
        "can_manage": user.has_perm("hub.manage_spaces"),
        "decisions": PostDecision,
        "statuses": PostStatus,
        "here": request.get_full_path(),
    }
    return render(request, "hub/moderation/queue.html", context)


# --- deciding ---------------------------------------------------------------------------------


def _decide(request: AuthenticatedRequest, post: Post, action: str, reason: str) -> str:
    """Run the decision; returns the message to show."""
    user = request.user
    if action == PostDecision.APPROVE:
        services.approve_post(post=post, by=user, reason=reason)
        return _("The post is published.")
    if action == PostDecision.REJECT:
        services.reject_post(post=post, by=user, reason=reason)
        return _("The post was not approved; its author is told why.")
    if action == PostDecision.HIDE:
        services.hide_post(post=post, by=user, reason=reason)
        return _("The post is hidden; its author is told why.")
    if action == PostDecision.RESTORE:
        services.restore_post(post=post, by=user, reason=reason)
        return _("The post is published again.")
    count = services.dismiss_flags(post=post, by=user, reason=reason)
    return _("%(count)s report(s) dismissed.") % {"count": count}


@login_required
def moderate_post(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """One post with the moderator's decisions (GET), and the decision itself (POST)."""
    _require_hub(request)
    user = request.user
    post = access.get_post_for(user, pk)
    if not user.has_perm("hub.moderate_space", post.space):
        raise PermissionDenied
    queue_url = reverse("hub:moderation_queue", args=[post.space_id])
    form = PostDecisionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                text = _decide(
                    request, post, form.cleaned_data["action"], form.cleaned_data["reason"]
                )
            except ValidationError as error:
                _say(request, error)
            else:
                messages.success(request, text)
        else:
            messages.error(request, _("Choose a decision."))
        return redirect(_next_or(request, queue_url))
    items = _items(user, post.space, [selectors.post_for_moderation(post.pk)])
    context = {
        "space": post.space,
        "thread": post.thread,
        "item": items[0],
        "displays": display_names([post.author], get_language() or "en"),
        "decisions": PostDecision,
        "statuses": PostStatus,
        "here": request.get_full_path(),
        "queue_url": queue_url,
    }
    return render(request, "hub/moderation/post.html", context)


def _moderated_thread(request: AuthenticatedRequest, pk: int) -> Thread:
    _require_hub(request)
    thread = access.get_thread_for(request.user, pk)
    if not request.user.has_perm("hub.moderate_space", thread.space):
        raise PermissionDenied
    return thread


@login_required
@require_POST
def thread_lock(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    thread = _moderated_thread(request, pk)
    form = ThreadLockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to lock or unlock the thread."))
    else:
        locked = form.cleaned_data["action"] == "lock"
        services.set_thread_locked(thread=thread, by=request.user, locked=locked)
        messages.success(
            request,
            _("The thread is locked: it takes no more replies.")
            if locked
            else _("The thread is unlocked."),
        )
    return redirect(_next_or(request, reverse("hub:thread", args=[thread.pk])))


@login_required
@require_POST
def thread_pin(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    thread = _moderated_thread(request, pk)
    form = ThreadPinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to pin or unpin the thread."))
    else:
        pinned = form.cleaned_data["action"] == "pin"
        services.set_thread_pinned(thread=thread, by=request.user, pinned=pinned)
        messages.success(
            request,
            _("The thread is pinned at the top of the space.")
            if pinned
            else _("The thread is no longer pinned."),
        )
    return redirect(_next_or(request, reverse("hub:thread", args=[thread.pk])))
