"""Files attached to requests: checked exactly like the hub's attachments (through the hub's
service), stored with the request."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from momentum.hub.services.attachments import AttachmentRejected, CheckedFile, check_upload
from momentum.support.models import Attachment, Message, Request

DEFAULT_MAX_FILES = 5


def max_files() -> int:
    return int(getattr(settings, "SUPPORT_ATTACHMENTS_PER_MESSAGE", DEFAULT_MAX_FILES))


def check_files(uploads: Sequence[UploadedFile]) -> list[CheckedFile]:
    """Every upload checked, or a ValidationError (field ``attachments``) naming each file
    refused and why."""
    if len(uploads) > max_files():
        raise ValidationError(
            {
                "attachments": ValidationError(
                    _("Attach at most %(count)s files to one message.") % {"count": max_files()},
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


def check_one(upload: UploadedFile) -> CheckedFile:
    """One file checked, or :class:`AttachmentRejected` saying why (e-mailed attachments)."""
    return check_upload(upload)


def save_files(*, request: Request, message: Message, files: Sequence[CheckedFile]) -> None:
    for checked in files:
        attachment = Attachment(
            request=request,
            message=message,
            name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
        )
        extension = checked.name.rpartition(".")[2].lower() if "." in checked.name else "bin"
        attachment.file.save(f"attachment.{extension}", ContentFile(checked.data), save=False)
        attachment.save()


__all__ = ["AttachmentRejected", "CheckedFile", "check_files", "check_one", "save_files"]
