from django.urls import path

from . import strata_views, views

urlpatterns = [
    path("kader/", views.kader_home, name="kader_home"),
    path("kader/posyandu/<int:pk>/", views.roster, name="kader_roster"),
    path("kader/posyandu/<int:pk>/tambah/", views.kader_create, name="kader_create"),
    path("kader/<int:pk>/", views.kader_detail, name="kader_detail"),
    path("kader/<int:pk>/ubah/", views.kader_edit, name="kader_edit"),
    path("kader/<int:pk>/pelatihan/", views.training_add, name="kader_training_add"),
    path("kader/<int:pk>/penilaian/", views.assessment, name="kader_assessment"),
    path("kader/<int:pk>/tkk/", views.tkk_award, name="kader_tkk_award"),
    path("kader/posyandu/<int:pk>/f5/", views.f5, name="kader_f5"),
    path("hari-buka/<int:pk>/kader-bertugas/", views.attendance, name="kader_attendance"),
    path("strata/", strata_views.strata_list, name="strata_list"),
    path("strata/posyandu/<int:pk>/", strata_views.strata_detail, name="strata_detail"),
]
