from .navigation import navigation_for


def navigation(request):
    items = navigation_for(request.user)
    return {
        "navigation": items,
        # Wagtail's user bar is for the people who edit pages; asking anyone else's permissions
        # costs every signed-in page two queries.
        "show_userbar": any(item.key == "publish" for item in items),
    }
