from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.my_assignments, name="mine"),
    path("team/", views.team_assignments, name="team"),
    path("new/", views.new_assignment, name="new"),
]
