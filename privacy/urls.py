from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("recordings/<int:pk>/access/", views.recording_access, name="recording_access"),
]
