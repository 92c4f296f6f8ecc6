"""Checks on files attached to hub posts: size, type, metadata, name and text.

The type is read from the file's content, never from its name or the browser's word for it.
Images are decoded and encoded again, so no metadata (location, camera, comments) survives.
The text of documents is extracted for the content guard. Anything else is refused with a
sentence that names the file and says why.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TEXT = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ALLOWED = frozenset({PDF, PNG, JPEG, TEXT, DOCX, XLSX, PPTX})

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_PDF_PAGES = 50
MAX_TEXT_CHARS = 200_000
MAX_NAME_CHARS = 150
# Office documents are zip archives: what they may expand to, and how much more than they weigh.
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ARCHIVE_MEMBERS = 5_000

# The extension a file keeps (first one is given when it has none of them).
_EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg", ".jpe"),
    TEXT: (".txt", ".text", ".md", ".csv", ".log"),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    PPTX: (".pptx",),
}
_OOXML_FOLDERS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}

# Text that a browser could take for a page or a drawing is refused even as plain text.
_MARKUP_START = re.compile(r"\A\s*<\s*[a-zA-Z!?/]")
_MARKUP_ANYWHERE = re.compile(
    r"<\s*/?\s*(script|html|svg|body|iframe|object|embed|head|meta|xml)\b", re.IGNORECASE
)
# C0 controls other than tab, new line, form feed and carriage return mark a binary file.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Dropped from names: invisible direction overrides and isolates, which can make
# "photo\u202egpj.exe" read as "photoexe.jpg", and the marks that go with them.
_BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_NAME_RESERVED = re.compile(r'[<>:"/\\|?*]')


class AttachmentRejected(ValidationError):
    """The upload cannot be attached; the message says which file and why, in a sentence."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check, ready to store."""

    name: str  # safe to show: no path, no control or direction characters, right extension
    content_type: str  # read from the content
    size: int  # of ``data``
    data: bytes  # images re-encoded without metadata; other files as sent
    text: str  # the words in the file, for the content guard ("" for images)


# --- messages -----------------------------------------------------------------------------


def _too_large(name: str, max_bytes: int) -> AttachmentRejected:
    megabytes = max_bytes / (1024 * 1024)
    limit = number_format(megabytes, decimal_pos=0 if megabytes == int(megabytes) else 1)
    return AttachmentRejected(
        _("The file “%(name)s” is larger than the limit of %(limit)s MB.")
        % {"name": name, "limit": limit},
        code="too_large",
    )


def _empty(name: str) -> AttachmentRejected:
    return AttachmentRejected(_("The file “%(name)s” is empty.") % {"name": name}, code="empty")


def _unsupported(name: str) -> AttachmentRejected:
    return AttachmentRejected(
        _(
            "The file “%(name)s” is not a type the hub accepts. Attach a PDF, a PNG or JPEG "
            "image, a plain text file, or a Word, Excel or PowerPoint document."
        )
        % {"name": name},
        code="unsupported_type",
    )


def _macros(name: str) -> AttachmentRejected:
    return AttachmentRejected(
        _(
            "The file “%(name)s” contains macros, which the hub does not accept. Save it as a "
            "document without macros and attach it again."
        )
        % {"name": name},
        code="macros",
    )


def _unreadable(name: str) -> AttachmentRejected:
    return AttachmentRejected(
        _("The file “%(name)s” could not be read. It may be damaged or protected by a password.")
        % {"name": name},
        code="unreadable",
    )


