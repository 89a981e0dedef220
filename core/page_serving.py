"""Serving a page in fewer queries: what Wagtail works out from the page tree on every request,
remembered until content changes (core/content_cache.py).

Routes: Wagtail walks from the site's root page down, one child look-up and one specific-type
look-up per path segment. The root page remembers which page the walk ended on; later requests
load that page alone and let it route what is left of the path (its own sub-routes, or itself),
so the answer is the walk's, checks of liveness included.

View restrictions: Wagtail looks up the page's ancestors, then their restrictions. A page
remembers whether any apply; only when some do are they read, as Wagtail reads them.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import PageViewRestriction

from . import content_cache


class RemembersRoutesMixin:
    """For a site's root page type."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        cache = content_cache.page_cache()
        key = content_cache.key("route", self.pk, *path_components)
        target = cache.get(key)
        if target is not None:
            page = self._remembered_page(*target)
            if page is not None:
                return page.route(request, path_components[page.depth - self.depth :])
        result = super().route(request, path_components)
        page = result[0]
        cache.set(key, (page.content_type_id, page.pk))
        return result

    def _remembered_page(self, content_type_id, page_id):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model else None
        # Gone, or no longer below this root: walk the tree as Wagtail does.
        if page is None or not page.path.startswith(self.path) or page.depth <= self.depth:
            return None
        return page


class RemembersViewRestrictionsMixin:
    """For every page type: no query when neither the page nor an ancestor is restricted."""

    def get_view_restrictions(self):
        if not content_cache.remember("restricted", self._any_view_restriction, self.pk):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def _any_view_restriction(self):
        return super().get_view_restrictions().exists()
