"""Users and teams in the admin: administrators set who is in which team and who manages it."""

from functools import wraps

from axes.models import AccessAttempt
from django.http import HttpResponseForbidden
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import AccountCreationForm, AccountEditForm
from .models import Team


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


def administrators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_administrator:
            return HttpResponseForbidden("Only administrators choose teams.")
        return view(request, *args, **kwargs)

    return wrapped


class AdministratorsOnlyChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser only administrators may open: Wagtail's choosers are open to anyone
    who may use the admin, and the list of teams is not for managers or editors."""

    def construct_view(self, view_class, **kwargs):
        return administrators_only(super().construct_view(view_class, **kwargs))


class TeamViewSet(SnippetViewSet):
    model = Team
    chooser_viewset_class = AdministratorsOnlyChooserViewSet
    icon = "group"
    menu_label = "Teams"
    list_display = ["name"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("managers")]


class SignInLockoutViewSet(ModelViewSet):
    """Sign-ins paused after repeated wrong passwords (django-axes); deleting one lifts the
    pause for that user and address."""

    model = AccessAttempt
    icon = "lock"
    menu_label = "Sign-in lockouts"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    # Required by ModelViewSet; the administrators-only policy grants no add or change.
    form_fields = ["username"]
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    delete_view_enabled = True