def _too_many_pixels(name: str) -> AttachmentRejected:
    return AttachmentRejected(
        _("The image “%(name)s” is too large: it has more than %(limit)s million pixels.")
        % {"name": name, "limit": number_format(MAX_IMAGE_PIXELS // 1_000_000)},
        code="too_many_pixels",
    )


def _expands_too_much(name: str) -> AttachmentRejected:
    return AttachmentRejected(
        _("The file “%(name)s” expands to too much data to be checked.") % {"name": name},
        code="expands_too_much",
    )


# --- names --------------------------------------------------------------------------------


def clean_name(raw: str) -> str:
    """A name safe to show and to offer for download, without its extension fixed yet."""
    name = unicodedata.normalize("NFC", raw or "")
    name = re.split(r"[/\\]", name)[-1]
    characters = []
    for char in name:
        if char in _BIDI_CONTROLS:
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            continue
        characters.append(" " if category in ("Zl", "Zp", "Zs") else char)
    name = _NAME_RESERVED.sub("_", "".join(characters))
    name = " ".join(name.split()).strip(" .")
    return name or "attachment"


def _with_extension(name: str, content_type: str) -> str:
    """``name`` ending with an extension that matches ``content_type``, at most 150 chars."""
    accepted = _EXTENSIONS[content_type]
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    extension = f".{extension.lower()}" if extension else ""
    if extension in accepted:
        pass
    elif extension and extension[1:].isascii() and extension[1:].isalpha() and len(extension) <= 6:
        # A wrong extension ("photo.txt" for a PNG) is replaced; anything else is part of the
        # name ("minutes 12.03") and the right extension is added after it.
        extension = accepted[0]
    else:
        stem, extension = name, accepted[0]
    stem = stem[: MAX_NAME_CHARS - len(extension)].rstrip(" .") or "attachment"
    return f"{stem}{extension}"


# --- reading ------------------------------------------------------------------------------


def _read_limited(uploaded: UploadedFile, *, name: str, max_bytes: int) -> bytes:
    """The upload's bytes, refusing as soon as they pass ``max_bytes`` (whatever .size says)."""
    if uploaded.size is not None and uploaded.size > max_bytes:
        raise _too_large(name, max_bytes)
    buffer = bytearray()
    for chunk in uploaded.chunks():
        buffer.extend(chunk)
        if len(buffer) > max_bytes:
            raise _too_large(name, max_bytes)
    return bytes(buffer)


def _sniff(data: bytes, *, name: str) -> str:
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _ooxml_type(data, name=name)
    if _looks_like_plain_text(data):
        return TEXT
    raise _unsupported(name)


def _decode_text(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if _BINARY_CONTROLS.search(text):
        return None
    return text


def _looks_like_plain_text(data: bytes) -> bool:
    text = _decode_text(data)
    if text is None:
        return False
    head = text[:1024]
    return not (_MARKUP_START.match(head) or _MARKUP_ANYWHERE.search(head))


# --- office documents ---------------------------------------------------------------------


def _open_zip(data: bytes, *, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _unreadable(name) from error


def _ooxml_type(data: bytes, *, name: str) -> str:
    """The Office type of a zip archive, or a refusal for any other archive."""
    with _open_zip(data, name=name) as archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise _unsupported(name)
        kinds = {
            content_type
            for folder, content_type in _OOXML_FOLDERS.items()
            if any(member.startswith(folder) for member in names)
        }
        if len(kinds) != 1:
            raise _unsupported(name)
        if any(member.lower().endswith("vbaproject.bin") for member in names):
            raise _macros(name)
        content_types = _read_member(archive, "[Content_Types].xml", name=name, budget=1 << 20)
        if b"macroenabled" in content_types.lower() or b"vbaproject" in content_types.lower():
            raise _macros(name)
        return kinds.pop()


def _read_member(archive: zipfile.ZipFile, member: str, *, name: str, budget: int) -> bytes:
    """A member's bytes, never more than ``budget`` whatever its header claims."""
    try:
        with archive.open(member) as stream:
            content = stream.read(budget + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as error:
        # RuntimeError: encrypted member; NotImplementedError: unknown compression.
        raise _unreadable(name) from error
    if len(content) > budget:
        raise _expands_too_much(name)
    return content


def _natural_key(member: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", member)]


def _ooxml_text(data: bytes, content_type: str, *, name: str) -> str:
    folder = next(folder for folder, kind in _OOXML_FOLDERS.items() if kind == content_type)
    with _open_zip(data, name=name) as archive:
        members = archive.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise _expands_too_much(name)
        declared = sum(member.file_size for member in members)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise _expands_too_much(name)
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_COMPRESSION_RATIO * max(
                member.compress_size, 1
            ):
                raise _expands_too_much(name)
        parts = sorted(
            (
                member.filename
                for member in members
                if member.filename.startswith(folder) and member.filename.endswith(".xml")
            ),
            key=_natural_key,
        )
        # Headers can lie about sizes: count what is actually read as well.
        budget = MAX_UNCOMPRESSED_BYTES
        texts: list[str] = []
        length = 0
        for part in parts:
            content = _read_member(archive, part, name=name, budget=budget)
            budget -= len(content)
            text = _xml_text(content, name=name)
            if text:
                texts.append(text)
                length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
    return "\n".join(texts)


# Elements whose text is the document's words, and those that end a line or a cell.
_TEXT_ELEMENTS = frozenset({"t", "v"})
_LINE_ELEMENTS = frozenset({"p", "si", "row", "br", "cr"})
_SPACE_ELEMENTS = frozenset({"tab", "c", "tc"})


class _UnsafeXml(Exception):
    pass


def _xml_text(content: bytes, *, name: str) -> str:
    """The words of one Office XML part, refusing document types and entity declarations.

    Parsed with expat directly so a DOCTYPE or ENTITY is refused before anything is expanded
    (the same care as defusedxml), whatever the part's encoding.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    pieces: list[str] = []
    depth = [0]  # inside how many text elements

    def refuse(*_args: object) -> None:
        raise _UnsafeXml

    def start(tag: str, _attrs: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] in _TEXT_ELEMENTS:
            depth[0] += 1

    def end(tag: str) -> None:
        local = tag.rpartition(" ")[2]
        if local in _TEXT_ELEMENTS:
            depth[0] -= 1
        elif local in _LINE_ELEMENTS:
            pieces.append("\n")
        elif local in _SPACE_ELEMENTS:
            pieces.append(" ")

    def characters(text: str) -> None:
        if depth[0] > 0:
            pieces.append(text)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(content, True)
    except _UnsafeXml as error:
        raise _unsupported(name) from error
    except expat.ExpatError as error:
        raise _unreadable(name) from error
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


# --- PDF ----------------------------------------------------------------------------------


def _pdf_text(data: bytes, *, name: str) -> str:
    from pypdf import PdfReader

    texts: list[str] = []
    length = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise _unreadable(name)
            for page in reader.pages[:MAX_PDF_PAGES]:
                text = page.extract_text() or ""
                texts.append(text)
                length += len(text)
                if length >= MAX_TEXT_CHARS:
                    break
    except AttachmentRejected:
        raise
    except Exception as error:  # a broken file makes pypdf raise errors of many kinds
        raise _unreadable(name) from error
    return "\n".join(texts)


# --- images -------------------------------------------------------------------------------


def _clean_image(data: bytes, content_type: str, *, name: str) -> bytes:
    """The image encoded again, upright, with no metadata of any kind."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                expected = "PNG" if content_type == PNG else "JPEG"
                if image.format != expected:
                    raise _unsupported(name)
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _too_many_pixels(name)
                image.load()
                upright = ImageOps.exif_transpose(image) or image
    except AttachmentRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise _unreadable(name) from error

    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    if content_type == PNG:
        mode = "RGBA" if has_alpha else ("L" if upright.mode in ("1", "L") else "RGB")
    else:
        mode = "L" if upright.mode == "L" else "RGB"
    converted = upright.convert(mode)
    # A new image from the pixels alone: no EXIF, GPS, XMP, ICC profile or comment can follow.
    bare = Image.frombytes(mode, converted.size, converted.tobytes())
    output = io.BytesIO()
    if content_type == PNG:
        # Full optimisation of a very large PNG would take seconds; the default level is enough.
        bare.save(output, "PNG", optimize=bare.width * bare.height <= 4_000_000)
    else:
        bare.save(output, "JPEG", quality=90, optimize=True)
    return output.getvalue()


# --- the check ----------------------------------------------------------------------------


def _truncate(text: str) -> str:
    return text[:MAX_TEXT_CHARS]


def check_upload(uploaded: UploadedFile, *, max_bytes: int | None = None) -> CheckedFile:
    """Check an uploaded attachment, or raise :class:`AttachmentRejected` saying why."""
    limit = (
        max_bytes
        if max_bytes is not None
        else int(getattr(settings, "HUB_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))
    )
    shown = clean_name(uploaded.name or "")
    data = _read_limited(uploaded, name=shown, max_bytes=limit)
    if not data:
        raise _empty(shown)
    content_type = _sniff(data, name=shown)
    text = ""
    if content_type in (PNG, JPEG):
        data = _clean_image(data, content_type, name=shown)
    elif content_type == PDF:
        text = _pdf_text(data, name=shown)
    elif content_type == TEXT:
        text = _decode_text(data) or ""
    else:
        text = _ooxml_text(data, content_type, name=shown)
    return CheckedFile(
        name=_with_extension(shown, content_type),
        content_type=content_type,
        size=len(data),
        data=data,
        text=_truncate(text),
    )


def accepted_extensions() -> tuple[str, ...]:
    """Every extension a checked file may end with, for a file input's ``accept`` hint."""
    return tuple(extension for extensions in _EXTENSIONS.values() for extension in extensions)
