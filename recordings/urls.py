from django.urls import path

from . import views
from .uploads import limit_upload_size

app_name = "recordings"

urlpatterns = [
    path("", views.recording_list, name="list"),
    path("upload/", limit_upload_size(views.upload), name="upload"),
    path("reviews/", views.reviews, name="reviews"),
    path("<int:pk>/", views.recording_detail, name="detail"),
    path("<int:pk>/status/", views.recording_status, name="status"),
    path("<int:pk>/audio/", views.recording_audio, name="audio"),
    path("<int:pk>/retry/", views.recording_retry, name="retry"),
    path("<int:pk>/speakers/swap/", views.swap_speakers, name="swap_speakers"),
    path("<int:pk>/lines/<int:index>/speaker/", views.reassign_line, name="reassign_line"),
]
