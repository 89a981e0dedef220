"""Settings shared by every environment; dev, test and production adjust them."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("OEP_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "compendium",
    "training",
    "checklist",
    "recordings",
    "reviews",
    "calibration",
    "assignments",
    "privacy",
    "notifications",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and sign-in: an anonymous page from the cache costs no query.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout and absolute lifetime of a signed-in session (below).
    "privacy.sessions.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as its documentation asks: it answers a locked-out sign-in with AXES_LOCKOUT_TEMPLATE.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (django-axes), on the site's and the admin's sign-in alike: after
# AXES_FAILURE_LIMIT wrong passwords for one user from one address, that pair is locked out
# for AXES_COOLOFF_TIME; an administrator can unlock it earlier (Settings > Sign-in lockouts,
# or `manage.py axes_reset_username USERNAME`).
AUTHENTICATION_BACKENDS = [
    # AxesBackend rather than AxesStandaloneBackend: it can also load a signed-in user
    # (get_user), which tools that sign in with the first backend (Wagtail's page tests) need.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The peer's address: a client could forge X-Forwarded-For to dodge the lockout. Behind a
# reverse proxy every sign-in then comes from the proxy, and the lockout is per user.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Sessions, on the site and in the admin: signed out after SESSION_IDLE_MINUTES without a
# request, and SESSION_MAX_HOURS after signing in however active (privacy.sessions). The cookie
# and the stored session last no longer than that.
SESSION_IDLE_TIMEOUT = timedelta(minutes=float(os.environ.get("SESSION_IDLE_MINUTES", 30)))
SESSION_ABSOLUTE_LIFETIME = timedelta(hours=float(os.environ.get("SESSION_MAX_HOURS", 12)))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_LIFETIME.total_seconds())

ROOT_URLCONF = "oep.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "oep.wsgi.application"

# SQLite by default, in WAL mode so the web process and the worker can share it;
# DATABASE_URL switches to PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }

# Anonymous pages and what pages derive from published content (navigation, routes, the
# checklist's titles) are kept in the "pages" cache until content changes (core/content_cache.py).
# Files under var/ by default, so the web server, its worker and scheduled publishing share one
# cache; production puts both caches on Redis (CACHE_URL, else REDIS_URL).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "pages",
        "TIMEOUT": PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# 24-hour times and dates written out, the same in the admin as on the site.
FORMAT_MODULE_PATH = ["oep.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# The service's own files, then GOV.UK Frontend as `make frontend` builds it from package.json.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "build" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"

MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# Recordings are personal data: they live in their own storage, outside MEDIA_ROOT, and are
# only ever served through views that check permissions (base_url=None makes .url() fail).
RECORDINGS_ROOT = Path(os.environ.get("RECORDINGS_ROOT", VAR_DIR / "private" / "recordings"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "recordings": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": RECORDINGS_ROOT, "base_url": None},
    },
}

# Uploads above this size go to a temporary file, never into memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work through the Django Tasks API. Task code is the same for every backend:
# production swaps this for django_tasks_rq on Redis.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "recordings"],
    }
}

# Recordings: limits on uploads, the worker's heartbeat, and the Whisper model.
# Where a worker keeps the one decoded copy of a recording (16 kHz mono samples) that every
# stage reads while it is processed; removed when processing finishes. Local to the worker.
RECORDINGS_WORK_DIR = Path(os.environ.get("RECORDINGS_WORK_DIR", VAR_DIR / "private" / "work"))
# Uploaded files and their folders are readable by the site's own user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
RECORDINGS_MAX_BYTES = int(os.environ.get("RECORDINGS_MAX_BYTES", 500 * 1024 * 1024))
RECORDINGS_MAX_SECONDS = float(os.environ.get("RECORDINGS_MAX_SECONDS", 3 * 60 * 60))
RECORDINGS_MIN_SECONDS = float(os.environ.get("RECORDINGS_MIN_SECONDS", 10))
# A worker stamps the recording it holds this often; one silent for longer than the stale
# limit is taken for dead and its recording is queued again, resuming where it stopped.
RECORDINGS_HEARTBEAT_SECONDS = float(os.environ.get("RECORDINGS_HEARTBEAT_SECONDS", 15))
RECORDINGS_STALE_AFTER_SECONDS = float(os.environ.get("RECORDINGS_STALE_AFTER_SECONDS", 120))
# A recording still queued after this long is checked: if its backend holds no job for it (the
# enqueue failed after the commit), it is queued again.
RECORDINGS_QUEUED_RECHECK_SECONDS = float(
    os.environ.get("RECORDINGS_QUEUED_RECHECK_SECONDS", 10 * 60)
)
# A recording whose worker died this many times is failed, not queued again: the file may be
# what kills it. "Try again" allows as many attempts once more.
RECORDINGS_MAX_ATTEMPTS = int(os.environ.get("RECORDINGS_MAX_ATTEMPTS", 3))
# The Whisper model: "whisper-base" (the default: the most accurate model installable from the
# package registries that meets the time budget on real conversations, bench/audio_pipeline.md),
# "tiny.en" (faster, less accurate), or a local CTranslate2 model directory.
WHISPER_MODEL = os.environ.get("WHISPER_MODEL") or "whisper-base"
WHISPER_DEVICE = os.environ.get("WHISPER_DEVICE", "cpu")
WHISPER_COMPUTE_TYPE = os.environ.get("WHISPER_COMPUTE_TYPE", "int8")
# Beam search of 3, Whisper's pieces of speech decoded two at a time (speech.transcribe.BATCHED:
# greedy decoding, beam 1, got more words wrong on real conversations for about the same CPU time;
# bench/audio_pipeline.md). WHISPER_BATCH_SIZE=1 falls back to faster-whisper's sequential loop
# with its temperature retries.
WHISPER_BEAM_SIZE = int(os.environ.get("WHISPER_BEAM_SIZE", 3))
WHISPER_BATCH_SIZE = int(os.environ.get("WHISPER_BATCH_SIZE", 2))
# One batched window at a time on two threads keeps a worker under 1 GB with Whisper base.
WHISPER_CPU_THREADS = int(os.environ.get("WHISPER_CPU_THREADS", 2))
# Windows transcribed side by side (each its own threads): 2 suits WHISPER_BATCH_SIZE=1.
WHISPER_PARALLEL_WINDOWS = int(os.environ.get("WHISPER_PARALLEL_WINDOWS", 1))
# Seconds of audio transcribed at once. Batched, a window holds only its pieces' features, and a
# long one leaves fewer part-filled pieces and half-empty batches at window ends (on 9-minute
# conversations 3-13% less CPU than 180 s for 30-50 MB more; bench/audio_pipeline.md). The
# sequential loop's features take about 50 MB a minute of window, so it keeps 180 s.
WHISPER_WINDOW_SECONDS = float(
    os.environ.get("WHISPER_WINDOW_SECONDS", 600 if WHISPER_BATCH_SIZE > 1 else 180)
)

# Assignment reminders (assignments.reminders): an open assignment due within this many days, or
# overdue, is emailed about, at most once in each window of this many days.
ASSIGNMENT_REMINDER_LEAD_DAYS = int(os.environ.get("ASSIGNMENT_REMINDER_LEAD_DAYS", 2))
ASSIGNMENT_REMINDER_EVERY_DAYS = int(os.environ.get("ASSIGNMENT_REMINDER_EVERY_DAYS", 7))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "seeds@localhost")

WAGTAIL_SITE_NAME = "SEEDS practice platform"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
# The admin calls nothing on the internet: no avatars from gravatar.com, no check for new
# Wagtail releases (both fail, slowly, on a closed network, and tell outsiders who is signed in).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp). The site: scripts, styles, images, audio and fetches from
# this origin only, no inline script or style (templates pass data in data- attributes), no
# plug-ins, no framing. Wagtail's admin (core.middleware.ContentSecurityPolicyMiddleware) needs
# inline scripts and styles for its widgets and rich-text editor: same origin still, but inline
# allowed, and framing by itself for the page preview.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy: browser features no page uses are switched off; a view that needs one
# allows it for itself with core.middleware.permissions_policy (e.g. the microphone for
# recording in the browser).
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "display-capture": [],
}
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
