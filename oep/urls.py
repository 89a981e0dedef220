from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.views import feedback

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("feeds/", include("compendium.urls")),
    path("recordings/", include("recordings.urls")),
    path("reviews/", include("reviews.urls")),
    path("calibration/", include("calibration.urls")),
    path("assignments/", include("assignments.urls")),
    path("privacy/", include("privacy.urls")),
    path("notifications/", include("notifications.urls")),
    path("feedback/", feedback, name="feedback"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
