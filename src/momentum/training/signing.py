"""Certificates anyone can check without a network: an Ed25519 signature in the QR code.

The QR code of a certificate holds its verification address and, after ``#``, a signed
statement: the holder's name in both scripts, the course, the dates and the code. The
programme's public keys are published at ``/.well-known/momentum-certificate-keys.json`` and
written into the offline verification page, which checks the signature on the phone (WebCrypto
Ed25519) once it has been loaded, with no network. Revocation cannot be known offline: the
page says so, and the online page stays the authority.

Keys live in ``CERTIFICATE_KEYS_DIR`` (``MOMENTUM_CERTIFICATE_KEYS_DIR``, default
``var/certificate-keys``; shared by every web host): ``<key id>.key`` is a private key (PEM),
``<key id>.pub`` its public half. The newest private key signs. ``rotate_key`` makes a new
one and deletes the older private keys but keeps their public halves, so every certificate
signed before stays valid.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string

VERSION = 1


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _keys_dir() -> Path:
    directory = Path(settings.CERTIFICATE_KEYS_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@dataclass(frozen=True)
class PublicKey:
    kid: str
    raw: bytes

    def as_jwk(self) -> dict[str, str]:
        return {
            "kty": "OKP",
            "crv": "Ed25519",
            "alg": "EdDSA",
            "kid": self.kid,
            "x": _b64(self.raw),
        }


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def rotate_key() -> str:
    """Make a new signing key (the one used from now on); older private keys are deleted,
    their public halves kept. Returns the new key's id."""
    directory = _keys_dir()
    kid = f"{timezone.now():%Y%m%d%H%M%S}-{get_random_string(6).lower()}"
    private = Ed25519PrivateKey.generate()
    key_file = directory / f"{kid}.key"
    key_file.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    (directory / f"{kid}.pub").write_text(_b64(_raw_public(private.public_key())), "ascii")
    for older in directory.glob("*.key"):
        if older != key_file:
            older.unlink()
    return kid


def _signing_key() -> tuple[str, Ed25519PrivateKey]:
    keys = sorted(_keys_dir().glob("*.key"))
    if not keys:
        rotate_key()
        keys = sorted(_keys_dir().glob("*.key"))
    path = keys[-1]
    private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(private, Ed25519PrivateKey)
    return path.stem, private


def public_keys() -> list[PublicKey]:
    """Every public key that ever signed, newest first."""
    if not any(_keys_dir().glob("*.pub")):
        _signing_key()
    return [
        PublicKey(kid=path.stem, raw=_unb64(path.read_text("ascii").strip()))
        for path in sorted(_keys_dir().glob("*.pub"), reverse=True)
    ]


def statement(certificate: Any) -> dict[str, Any]:
    """What the signature vouches for."""
    return {
        "v": VERSION,
        "code": certificate.code,
        "name": certificate.holder_name,
        "name_ar": certificate.holder_name_ar,
        # The course in the certificate's language (the QR code stays easy to scan).
        "course": {certificate.language: certificate.title_in(certificate.language)},
        "from": certificate.starts_on.isoformat(),
        "to": certificate.ends_on.isoformat(),
        "issued": certificate.issued_on.isoformat(),
        "expires": certificate.expires_on.isoformat() if certificate.expires_on else None,
    }


def sign(certificate: Any) -> str:
    """``<key id>.<statement>.<signature>`` (base64url): what follows ``#`` in the QR code."""
    kid, private = _signing_key()
    body = json.dumps(
        statement(certificate), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    ).encode("utf-8")
    signed = f"{kid}.{_b64(body)}".encode("ascii")
    return f"{kid}.{_b64(body)}.{_b64(private.sign(signed))}"


def verify(token: str) -> dict[str, Any] | None:
    """The statement of a genuine token, None otherwise (what the offline page does)."""
    try:
        kid, body, signature = token.strip().split(".")
    except ValueError:
        return None
    for key in public_keys():
        if key.kid == kid:
            try:
                Ed25519PublicKey.from_public_bytes(key.raw).verify(
                    _unb64(signature), f"{kid}.{body}".encode("ascii")
                )
            except (InvalidSignature, ValueError):
                return None
            return dict(json.loads(_unb64(body)))
    return None
