from django.urls import path

from . import ending_views, meeting_views, pair_views, policy_views, views

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
    path("matches/<int:match_id>/", pair_views.match_detail, name="match-detail"),
    path("matches/<int:match_id>/agreement/", pair_views.agreement, name="agreement"),
    path(
        "matches/<int:match_id>/agreement/change/",
        pair_views.agreement_propose,
        name="agreement-propose",
    ),
    path(
        "matches/<int:match_id>/agreement/agree/",
        pair_views.agreement_agree,
        name="agreement-agree",
    ),
    path(
        "matches/<int:match_id>/agreement/print/",
        pair_views.agreement_print,
        name="agreement-print",
    ),
    path(
        "matches/<int:match_id>/agreement/download/",
        pair_views.agreement_download,
        name="agreement-download",
    ),
    path(
        "matches/<int:match_id>/change/", pair_views.match_change, name="match-change"
    ),
    path(
        "matches/<int:match_id>/notes/new/", pair_views.note_create, name="note-create"
    ),
    path(
        "matches/<int:match_id>/meetings/new/",
        meeting_views.meeting_create,
        name="meeting-create",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/cancel/",
        meeting_views.meeting_cancel,
        name="meeting-cancel",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/agree/",
        meeting_views.meeting_agree,
        name="meeting-agree",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/decline/",
        meeting_views.meeting_decline,
        name="meeting-decline",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/withdraw/",
        meeting_views.meeting_withdraw,
        name="meeting-withdraw",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/check-in/",
        meeting_views.meeting_check_in,
        name="meeting-check-in",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/check-out/",
        meeting_views.meeting_check_out,
        name="meeting-check-out",
    ),
    path(
        "matches/<int:match_id>/how-is-it-going/",
        pair_views.check_answer,
        name="check-answer",
    ),
    path("matches/<int:match_id>/end/", pair_views.match_end, name="match-end"),
    path("profile/<slug:organisation_slug>/", views.profile_edit, name="profile-edit"),
    # The ending and referrals on (ending_views.py).
    path(
        "matches/<int:match_id>/ending-survey/",
        ending_views.survey_answer,
        name="survey-answer",
    ),
    path(
        "coordinate/<slug:organisation_slug>/ending-surveys/",
        ending_views.surveys,
        name="surveys",
    ),
    path(
        "matches/<int:match_id>/delete-conversation/",
        ending_views.conversation_delete,
        name="conversation-delete",
    ),
    path(
        "matches/<int:match_id>/referrals/new/",
        ending_views.referral_create,
        name="referral-create",
    ),
    path(
        "referrals/<int:referral_id>/",
        ending_views.referral_detail,
        name="referral-detail",
    ),
    path(
        "referrals/<int:referral_id>/consent/",
        ending_views.referral_consent,
        name="referral-consent",
    ),
    path(
        "referrals/<int:referral_id>/countersign/",
        ending_views.referral_countersign,
        name="referral-countersign",
    ),
    path(
        "referrals/to-sign/", ending_views.referrals_to_sign, name="referrals-to-sign"
    ),
    path(
        "settings/<slug:organisation_slug>/",
        policy_views.pair_settings,
        name="pair-settings",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/check/",
        policy_views.meeting_check,
        name="meeting-check",
    ),
]
