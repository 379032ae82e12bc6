from django.urls import path

from . import views

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.app_shell, name="offline_app"),
    path("offline/who.json", views.growth_data, name="offline_growth_data"),
    path("offline/siapkan/", views.prepare, name="offline_prepare"),
    path("offline/sinkron/", views.sync, name="offline_sync"),
]
