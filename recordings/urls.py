from django.urls import path

from . import views, voice_views
from .uploads import limit_upload_size

app_name = "recordings"

urlpatterns = [
    path("", views.recording_list, name="list"),
    path("upload/", limit_upload_size(views.upload), name="upload"),
    path("voice/", voice_views.voice, name="voice"),
    path("voice/delete/", voice_views.voice_delete, name="voice_delete"),
    path("<int:pk>/", views.recording_detail, name="detail"),
    path("<int:pk>/status/", views.recording_status, name="status"),
    path("<int:pk>/audio/", views.recording_audio, name="audio"),
    path("<int:pk>/retry/", views.recording_retry, name="retry"),
    path("<int:pk>/withdraw-consent/", views.recording_withdraw_consent, name="withdraw_consent"),
    path("<int:pk>/delete/", views.recording_delete, name="delete"),
]
