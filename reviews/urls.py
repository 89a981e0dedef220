from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("recordings/<int:pk>/", views.review, name="review"),
    path("recordings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("recordings/<int:pk>/feedback/respond/", views.respond, name="respond"),
    path("recordings/<int:pk>/feedback/read/", views.mark_read, name="mark_read"),
    path("progress/", views.my_progress, name="my_progress"),
    path("progress/<int:user_id>/", views.practitioner_progress, name="progress"),
    path("progress/<int:user_id>/scores.csv", views.scores_csv, name="scores_csv"),
    path("team/", views.team_progress, name="team_progress"),
]
