from django.urls import path

from . import views

urlpatterns = [
    path("gizi/cek/", views.growth_check, name="growth_check"),
]
