from django.urls import path

from . import closing_views, pws_views, recap_views, register_views, views

urlpatterns = [
    path("laporan/", views.report_home, name="report_home"),
    path("laporan/posyandu/<int:pk>/", views.posyandu_report, name="posyandu_report"),
    path(
        "laporan/posyandu/<int:pk>/register-ibu/",
        register_views.register_page,
        {"kind": "ibu"},
        name="register_ibu",
    ),
    path(
        "laporan/posyandu/<int:pk>/register-wus/",
        register_views.register_page,
        {"kind": "wus"},
        name="register_wus",
    ),
    path("laporan/pws/", pws_views.pws_page, name="pws_dashboard"),
    path("laporan/pws/sasaran/", pws_views.sasaran_page, name="pws_sasaran"),
    path("laporan/rekap/", recap_views.recap_list, name="recap_list"),
    path("laporan/tutup-bulan/", closing_views.month_closing_page, name="month_closing"),
    path("laporan/rekap/<int:pk>/unduh/", recap_views.recap_download, name="recap_download"),
    path("laporan/posyandu/<int:pk>/register/", register_views.register_balita, name="register_balita"),
]
