from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            roles=user.roles,
            team=user.team,
            managed_teams=user.managed_teams.all(),
            **kwargs,
        )
