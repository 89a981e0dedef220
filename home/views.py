"""Pages of the service itself rather than of its content: where to send feedback."""

from django.shortcuts import render


def feedback(request):
    """The Beta banner's feedback route: how to tell the team what works and what does not.

    Mail goes to the support address in the site settings, so an installation changes it
    without a deployment; without one, people are told to ask their administrator."""
    return render(request, "home/feedback.html")
