"""Settings for Posyandu ILP, read from the environment.

With nothing set, the app runs on an embedded default: SQLite in the project folder and
Celery tasks executed eagerly in the web process. Production sets DATABASE_URL (PostgreSQL),
CELERY_BROKER_URL (Redis), SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)
# A key known to everyone signs nobody's session: only the quick start (DEBUG on) has a default.
SECRET_KEY = envstr("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is not set: production needs its own secret key (see README).")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "accounts",
    "common",
    "registry",
    "visits",
    "reports",
    "inovasi",
    "pembinaan",
    "offline",
    "kader",
    "devdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "common.middleware.RejectNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login except those marked @login_not_required (the login page).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "accounts.middleware.NoStoreMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Django's login, with the profile and area read with the user (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.AreaUserBackend"]

ROOT_URLCONF = "posyandu.urls"
WSGI_APPLICATION = "posyandu.wsgi.application"

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
                "registry.context_processors.user_area",
            ],
        },
    },
]

_SQLITE_PATH = envstr("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{_SQLITE_PATH}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's JIT compiles a plan whose estimated cost is high even when it runs in
    # milliseconds: on the home-visit list it spent 1.3 s compiling a 0.2 s query. The pages run
    # short queries; a server that wants JIT for other work keeps it there.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.AppWordsValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Indonesian formats: 1.234,5 and 24 November 2026 (from Django's "id" locale).
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["posyandu.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: with no broker configured, tasks run eagerly inside the caller (quick start, tests).
CELERY_BROKER_URL = envstr("CELERY_BROKER_URL", envstr("REDIS_URL", ""))
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_EAGER", not CELERY_BROKER_URL)
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged only when it has finished, so a worker killed mid-build (kill -9, out of
# memory) leaves its message in Redis; Redis hands it to another worker after the visibility
# timeout, which must exceed the longest recap build (under a second on the benchmark district).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
_VISIBILITY_TIMEOUT = envint("CELERY_VISIBILITY_TIMEOUT", 600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    "unacked_restore_interval": min(10, _VISIBILITY_TIMEOUT),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
}
# A web request that queues a recap while Redis is down gives up after about a second; the
# recap stays queued in the database and the sweeper below sends it again.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5,
}  # fmt: skip
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# A queued or running recap with no sign of life for this long is stuck (its message was lost or
# its worker died): the sweeper queues it again.
RECAP_STALE_SECONDS = envint("RECAP_STALE_SECONDS", 2 * _VISIBILITY_TIMEOUT)
# Test-only: seconds to wait after each sheet, so a test can kill a worker mid-build.
RECAP_SHEET_DELAY = float(envstr("RECAP_SHEET_DELAY", "0"))
CELERY_BEAT_SCHEDULE = {
    # Last month's recaps of every Puskesmas and Kab/Kota, on the 1st at 02:00 (Asia/Jakarta).
    "rekap-bulanan": {
        "task": "reports.tasks.queue_monthly_recaps",
        "schedule": crontab(minute=0, hour=2, day_of_month=1),
    },
    "rekap-macet": {"task": "reports.tasks.sweep_stuck_recaps", "schedule": crontab(minute="*/5")},
}

# Reports cache the figures of closed months (reports.selectors.closed_month_cached): in Redis
# when REDIS_URL is set, so every web worker shares them; else in each process's memory.
CACHES = {
    "default": (
        {
            # Fail-open: with Redis down a read is a miss and a write is skipped (posyandu/cache.py).
            "BACKEND": "posyandu.cache.FailOpenRedisCache",
            "LOCATION": envstr("REDIS_URL", ""),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
        if envstr("REDIS_URL", "")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
# Monthly reports are sent to the Puskesmas by this day of the next month (tutup bulan page).
REPORT_DEADLINE_DAY = envint("REPORT_DEADLINE_DAY", 5)

# Sessions: a phone shared by several kader logs out after this many minutes unused.
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_HTTPONLY = True

# HTTPS (README "Production"): secure cookies, redirect to https, HSTS. Off for the quick start.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if envbool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips the client's.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
# Scripts and styles only from the app's own files; no inline script anywhere (static/js/).
# Bootstrap draws some icons with data: SVG images.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
