"""Configuration: the only module that reads the environment."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


class ConfigError(RuntimeError):
    """Raised when the site cannot start safely with the settings it was given."""


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Hosting panels often hand out postgres:// URLs; psycopg 3 is the driver we ship.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _dev_secret_key() -> str:
    """A random key kept in instance/ so a developer's sign-in survives a restart."""
    INSTANCE.mkdir(exist_ok=True)
    path = INSTANCE / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    ENV_NAME = "production"
    TESTING = False
    SQLALCHEMY_DATABASE_URI = ""
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SQLITE_BUSY_TIMEOUT_MS = 5000

    ORGANISATION_NAME = os.environ.get("WITHUS_ORGANISATION", "WithUs")
    TIME_ZONE = os.environ.get("WITHUS_TIME_ZONE", "Europe/London")

    # Served over HTTPS (directly or behind a proxy that says so): secure, __Host- cookies and HSTS.
    HTTPS = _flag("WITHUS_HTTPS")
    PROXY_COUNT = int(os.environ.get("WITHUS_PROXY_COUNT", "0"))

    # A slow participant must never lose answers to an expired form: the token lives as long as
    # the session cookie instead of one hour.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = True

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = False
    RATELIMIT_ENABLED = True
    # Only failed sign-ins count. Per email address, and more loosely per network address, so
    # colleagues behind one office router do not lock each other out.
    SIGN_IN_LIMIT = os.environ.get("WITHUS_SIGN_IN_LIMIT", "10 per 15 minutes")
    SIGN_IN_ADDRESS_LIMIT = os.environ.get("WITHUS_SIGN_IN_ADDRESS_LIMIT", "50 per 15 minutes")
    # A participant's emailed code: SIGN_IN_LIMIT wrong guesses per person and network address,
    # this many per person from everywhere (app/me/views.py).
    SIGN_IN_PERSON_LIMIT = os.environ.get("WITHUS_SIGN_IN_PERSON_LIMIT", "30 per 15 minutes")
    ME_EMAIL_PERSON_LIMIT = os.environ.get("WITHUS_ME_EMAIL_PERSON_LIMIT", "15 per 15 minutes")
    # See app/auth/throttle.py: one address on one account, and a browser this person used before.
    SIGN_IN_PAIR_LIMIT = os.environ.get("WITHUS_SIGN_IN_PAIR_LIMIT", "5 per 15 minutes")
    SIGN_IN_DEVICE_LIMIT = os.environ.get("WITHUS_SIGN_IN_DEVICE_LIMIT", "10 per 15 minutes")
    TWO_STEP_LIMIT = os.environ.get("WITHUS_TWO_STEP_LIMIT", "5 per 15 minutes")
    RESUME_LIMIT = os.environ.get("WITHUS_RESUME_LIMIT", "10 per 15 minutes")
    # Public pages drawn once and shared by visitors with nothing of their own on them
    # (app/core/shared_pages.py). Off only to compare against, never needed for correctness.
    SHARED_PAGES = _flag("WITHUS_SHARED_PAGES", default=True)
    SURVEY_RESUME_DAYS = int(os.environ.get("WITHUS_RESUME_DAYS", "30"))

    STAFF_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("WITHUS_IDLE_MINUTES", "30")))
    PERMANENT_SESSION_LIFETIME = timedelta(days=30)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    SEND_FILE_MAX_AGE_DEFAULT = timedelta(days=365)
    MAX_CONTENT_LENGTH = 12 * 1024 * 1024

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = _flag("MAIL_USE_TLS")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "withus@localhost")
    # Trying WithUs on one's own computer: emails are written to the terminal instead of sent,
    # so the demo's emailed sign-in codes can be read there. Only ever on in development.
    MAIL_TO_TERMINAL = False
    # The site's address as people reach it. Every absolute link (emailed sign-in links, the
    # feed, printed cards, messages sent later by a command) is built from it, never from the
    # request's Host header, which anyone can forge. Requests for any other host are refused.
    PUBLIC_URL = ""
    # Other names the site answers to, e.g. the address a container health check uses.
    EXTRA_HOSTS: list[str] = [
        name.strip() for name in os.environ.get("WITHUS_EXTRA_HOSTS", "").split(",") if name.strip()
    ]
    # Sending notifications: tries before giving up, and how long a claimed message is left
    # before a sender assumes the one that claimed it stopped.
    NOTIFY_MAX_ATTEMPTS = int(os.environ.get("WITHUS_NOTIFY_MAX_ATTEMPTS", "8"))
    NOTIFY_LEASE_SECONDS = int(os.environ.get("WITHUS_NOTIFY_LEASE_SECONDS", "600"))

    def __init__(self) -> None:
        self.SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE / 'withus.db'}")
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or self._missing_secret_key()
        self.PUBLIC_URL = public_url(
            os.environ.get("WITHUS_PUBLIC_URL") or self._missing_public_url()
        )
        self.TRUSTED_HOSTS = trusted_hosts(self.PUBLIC_URL, self.EXTRA_HOSTS)
        self.SESSION_COOKIE_SECURE = self.HTTPS
        self.SESSION_COOKIE_NAME = "__Host-session" if self.HTTPS else "session"
        self.PREFERRED_URL_SCHEME = "https" if self.HTTPS else "http"

    def _missing_secret_key(self) -> str:
        raise ConfigError(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example the output of: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(48))') before starting WithUs."
        )

    def _missing_public_url(self) -> str:
        raise ConfigError(
            "WITHUS_PUBLIC_URL is not set. Set it to the site's address as people reach it, for "
            "example https://withus.example.org, before starting WithUs."
        )


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    EXTRA_HOSTS = [*Config.EXTRA_HOSTS, "localhost", "127.0.0.1"]

    @property
    def MAIL_TO_TERMINAL(self) -> bool:  # noqa: N802 - Flask reads upper-case names
        return not os.environ.get("MAIL_SERVER")

    def _missing_secret_key(self) -> str:
        return _dev_secret_key()

    def _missing_public_url(self) -> str:
        return "http://127.0.0.1:5000"


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    QUICK_PASSWORD_HASHES = True
    SERVER_NAME = None
    # The test client's host; the browser tests' live server answers on 127.0.0.1.
    EXTRA_HOSTS = ["127.0.0.1"]

    def __init__(self) -> None:
        super().__init__()
        self.PUBLIC_URL = "http://localhost"
        self.TRUSTED_HOSTS = trusted_hosts(self.PUBLIC_URL, self.EXTRA_HOSTS)
        # The suite builds its own database; DATABASE_URL picks PostgreSQL instead of SQLite.
        self.SQLALCHEMY_DATABASE_URI = _database_url(
            os.environ.get("TEST_DATABASE_URL", f"sqlite:///{INSTANCE / 'test.db'}")
        )

    def _missing_secret_key(self) -> str:
        return "testing-only-key-" + "x" * 32

    def _missing_public_url(self) -> str:
        return "http://localhost"


def public_url(raw: str) -> str:
    """The configured site address, checked: http(s), a host, nothing after the path."""
    parts = urlsplit(raw.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(
            f"WITHUS_PUBLIC_URL must look like https://withus.example.org, not {raw!r}."
        )
    return raw.strip().rstrip("/")


def trusted_hosts(public: str, extra: list[str]) -> list[str]:
    """Flask's TRUSTED_HOSTS: the public address's host name and any extra names given."""
    host = urlsplit(public).hostname or ""
    return list(dict.fromkeys([host, *extra]))


CONFIGS = {
    "development": DevelopmentConfig,
    "production": Config,
    "testing": TestingConfig,
}


def load_config(name: str | None = None) -> Config:
    """Build the config object named by WITHUS_ENV (production when unset)."""
    name = name or os.environ.get("WITHUS_ENV", "production")
    if name not in CONFIGS:
        raise ConfigError(f"WITHUS_ENV must be one of {', '.join(CONFIGS)}, not {name!r}.")
    return CONFIGS[name]()
