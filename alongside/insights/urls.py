from django.urls import path

from . import check_views, dashboard_views, views

app_name = "insights"

group = "groups/<int:group_id>/"

urlpatterns = [
    path(group + "feedback/", views.feedback_give, name="feedback-give"),
    path(group + "feedback/answers/", views.feedback_read, name="feedback-read"),
    path(group + "parting-note/", views.parting_note, name="parting-note"),
    path(
        group + "meetings/<int:occurrence_id>/how-did-it-feel/",
        views.felt_safety_answer,
        name="felt-safety-answer",
    ),
    path(group + "you-said-we-did/", views.you_said_we_did, name="you-said-we-did"),
    path("account/felt-safety/", views.own_scores, name="own-scores"),
    path("account/felt-safety/asking/", views.prompt_dismiss, name="prompt-dismiss"),
    path(
        "services/<slug:slug>/insights/",
        dashboard_views.dashboard,
        name="dashboard",
    ),
    path(
        "services/<slug:slug>/insights/report/",
        dashboard_views.report_request,
        name="report-request",
    ),
    path(
        "services/<slug:slug>/insights/report/<int:report_id>/",
        dashboard_views.report_detail,
        name="report-detail",
    ),
    path(
        "services/<slug:slug>/insights/report/<int:report_id>/figures.csv",
        dashboard_views.report_download,
        name="report-download",
    ),
    path(
        "services/<slug:slug>/insights/report/<int:report_id>/report.pdf",
        dashboard_views.report_download_pdf,
        name="report-download-pdf",
    ),
    # The periodic check-ins and the register of measures (check_views.py).
    path("services/<slug:slug>/check-in/", check_views.check_in, name="check-in"),
    path(
        "services/<slug:slug>/check-in/asking/",
        check_views.check_in_asking,
        name="check-in-asking",
    ),
    path(
        "services/<slug:slug>/insights/measures/",
        check_views.measure_register,
        name="measure-register",
    ),
    path(
        "services/<slug:slug>/insights/measures/<slug:code>/wording/",
        check_views.wording_enter,
        name="wording-enter",
    ),
    path(
        "services/<slug:slug>/insights/check-ins/",
        check_views.check_in_results,
        name="check-in-results",
    ),
]
