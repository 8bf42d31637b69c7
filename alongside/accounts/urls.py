from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.account_settings, name="settings"),
    path(
        "second-step/continue/",
        views.second_factor_continue,
        name="second-factor-continue",
    ),
]
