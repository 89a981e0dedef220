"""The compendium's URLs outside the page tree: the bulletin feed and its page for people."""

from django.urls import path

from . import views
from .feeds import BulletinFeed

app_name = "compendium"

urlpatterns = [
    path("bulletins.atom", BulletinFeed(), name="bulletin_feed"),
    path("bulletins/", views.bulletin_feed_page, name="bulletin_feed_page"),
]
