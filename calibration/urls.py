from django.urls import path

from . import views

app_name = "calibration"

urlpatterns = [
    path("", views.index, name="index"),
    path("ask/", views.ask, name="ask"),
    path("new/", views.new, name="new"),
    path("consent/<int:recording_pk>/", views.consent, name="consent"),
    path("<int:pk>/", views.exercise, name="exercise"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/close/", views.close, name="close"),
]
