"""Alongside settings, read from the environment.

The defaults run the embedded demo: SQLite, an in-memory channel layer and a local
cache. Production sets ALONGSIDE_PRODUCTION=1 and must then supply its secrets, or
the process refuses to start.
"""

import base64
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


IS_PRODUCTION = env_flag("ALONGSIDE_PRODUCTION")
DEBUG = env_flag("DJANGO_DEBUG") and not IS_PRODUCTION

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Django's own check (security.W009) asks for at least 50 characters: a shorter key
# can be guessed, and with it every session and password-reset link forged.
SECRET_KEY_MIN_LENGTH = 50
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Alongside will not start in production "
            "without it."
        )
    SECRET_KEY = "development-only-key-never-use-in-production"  # noqa: S105
elif IS_PRODUCTION and len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is shorter than {SECRET_KEY_MIN_LENGTH} characters. "
        "Alongside will not start in production with it: generate a long random "
        "one (docs/operations.md)."
    )

# Peers' words are sealed at rest under per-group data keys, which this master key
# wraps (see docs/operations.md, "Encryption keys"). It is the base64 of 32 random
# bytes. Keep it apart from database backups: with both, the words can be read.
DEVELOPMENT_MASTER_KEY = "ZGV2ZWxvcG1lbnQgb25seTogbmV2ZXIgaW4gcHJvZC4="
ALONGSIDE_MASTER_KEY = os.environ.get("ALONGSIDE_MASTER_KEY", "").strip()
if not ALONGSIDE_MASTER_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured(
            "ALONGSIDE_MASTER_KEY is not set. Alongside will not start in production "
            "without it."
        )
    # Development and tests only: a fixed, published key, so that the demo database
    # survives restarts. It protects nothing.
    ALONGSIDE_MASTER_KEY = DEVELOPMENT_MASTER_KEY
elif IS_PRODUCTION and ALONGSIDE_MASTER_KEY == DEVELOPMENT_MASTER_KEY:
    raise ImproperlyConfigured(
        "ALONGSIDE_MASTER_KEY is the published development key. Generate a new one."
    )
# Master keys that wrapped data keys before a rotation, comma-separated, kept only
# until `manage.py rotate_master_key` has rewrapped every data key.
ALONGSIDE_OLD_MASTER_KEYS = [
    key.strip()
    for key in os.environ.get("ALONGSIDE_OLD_MASTER_KEYS", "").split(",")
    if key.strip()
]
for _key in [ALONGSIDE_MASTER_KEY, *ALONGSIDE_OLD_MASTER_KEYS]:
    try:
        _key_length = len(base64.b64decode(_key, validate=True))
    except ValueError:
        _key_length = 0
    if _key_length != 32:
        raise ImproperlyConfigured(
            "ALONGSIDE_MASTER_KEY and ALONGSIDE_OLD_MASTER_KEYS must each be the "
            "base64 of exactly 32 random bytes."
        )

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
# Proxies (addresses or networks) whose X-Forwarded-For is believed, for the client
# address behind per-address limits (alongside/core/addresses.py). Empty: none.
ALONGSIDE_TRUSTED_PROXIES = [
    proxy.strip()
    for proxy in os.environ.get("ALONGSIDE_TRUSTED_PROXIES", "").split(",")
    if proxy.strip()
]
# Origins (scheme://host:port) besides the site's own whose pages may open its sockets
# (alongside/core/origins.py). Usually empty.
ALONGSIDE_ALLOWED_ORIGINS = [
    origin.strip().rstrip("/")
    for origin in os.environ.get("ALONGSIDE_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "alongside.core",
    "alongside.sealing",
    "alongside.accounts",
    "alongside.organisations",
    "alongside.peergroups",
    "alongside.notifications",
    "alongside.agreements",
    "alongside.conversations",
    "alongside.privateconversations",
    "alongside.safety",
    "alongside.supporters",
    "alongside.meetings",
    "alongside.access",
    "alongside.retention",
    "alongside.safetyplans",
    "alongside.insights",
    "alongside.buddying",
    "alongside.privacy",
    "alongside.today",
    "alongside.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "alongside.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "alongside.accounts.second_factor.SecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Innermost, so the page it draws gets every header the others add.
    "alongside.core.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "alongside" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alongside.core.context_processors.site",
                "alongside.notifications.context_processors.unread",
                "alongside.safety.context_processors.duty",
                "alongside.supporters.context_processors.support_work",
            ],
            # `{{ person|shown_name }}` on every page: never a sign-in name.
            "builtins": ["alongside.core.templatetags.shown_names"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'alongside.sqlite3'}"
        ),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    ),
}
# The groups' data keys live in a database of their own, backed up separately and
# kept for a short time only, so that a deleted group's words cannot be recovered
# from an old backup of the main database (docs/operations.md, "Encryption keys").
# Production must name it: keys lost with a container's disk lose every group's words.
KEYS_DATABASE_URL = os.environ.get("ALONGSIDE_KEYS_DATABASE_URL", "").strip()
if not KEYS_DATABASE_URL:
    if IS_PRODUCTION:
        raise ImproperlyConfigured(
            "ALONGSIDE_KEYS_DATABASE_URL is not set. Alongside will not start in "
            "production without a database for its data keys."
        )
    KEYS_DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'keys.sqlite3'}"
