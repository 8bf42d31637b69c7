from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.account_settings, name="settings"),
    path("leave-quickly/", views.quick_exit_sign_out, name="quick-exit-sign-out"),
    path(
        "second-step/continue/",
        views.second_factor_continue,
        name="second-factor-continue",
    ),
]
