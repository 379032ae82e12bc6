from django.urls import path

from . import recap_views, views

urlpatterns = [
    path("laporan/", views.report_home, name="report_home"),
    path("laporan/posyandu/<int:pk>/", views.posyandu_report, name="posyandu_report"),
    path("laporan/rekap/", recap_views.recap_list, name="recap_list"),
    path("laporan/rekap/<int:pk>/unduh/", recap_views.recap_download, name="recap_download"),
]
