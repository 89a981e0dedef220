"""An Atom feed of the published research bulletins, newest first."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .models import BulletinIndexPage, BulletinPage

FEED_ITEMS = 30


class BulletinFeed(Feed):
    feed_type = Atom1Feed
    title = "SEEDS research bulletins"
    subtitle = "Research bulletins from the Offender Engagement Programme and its partners."

    def link(self):
        index = BulletinIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return BulletinPage.objects.live().order_by("-date", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_author_name(self, item):
        return item.authors or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time()))

    def item_updateddate(self, item):
        return item.last_published_at
