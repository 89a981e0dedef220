from django.urls import path

from . import comment_views, speaker_fixes, views

app_name = "reviews"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("recordings/<int:pk>/", views.review, name="review"),
    path("recordings/<int:pk>/speakers/swap/", speaker_fixes.swap_speakers, name="swap_speakers"),
    path(
        "recordings/<int:pk>/lines/<int:index>/speaker/",
        speaker_fixes.reassign_line,
        name="reassign_line",
    ),
    path("recordings/<int:pk>/comments/", comment_views.add_comment, name="add_comment"),
    path(
        "recordings/<int:pk>/comments/<int:comment_id>/replies/",
        comment_views.reply_to_comment,
        name="reply_to_comment",
    ),
    path(
        "recordings/<int:pk>/responses/<int:response_id>/replies/",
        comment_views.reply_to_response,
        name="reply_to_response",
    ),
    path("recordings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("recordings/<int:pk>/self-assessment/", views.self_assess, name="self_assess"),
    path("recordings/<int:pk>/feedback/respond/", views.respond, name="respond"),
    path("recordings/<int:pk>/feedback/read/", views.mark_read, name="mark_read"),
    path("progress/", views.my_progress, name="my_progress"),
    path("progress/<int:user_id>/", views.practitioner_progress, name="progress"),
    path("progress/<int:user_id>/scores.csv", views.scores_csv, name="scores_csv"),
    path("team/", views.team_progress, name="team_progress"),
]
