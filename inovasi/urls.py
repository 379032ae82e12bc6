from django.urls import path

from . import views

urlpatterns = [
    path("inovasi/", views.index, name="inovasi_index"),
    path("inovasi/donatur/baru/", views.donor_create, name="inovasi_donor_create"),
    path("inovasi/donatur/<int:pk>/", views.donor_report, name="inovasi_donor"),
    path("inovasi/donatur/<int:pk>/excel/", views.donor_export, name="inovasi_donor_export"),
    path("inovasi/program/baru/", views.programme_create, name="inovasi_programme_create"),
    path("inovasi/program/<int:pk>/", views.programme_detail, name="inovasi_programme"),
    path("inovasi/program/<int:pk>/janji/", views.pledge_add, name="inovasi_pledge_add"),
    path("inovasi/program/<int:pk>/peserta/", views.enrol, name="inovasi_enrol"),
    path("inovasi/program/<int:pk>/pmt/", views.delivery_add, name="inovasi_delivery_add"),
    path("inovasi/program/<int:pk>/kas/", views.ledger_add, name="inovasi_ledger_add"),
    path("inovasi/posyandu/<int:pk>/", views.posyandu_report, name="inovasi_posyandu"),
    path("inovasi/baru/", views.innovation_create, name="inovasi_innovation_create"),
    path("inovasi/<int:pk>/", views.innovation_effect, name="inovasi_effect"),
]
