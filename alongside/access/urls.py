from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("who-has-seen-my-words/", views.staff_reads, name="staff-reads"),
]
