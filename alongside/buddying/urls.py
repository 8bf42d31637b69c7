from django.urls import path

from . import views

app_name = "buddying"

urlpatterns = [
    path("", views.index, name="index"),
    path("ask/<slug:organisation_slug>/", views.request_create, name="request-create"),
    path(
        "requests/<int:request_id>/withdraw/",
        views.request_withdraw,
        name="request-withdraw",
    ),
    path("coordinate/<slug:organisation_slug>/", views.coordinate, name="coordinate"),
    path(
        "coordinate/requests/<int:request_id>/",
        views.request_match,
        name="request-match",
    ),
    path("offers/<int:offer_id>/", views.offer_detail, name="offer-detail"),
    path("offers/<int:offer_id>/accept/", views.offer_accept, name="offer-accept"),
    path("offers/<int:offer_id>/decline/", views.offer_decline, name="offer-decline"),
    path("matches/<int:match_id>/", views.match_detail, name="match-detail"),
    path("matches/<int:match_id>/agreement/", views.agreement, name="agreement"),
    path(
        "matches/<int:match_id>/agreement/change/",
        views.agreement_propose,
        name="agreement-propose",
    ),
    path(
        "matches/<int:match_id>/agreement/agree/",
        views.agreement_agree,
        name="agreement-agree",
    ),
    path(
        "matches/<int:match_id>/agreement/print/",
        views.agreement_print,
        name="agreement-print",
    ),
    path(
        "matches/<int:match_id>/agreement/download/",
        views.agreement_download,
        name="agreement-download",
    ),
    path("matches/<int:match_id>/change/", views.match_change, name="match-change"),
    path("profile/<slug:organisation_slug>/", views.profile_edit, name="profile-edit"),
]
