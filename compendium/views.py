"""Pages of the compendium outside the page tree: how to follow the bulletins' feed."""

from django.shortcuts import render
from django.urls import reverse

from .feeds import BulletinFeed


def bulletin_feed_page(request):
    """The feed explained for people: a browser shows the Atom file itself as raw XML, so links
    for people come here, with the address to paste into a feed reader and the latest items."""
    feed = BulletinFeed()
    return render(
        request,
        "compendium/bulletin_feed.html",
        {
            "feed_url": request.build_absolute_uri(reverse("compendium:bulletin_feed")),
            "bulletins": feed.items()[:10],
            "index_url": feed.link(),
        },
    )
