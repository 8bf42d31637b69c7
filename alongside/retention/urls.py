from django.urls import path

from . import views

app_name = "retention"

urlpatterns = [
    path("<int:group_id>/delete/", views.group_delete, name="group-delete"),
]