DATABASES["keys"] = dj_database_url.parse(
    KEYS_DATABASE_URL,
    conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
)
if [DATABASES["keys"].get(part) for part in ("ENGINE", "NAME", "HOST", "PORT")] == [
    DATABASES["default"].get(part) for part in ("ENGINE", "NAME", "HOST", "PORT")
]:
    raise ImproperlyConfigured(
        "ALONGSIDE_KEYS_DATABASE_URL must name a different database from DATABASE_URL."
    )
DATABASE_ROUTERS = ["alongside.sealing.routers.KeysRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.sqlite3":
        # Live sessions do their database work on one thread; opening a SQLite file
        # for every call costs more than the work itself, so the connection is kept.
        _database["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))
        _database.setdefault("OPTIONS", {})
        _database["OPTIONS"].update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.Person"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # The layer waits up to 5 s for the next event, and redis-py gives up on
            # any read after 5 s unless told otherwise; it also refuses a 101st
            # connection at once. Either would end in an error that drops a live
            # socket: a quiet spell, or a hundred people leaving together
            # (docs/performance.md, two workers).
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": 30,
                        "max_connections": 2000,
                    }
                ]
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "alongside.core.channel_layers.InMemoryChannelLayer"}
    }

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "ALONGSIDE_TASK_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts: a pseudonym and a password; an email address is optional and used only to
# recover the account or, if the person chooses, for notifications.
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SIGNUP_FORM_CLASS = "alongside.organisations.signup.SignupForm"
ACCOUNT_FORMS = {"login": "alongside.accounts.sign_in_form.LoginForm"}
ACCOUNT_ADAPTER = "alongside.accounts.adapter.AccountAdapter"
ACCOUNT_USERNAME_VALIDATORS = "alongside.accounts.adapter.sign_in_name_validators"
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
# A password reset for an address with no account sends nothing, and the page says
# the same either way: nobody learns from it whether someone uses the service.
# "strict": sign-up answers the same for an address already given by someone else
# (it is only ever used to help each account back in), and sign-in names are made
# unique by adding numbers (alongside/accounts/sign_in_names.py).
ACCOUNT_PREVENT_ENUMERATION = "strict"
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# How fast one person may add things (alongside/core/limits.py): generous for a
# person, far too slow for a script. ALONGSIDE_RATE_LIMITS_ENABLED=0 turns them off
# (the load benchmark sends faster than anyone types).
ALONGSIDE_RATE_LIMITS = (
    {
        "live_message": "30/m",
        "post": "20/10m",
        "report": "10/h",
        "signup": "20/h",
    }
    if env_flag("ALONGSIDE_RATE_LIMITS_ENABLED", True)
    else {}
)
# A cool-off after repeated failures, never a permanent lock.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    # Wrong passwords typed to erase an account (alongside.privacy.views).
    "erase_wrong_tries": "5/5m/user",
    # Wrong PINs (or passwords) typed to open a locked plan (alongside.safetyplans).
    "plan_pin_wrong_tries": "5/5m/user",
    "signup": "20/m/ip",
}
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Alongside"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if IS_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Alongside <no-reply@localhost>"
)
# Where people reach this service, e.g. https://support.example.org: emails link to it.
ALONGSIDE_SITE_URL = os.environ.get("ALONGSIDE_SITE_URL", "").strip().rstrip("/")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# In production, `collectstatic` gathers files here; elsewhere they are served from
# the apps directly.
STATIC_ROOT = BASE_DIR / "staticfiles" if IS_PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "alongside" / "static"]
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
if IS_PRODUCTION:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }

# The screening step every post passes before others see it (see
# alongside/conversations/screening.py). The safety app provides the real one.
ALONGSIDE_SCREENER = os.environ.get(
    "ALONGSIDE_SCREENER", "alongside.safety.screener.screen_for_conversations"
)
# Run after a screened post is stored: alerts the person on duty when a life may be at
# risk (see alongside/safety/screener.py).
ALONGSIDE_AFTER_SCREENING = os.environ.get(
    "ALONGSIDE_AFTER_SCREENING", "alongside.safety.screener.after_post_screened"
)

# Where the quick-exit button sends someone: an ordinary, neutral website.
QUICK_EXIT_URL = os.environ.get(
    "ALONGSIDE_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs can carry form values in tracebacks; keep them terse.
        "django.request": {"level": "ERROR", "propagate": True},
    },
}
