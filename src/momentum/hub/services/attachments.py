"""Files attached to posts: checked before anything is saved, stored with the post.

Every file goes through ``hub.files.check_upload`` (size, type read from the content, images
encoded again without their metadata, the words extracted for the content guard)."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from momentum.hub.files import AttachmentRejected, CheckedFile, check_upload
from momentum.hub.models import Attachment, Post

DEFAULT_MAX_FILES = 5


def max_files() -> int:
    return int(getattr(settings, "HUB_ATTACHMENTS_PER_POST", DEFAULT_MAX_FILES))


def check_files(uploads: Sequence[UploadedFile]) -> list[CheckedFile]:
    """Every upload checked, or a ValidationError (field ``attachments``) naming each file
    refused and why."""
    if len(uploads) > max_files():
        raise ValidationError(
            {
                "attachments": ValidationError(
                    _("Attach at most %(count)s files to one post.") % {"count": max_files()},
                    code="too_many_files",
                )
            }
        )
    checked: list[CheckedFile] = []
    errors: list[ValidationError] = []
    for upload in uploads:
        try:
            checked.append(check_upload(upload))
        except AttachmentRejected as rejected:
            errors.append(rejected)
    if errors:
        raise ValidationError({"attachments": errors})
    return checked


def save_attachments(*, post: Post, files: Sequence[CheckedFile]) -> list[Attachment]:
    """Store ``files`` with ``post`` (the checked bytes, never the upload as sent)."""
    saved = []
    for checked in files:
        attachment = Attachment(
            post=post, name=checked.name, content_type=checked.content_type, size=checked.size
        )
        # The stored name is neutral: the shown name travels in ``name`` only.
        extension = checked.name.rpartition(".")[2].lower() if "." in checked.name else "bin"
        attachment.file.save(f"attachment.{extension}", ContentFile(checked.data), save=False)
        attachment.save()
        saved.append(attachment)
    return saved


def replace_attachments(*, post: Post, files: Sequence[CheckedFile]) -> list[Attachment]:
    """A blocked post sent again carries the files chosen this time, not the earlier ones."""
    for old in post.attachments.all():
        old.file.delete(save=False)
        old.delete()
    return save_attachments(post=post, files=files)
