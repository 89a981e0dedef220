"""Site settings read where there is no request to take a site from (the worker, periodic
jobs): the one rule for which site's settings apply."""

from wagtail.models import Site


def for_default_site(setting_model):
    """`setting_model`'s settings for the default site (else the first site), or its unsaved
    defaults when there is no site at all."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return setting_model.for_site(site) if site else setting_model()
