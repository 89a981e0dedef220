"""The home page and the settings an administrator changes without a deployment."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from core.content_cache import remember
from core.page_serving import RemembersRoutesMixin, RemembersViewRestrictionsMixin


class HomePage(RemembersRoutesMixin, RemembersViewRestrictionsMixin, Page):
    introduction = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    max_count = 1

    @staticmethod
    def _is_dashboard(request):
        """Signed in, the home page is that person's dashboard (never cached: core.middleware);
        an editor's preview shows the page as visitors see it."""
        return request.user.is_authenticated and not getattr(request, "is_preview", False)

    def get_template(self, request, *args, **kwargs):
        if self._is_dashboard(request):
            return "home/dashboard.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .dashboards import dashboard_for
        from .navigation import navigation_for

        context = super().get_context(request, *args, **kwargs)
        # Each role's tasks, described.
        context["tasks"] = [item for item in navigation_for(request.user) if item.description]
        if self._is_dashboard(request):
            context["dashboard"] = dashboard_for(request.user)
            # The dashboard is the person's own work, not the page's content (the editor's part
            # links to the editor); Wagtail's user bar would cost eight queries on every visit.
            context["show_userbar"] = False
        return context


class StandardPage(Page):
    """A plain page of text an editor keeps up to date: the privacy notice, the accessibility
    statement and pages like them."""

    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr"],
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "standard page"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    phase_banner = models.CharField(
        max_length=200,
        blank=True,
        default="This is a new service. Your feedback helps us improve it.",
    )
    support_email = models.EmailField(blank=True)
    footer_text = models.CharField(
        max_length=400,
        blank=True,
        default="Offender Engagement Programme: Skills for Effective Engagement, "
        "Development and Supervision (SEEDS).",
    )

    panels = [FieldPanel("phase_banner"), FieldPanel("support_email"), FieldPanel("footer_text")]

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but kept until content changes: every page's header and footer read it."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            site_settings = remember("site-settings", lambda: cls.for_site(site), site and site.pk)
            site_settings._request = request
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    class Meta:
        verbose_name = "site settings"
