"""Attachments, served only to those who may read their post (404 for everyone else).

Files are always offered as downloads under a safe name; a PNG or JPEG may be shown in the page
(``?inline=1``), sandboxed and never sniffed into anything else."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from momentum.hub.files import JPEG, PNG
from momentum.hub.models import Attachment, PostStatus
from momentum.hub.selectors import access
from momentum.people.http import AuthenticatedRequest

INLINE_TYPES = frozenset({PNG, JPEG})


@login_required
@require_GET
def download(request: AuthenticatedRequest, pk: int) -> FileResponse:
    attachment = (
        Attachment.objects.select_related("post__space", "post__thread").filter(pk=pk).first()
    )
    if attachment is None or not access.can_read_post(request.user, attachment.post):
        raise Http404
    thread = attachment.post.thread
    if thread.status != PostStatus.PUBLISHED:
        access.get_thread_for(request.user, thread.pk)
    inline = request.GET.get("inline") == "1" and attachment.content_type in INLINE_TYPES
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # FileResponse writes the name as filename*=UTF-8''… (RFC 5987) when it is not ASCII.
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
