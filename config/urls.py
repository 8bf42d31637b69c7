"""Top-level routes. Each app owns its own URLs under its namespace."""

from django.urls import include, path

from alongside.core import views as core_views
from alongside.peergroups import home

urlpatterns = [
    # The home page lists the person's groups, so peergroups serves it; every page
    # links to it by its first name, core:home.
    path("", include(([path("", home.home, name="home")], "core"))),
    path("account/", include("alongside.accounts.urls")),
    path("account/", include("alongside.access.urls")),
    path("account/", include("alongside.privacy.urls")),
    path("account/", include("allauth.urls")),
    path("services/", include("alongside.organisations.urls")),
    path("groups/", include("alongside.peergroups.urls")),
    path("groups/", include("alongside.conversations.urls")),
    path("groups/", include("alongside.retention.urls")),
    path("notifications/", include("alongside.notifications.urls")),
    path("safety/", include("alongside.safety.urls")),
    path("today/", include("alongside.today.urls")),
    path("support/", include("alongside.supporters.urls")),
    path("private/", include("alongside.privateconversations.urls")),
    path("one-to-one/", include("alongside.buddying.urls")),
    # Agreement pages live under groups/<id>/agreement/ and services/<slug>/.
    path("", include("alongside.agreements.urls")),
    # Meeting pages live under groups/<id>/meetings/, services/<slug>/venues/,
    # account/calendar/ and the private calendar/<token>/ feed.
    path("", include("alongside.meetings.urls")),
    # My plan (my-plan/...), plans shared with me, and shared links.
    path("", include("alongside.safetyplans.urls")),
    # Anonymous feedback, felt safety and the dashboard (insights).
    path("", include("alongside.insights.urls")),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
