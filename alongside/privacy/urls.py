from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.data_download, name="data-download"),
    path("my-data/alongside-my-data.json", views.data_json, name="data-json"),
    path("my-data/alongside-my-data.html", views.data_html, name="data-html"),
    path("erase/", views.account_erase, name="account-erase"),
    path("goodbye/", views.goodbye, name="goodbye"),
]
