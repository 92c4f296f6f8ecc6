"""Attachments: size limit, type read from content, metadata stripped, safe names, text."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter

from momentum.hub import files
from momentum.hub.files import AttachmentRejected, check_upload, clean_name

# --- builders -----------------------------------------------------------------------------


def _upload(name: str, data: bytes, content_type: str = "application/octet-stream"):  # type: ignore[no-untyped-def]
    return SimpleUploadedFile(name, data, content_type=content_type)


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF showing ``text``, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType="{content_type}"/>'
    "</Types>"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_xml(*paragraphs: str) -> str:
    body = "".join(
        f"<w:p><w:r><w:t>{first}</w:t></w:r><w:r><w:t>{rest}</w:t></w:r></w:p>"
        for first, rest in (_split(text) for text in paragraphs)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )


def _split(text: str) -> tuple[str, str]:
    # Word splits words across runs; the extraction must join them back.
    middle = len(text) // 2
    return text[:middle], text[middle:]


def _zip(parts: dict[str, str | bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _docx(*paragraphs: str, extra: dict[str, str | bytes] | None = None) -> bytes:
    content_type = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _CONTENT_TYPES.format(
            main="word/document.xml", content_type=content_type
        ),
        "word/document.xml": _docx_xml(*paragraphs),
    }
    parts.update(extra or {})
    return _zip(parts)


def _xlsx(*strings: str) -> bytes:
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    return _zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES.format(
                main="xl/workbook.xml", content_type=content_type
            ),
            "xl/workbook.xml": f'<workbook xmlns="{ns}"/>',
            "xl/sharedStrings.xml": f'<sst xmlns="{ns}">{shared}</sst>',
            "xl/worksheets/sheet1.xml": (
                f'<worksheet xmlns="{ns}"><sheetData><row><c t="s"><v>0</v></c>'
                "<c><v>42</v></c></row></sheetData></worksheet>"
            ),
        }
    )


def _pptx(*slides: str) -> bytes:
    content_type = (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    )
    ns_a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    ns_p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _CONTENT_TYPES.format(
            main="ppt/presentation.xml", content_type=content_type
        ),
        "ppt/presentation.xml": f'<p:presentation xmlns:p="{ns_p}"/>',
    }
    for number, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<p:sld xmlns:p="{ns_p}" xmlns:a="{ns_a}"><a:p><a:r><a:t>{text}</a:t></a:r></a:p>'
            "</p:sld>"
        )
    return _zip(parts)


def _jpeg_with_gps(size: tuple[int, int] = (40, 20), orientation: int = 6) -> bytes:
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (31.0, 57.0, 12.0)
    gps[3] = "E"
    gps[4] = (35.0, 55.0, 48.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"Amman safe house")
    return buffer.getvalue()


def _png(size: tuple[int, int] = (10, 10), **save_options) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 0, 128)).save(buffer, "PNG", **save_options)
    return buffer.getvalue()


def _code(error: pytest.ExceptionInfo[AttachmentRejected]) -> str:
    return str(error.value.code)


def _message(error: pytest.ExceptionInfo[AttachmentRejected]) -> str:
    return str(error.value.messages[0])


# --- accepted types -----------------------------------------------------------------------


def test_pdf_is_accepted_with_its_text() -> None:
    checked = check_upload(_upload("report.pdf", _pdf_with_text("Border crossing report")))

    assert checked.content_type == "application/pdf"
    assert checked.name == "report.pdf"
    assert "Border crossing report" in checked.text
    assert checked.size == len(checked.data)


def test_docx_text_is_extracted_with_words_joined_across_runs() -> None:
    checked = check_upload(_upload("notes.docx", _docx("First paragraph", "Second one")))

    assert checked.content_type == files.DOCX
    assert checked.text == "First paragraph\nSecond one"


def test_xlsx_text_is_extracted() -> None:
    checked = check_upload(_upload("figures.xlsx", _xlsx("Seizures 2024", "نتائج")))

    assert checked.content_type == files.XLSX
    assert "Seizures 2024" in checked.text
    assert "نتائج" in checked.text
    assert "42" in checked.text


def test_workbook_saved_by_openpyxl_is_accepted() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Country", "Officers trained"])
    sheet.append(["الأردن", 37])
    buffer = io.BytesIO()
    workbook.save(buffer)

    checked = check_upload(_upload("results.xlsx", buffer.getvalue()))

    assert checked.content_type == files.XLSX
    assert "Officers trained" in checked.text
    assert "الأردن" in checked.text
    assert "37" in checked.text


def test_pptx_slides_are_read_in_order() -> None:
    slides = [f"Slide {number}" for number in range(1, 12)]
    checked = check_upload(_upload("deck.pptx", _pptx(*slides)))

    assert checked.content_type == files.PPTX
    assert checked.text.split("\n") == slides


def test_plain_text_is_decoded_and_kept_as_sent() -> None:
    data = "\ufeffملاحظات الاجتماع\nMeeting notes".encode()
    checked = check_upload(_upload("notes.txt", data, "text/plain"))

    assert checked.content_type == "text/plain"
    assert checked.text == "ملاحظات الاجتماع\nMeeting notes"
    assert checked.data == data


def test_extracted_text_is_truncated() -> None:
    data = ("word " * 50_000).encode()
    checked = check_upload(_upload("long.txt", data))

    assert len(checked.text) == files.MAX_TEXT_CHARS


# --- type by content, never by name -------------------------------------------------------


def test_executable_renamed_pdf_is_refused() -> None:
    data = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200)

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("report.pdf", data, "application/pdf"))

    assert _code(error) == "unsupported_type"
    assert "report.pdf" in _message(error)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body>hi</body></html>",
        b"  <html><script>alert(1)</script></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"<?xml version='1.0'?><root/>",
        b"Dear all,\n<script>alert(1)</script>",
        b"<SCRIPT>alert(1)</SCRIPT>",
    ],
)
def test_markup_sent_as_text_is_refused(data: bytes) -> None:
    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("notes.txt", data, "text/plain"))

    assert _code(error) == "unsupported_type"


def test_text_with_a_mathematical_less_than_is_accepted() -> None:
    checked = check_upload(_upload("maths.txt", b"if a < b and b > c then a < c"))

    assert checked.content_type == "text/plain"


def test_binary_and_non_utf8_data_are_refused() -> None:
    with pytest.raises(AttachmentRejected):
        check_upload(_upload("a.txt", b"abc\x00def"))
    with pytest.raises(AttachmentRejected):
        check_upload(_upload("b.txt", "café".encode("latin-1")))


def test_plain_zip_is_refused() -> None:
    data = _zip({"readme.txt": "hello", "tool.exe": b"MZ"})

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("archive.docx", data))

    assert _code(error) == "unsupported_type"


def test_png_named_txt_gets_a_png_name() -> None:
    checked = check_upload(_upload("photo.txt", _png(), "text/plain"))

    assert checked.content_type == "image/png"
    assert checked.name == "photo.png"


def test_extension_is_added_when_the_name_has_none() -> None:
    assert check_upload(_upload("minutes 12.03", _pdf_with_text("x"))).name == "minutes 12.03.pdf"
    assert check_upload(_upload("scan", _jpeg_with_gps())).name == "scan.jpg"
    assert check_upload(_upload("photo.JPEG", _jpeg_with_gps())).name == "photo.jpeg"


# --- macros and archives ------------------------------------------------------------------


def test_macro_enabled_document_is_refused() -> None:
    data = _docx("Hello", extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("letter.docx", data))

    assert _code(error) == "macros"


def test_macro_content_type_is_refused_even_without_the_macro_part() -> None:
    content_type = "application/vnd.ms-word.document.macroEnabled.main+xml"
    data = _zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES.format(
                main="word/document.xml", content_type=content_type
            ),
            "word/document.xml": _docx_xml("Hello"),
        }
    )

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("letter.docx", data))

    assert _code(error) == "macros"


def test_document_that_expands_hugely_is_refused() -> None:
    filler = "<w:p><w:r><w:t>" + "a" * (3 * 1024 * 1024) + "</w:t></w:r></w:p>"
    data = _docx("Hello", extra={"word/filler.xml": f'<w:body xmlns:w="{_W}">{filler}</w:body>'})
    assert len(data) < 100_000  # small on the wire

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("bomb.docx", data))

    assert _code(error) == "expands_too_much"


def test_document_larger_than_the_total_uncompressed_limit_is_refused(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "MAX_UNCOMPRESSED_BYTES", 1000)

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("big.docx", _docx("x" * 2000)))

    assert _code(error) == "expands_too_much"


def test_document_with_entity_declarations_is_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    data = _docx(extra={"word/document.xml": laughs})

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("lol.docx", data))

    assert _code(error) == "unsupported_type"


def test_utf16_document_with_a_doctype_is_refused() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    data = _docx(extra={"word/document.xml": xml.encode("utf-16")})

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("x.docx", data))

    assert _code(error) == "unsupported_type"


def test_broken_document_xml_is_refused_as_unreadable() -> None:
    data = _docx(extra={"word/document.xml": "<w:document><unclosed>"})

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("broken.docx", data))

    assert _code(error) == "unreadable"


# --- PDFs ---------------------------------------------------------------------------------


def test_encrypted_pdf_is_refused_as_unreadable() -> None:
    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("secret.pdf", _encrypted_pdf()))

    assert _code(error) == "unreadable"
    assert "secret.pdf" in _message(error)


def test_broken_pdf_is_refused_as_unreadable() -> None:
    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50))

    assert _code(error) == "unreadable"


# --- size ---------------------------------------------------------------------------------


def test_file_over_the_limit_is_refused_with_the_limit_in_mb(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HUB_ATTACHMENT_MAX_BYTES = 1024 * 1024

    with translation.override("en"), pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("big.txt", b"a" * (1024 * 1024 + 1)))

    assert _code(error) == "too_large"
    assert _message(error) == "The file “big.txt” is larger than the limit of 1 MB."


def test_file_at_the_limit_is_accepted(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HUB_ATTACHMENT_MAX_BYTES = 1000

    assert check_upload(_upload("ok.txt", b"a" * 1000)).size == 1000


def test_size_is_counted_from_the_bytes_not_the_declared_size() -> None:
    upload = _upload("big.txt", b"a" * 5000)
    upload.size = 10  # a lying size

    with pytest.raises(AttachmentRejected) as error:
        check_upload(upload, max_bytes=1000)

    assert _code(error) == "too_large"


def test_empty_file_is_refused() -> None:
    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("empty.txt", b""))

    assert _code(error) == "empty"


# --- images -------------------------------------------------------------------------------


def test_jpeg_loses_gps_exif_and_comment_and_is_turned_upright() -> None:
    original = _jpeg_with_gps(size=(40, 20), orientation=6)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    checked = check_upload(_upload("IMG_0001.jpg", original, "image/jpeg"))

    cleaned = Image.open(io.BytesIO(checked.data))
    assert checked.content_type == "image/jpeg"
    assert cleaned.format == "JPEG"
    assert cleaned.size == (20, 40)  # rotated by the orientation tag, which is then gone
    assert not cleaned.getexif()
    assert "exif" not in cleaned.info and "comment" not in cleaned.info
    assert b"Exif" not in checked.data
    assert b"PhoneMaker" not in checked.data
    assert b"Amman safe house" not in checked.data
    assert checked.text == ""


def test_png_loses_exif_text_chunks_and_icc_profile() -> None:
    from PIL import ImageCms
    from PIL.PngImagePlugin import PngInfo

    exif = Image.Exif()
    exif.get_ifd(0x8825)[1] = "N"
    info = PngInfo()
    info.add_text("Location", "31.95N 35.93E")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = _png(exif=exif, pnginfo=info, icc_profile=icc)
    assert b"31.95N" in original

    checked = check_upload(_upload("map.png", original))

    cleaned = Image.open(io.BytesIO(checked.data))
    assert cleaned.mode == "RGBA"
    assert not cleaned.getexif()
    assert not set(cleaned.info) & {"exif", "Location", "icc_profile"}
    assert b"31.95N" not in checked.data


def test_image_over_40_megapixels_is_refused(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "MAX_IMAGE_PIXELS", 99)

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("huge.png", _png(size=(10, 10))))

    assert _code(error) == "too_many_pixels"


def test_decompression_bomb_png_is_refused_before_decoding() -> None:
    # A 10000 x 5000 one-bit image: 50 megapixels, a few kilobytes on the wire.
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 100_000

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("bomb.png", buffer.getvalue()))

    assert _code(error) == "too_many_pixels"


def test_truncated_image_is_refused_as_unreadable() -> None:
    data = _jpeg_with_gps(size=(200, 200))[:300]

    with pytest.raises(AttachmentRejected) as error:
        check_upload(_upload("cut.jpg", data))

    assert _code(error) == "unreadable"


# --- names --------------------------------------------------------------------------------


def test_name_keeps_arabic_letters() -> None:
    checked = check_upload(_upload("تقرير.pdf", _pdf_with_text("x")))

    assert checked.name == "تقرير.pdf"


def test_bidi_override_in_name_is_removed() -> None:
    # Shown as "photoexe.jpg" with the override; really "photo\u202egpj.exe".
    checked = check_upload(_upload("photo\u202egpj.exe", _jpeg_with_gps()))

    assert "\u202e" not in checked.name
    assert checked.name == "photogpj.jpg"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\report.pdf", "report.pdf"),
        ("a\u2066b\u2069c\u200fd\x00e\x1bf.txt", "abcdef.txt"),
        ('<img src=x onerror="alert(1)">.txt', "_img src=x onerror=_alert(1)__.txt"),
        ("   ", "attachment"),
        (".hidden", "hidden"),
        ("line\u2028break.txt", "line break.txt"),
    ],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


def test_long_name_is_cut_to_150_characters_keeping_the_extension() -> None:
    checked = check_upload(_upload("ب" * 300 + ".pdf", _pdf_with_text("x")))

    assert len(checked.name) == 150
    assert checked.name.endswith(".pdf")
