"""The compendium's URLs outside the page tree: the bulletin feed."""

from django.urls import path

from .feeds import BulletinFeed

app_name = "compendium"

urlpatterns = [path("bulletins.atom", BulletinFeed(), name="bulletin_feed")]
