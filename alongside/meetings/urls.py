from django.urls import path

from . import facilitation_views, views

app_name = "meetings"

group = "groups/<int:group_id>/meetings/"
occurrence = group + "<int:occurrence_id>/"
venue = "services/<slug:slug>/venues/<int:venue_id>/"

urlpatterns = [
    path(group, views.meeting_list, name="meeting-list"),
    path(group + "new/", views.meeting_create, name="meeting-create"),
    path(group + "my-choices/", views.choices_edit, name="choices-edit"),
    path(occurrence, views.occurrence_detail, name="occurrence-detail"),
    path(occurrence + "move/", views.occurrence_move, name="occurrence-move"),
    path(occurrence + "cancel/", views.occurrence_cancel, name="occurrence-cancel"),
    path(occurrence + "coming/", views.rsvp_save, name="rsvp-save"),
    path(occurrence + "head-count/", views.head_count_save, name="head-count-save"),
    path(
        occurrence + "who-facilitated/",
        facilitation_views.who_facilitated,
        name="who-facilitated",
    ),
    path(occurrence + "meeting.ics", views.occurrence_ics, name="occurrence-ics"),
    path(occurrence + "how-was-the-place/", views.venue_check, name="venue-check"),
    path("account/calendar/", views.calendar_settings, name="calendar-settings"),
    path(
        "calendar/<str:token>/meetings.ics", views.calendar_feed, name="calendar-feed"
    ),
    path("services/<slug:slug>/venues/", views.venue_list, name="venue-list"),
    path(venue, views.venue_edit, name="venue-edit"),
    path(venue + "checklist/", views.venue_checklist, name="venue-checklist"),
    path(venue + "waive/", views.venue_waive, name="venue-waive"),
    path(venue + "remove/", views.venue_remove, name="venue-remove"),
    path(venue + "restore/", views.venue_restore, name="venue-restore"),
]
