"""Momentum's one settings module, configured only by ``MOMENTUM_*`` environment variables.

Defaults are safe for production (no debug, secure cookies, HSTS). ``MOMENTUM_DEMO=true``
relaxes what a local demo on plain http needs and seeds demo accounts; it is never for
production. Each variable has a ``*_FILE`` twin that reads the value from a file (secrets).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _env(name: str, default: str = "") -> str:
    path = os.environ.get(f"MOMENTUM_{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(f"MOMENTUM_{name}", default)


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"MOMENTUM_{name} must be true or false, not {value!r}")


def _env_int(name: str, default: int) -> int:
    value = _env(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"MOMENTUM_{name} must be a whole number") from exc


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


VAR_DIR = Path(_env("VAR_DIR", str(PROJECT_DIR / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEMO = _env_bool("DEMO", False)
DEBUG = _env_bool("DEBUG", False)
# Under pytest the test settings apply (cheap hashing, tasks run at once, local cache).
TESTING = _env_bool("TESTING", "pytest" in sys.modules)


def _secret_key() -> str:
    configured = _env("SECRET_KEY")
    if configured:
        return configured
    # A single machine keeps its own generated key, so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = _env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _database(url: str) -> dict[str, object]:
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "momentum.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            "TEST": {"NAME": VAR_DIR / "test.sqlite3"}
            if _env_bool("TEST_SQLITE_FILE", False)
            else {},
        }
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ImproperlyConfigured("MOMENTUM_DATABASE_URL must be a postgresql:// URL")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")) or "momentum",
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": _env_int("DATABASE_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        # No JIT compilation: the pages' queries are short, and a high cost estimate (a GIN
        # search over a common word) would spend 50-70 ms compiling before reading 20 rows.
        "OPTIONS": {"options": "-c jit=off"},
    }


DATABASES = {"default": _database(_env("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "momentum.core",
    "momentum.people",
    "momentum.training",
    "momentum.hub",
    "momentum.mentoring",
    "momentum.selfassessment",
    "momentum.exercise",
    "momentum.results",
    "momentum.governance",
    "momentum.support",
    "momentum.needs",
    "momentum.screening",
    "momentum.toolkit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "momentum.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "momentum.people.middleware.RequireMFAMiddleware",
    "momentum.people.middleware.UserTimezoneMiddleware",
]

ROOT_URLCONF = "momentum.urls"
WSGI_APPLICATION = "momentum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "momentum.core.context_processors.platform",
            ],
        },
    },
]

# Widgets are rendered with the project's templates, so that a few of Django's own (the file
# input) can speak the page's language (templates/django/forms/widgets).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "momentum.people.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Accounts: e-mail login, invitation only, MFA offered to all.
ACCOUNT_ADAPTER = "momentum.people.adapters.AccountAdapter"
MFA_ADAPTER = "momentum.people.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "10/m/ip,5/m/key",
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEMO else "https"
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEMO or DEBUG
MFA_TOTP_ISSUER = "Momentum"
# Roles whose accounts must have a second factor outside demo mode.
MOMENTUM_MFA_REQUIRED = not DEMO and _env_bool("MFA_REQUIRED", True)
INVITATION_VALID_DAYS = _env_int("INVITATION_VALID_DAYS", 14)
# Months after a session ends when participants are asked how they apply what they learned.
TRAINING_FOLLOW_UP_MONTHS = _env_int("TRAINING_FOLLOW_UP_MONTHS", 3)
# Knowledge Hub: repeated posting is slowed down; attachments are size-limited; the content
# guard lets through e-mail addresses of these institutional domains only.
HUB_POST_INTERVAL_SECONDS = _env_int("HUB_POST_INTERVAL_SECONDS", 20)
HUB_POSTS_PER_HOUR = _env_int("HUB_POSTS_PER_HOUR", 30)
HUB_ATTACHMENT_MAX_BYTES = _env_int("HUB_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
HUB_ATTACHMENTS_PER_POST = _env_int("HUB_ATTACHMENTS_PER_POST", 5)

# --- support office ---
# The mailbox askers write to and replies come from; the IMAP mailbox its answers are read
# from (``momentum fetch_support_mail``); the secret a mail relay sends to the HTTP door.
SUPPORT_ADDRESS = _env("SUPPORT_ADDRESS", "")
SUPPORT_IMAP_HOST = _env("SUPPORT_IMAP_HOST", "")
SUPPORT_IMAP_PORT = _env_int("SUPPORT_IMAP_PORT", 993)
SUPPORT_IMAP_USER = _env("SUPPORT_IMAP_USER", "")
SUPPORT_IMAP_PASSWORD = _env("SUPPORT_IMAP_PASSWORD", "")
SUPPORT_IMAP_FOLDER = _env("SUPPORT_IMAP_FOLDER", "INBOX")
SUPPORT_IMAP_SSL = _env_bool("SUPPORT_IMAP_SSL", True)
SUPPORT_INBOUND_TOKEN = _env("SUPPORT_INBOUND_TOKEN", "")
SUPPORT_REQUESTS_PER_HOUR = _env_int("SUPPORT_REQUESTS_PER_HOUR", 5)
HUB_GUARD_ALLOWED_EMAIL_DOMAINS = _env_list(
    "HUB_GUARD_ALLOWED_EMAIL_DOMAINS", "interpol.int,europa.eu"
)
# The results framework's IATI export: the activity's identifier and the reporting organisation's
# (an IATI organisation identifier, e.g. XI-IATI-… for an intergovernmental organisation).
RESULTS_IATI_IDENTIFIER = _env("RESULTS_IATI_IDENTIFIER", "XI-IATI-INTERPOL-MOMENTUM-MENA")
RESULTS_IATI_ORGANISATION = _env("RESULTS_IATI_ORGANISATION", "XI-IATI-INTERPOL")

# Languages: the URL carries the language (/ar/, /fr/, /en/).
LANGUAGE_CODE = "en"
LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["momentum.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ar", "fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr", "ar")
LANGUAGE_COOKIE_NAME = "momentum_language"
LANGUAGE_COOKIE_SECURE = not DEMO
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it, even before collectstatic
MEDIA_ROOT = VAR_DIR / "files"
MEDIA_URL = "/files/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING or DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
    }
}

# Certificates' signing keys (Ed25519), shared by every web host (momentum.training.signing).
CERTIFICATE_KEYS_DIR = Path(_env("CERTIFICATE_KEYS_DIR", str(VAR_DIR / "certificate-keys")))

# Task workers: each renews a heartbeat; a task held by a worker silent for longer than the
# lease goes back to the queue; /healthz answers 503 when no worker was seen for the silence.
WORKER_HEARTBEAT_SECONDS = float(_env("WORKER_HEARTBEAT_SECONDS", "10"))
WORKER_LEASE_SECONDS = float(_env("WORKER_LEASE_SECONDS", "60"))
WORKER_SILENCE_SECONDS = _env_int("WORKER_SILENCE_SECONDS", 120)
WORKER_MAX_ATTEMPTS = _env_int("WORKER_MAX_ATTEMPTS", 5)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "momentum_cache",
    }
}
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# E-mail.
EMAIL_BACKEND = _env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEMO
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = _env("EMAIL_HOST", "localhost")
EMAIL_PORT = _env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = _env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", "Momentum <noreply@momentum.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: production defaults; the local demo runs on plain http.
# Sessions in the database, read with a query built once per process (core.sessions).
SESSION_ENGINE = "momentum.core.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEMO
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEMO
CSRF_FAILURE_VIEW = "momentum.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = not DEMO and _env_bool("SSL_REDIRECT", True)
# A load balancer checks health over plain http inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEMO else _env_int("HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEMO
SECURE_HSTS_PRELOAD = False
if _env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Reverse proxies (addresses or networks) whose X-Forwarded-For names the client: sign-in and
# every rate limit count per client, not per proxy (momentum.core.ratelimit.client_address).
TRUSTED_PROXIES = _env_list("TRUSTED_PROXIES", "")
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is a decision for the operator.
if TESTING:
    SECURE_SSL_REDIRECT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
}

# Backups write times to the microsecond (momentum.core.backup).
SERIALIZATION_MODULES = {"exactjson": "momentum.core.fulljson"}

NINJA_PAGINATION_PER_PAGE = 50
PAGE_SIZE = 25
