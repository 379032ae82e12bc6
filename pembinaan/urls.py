from django.urls import path

from . import export_views, kabkota_views, views

urlpatterns = [
    path("penilaian/", views.round_list, name="lomba_rounds"),
    path("penilaian/baru/", views.round_create, name="lomba_round_create"),
    path("penilaian/<int:pk>/", views.round_detail, name="lomba_round"),
    path("penilaian/<int:pk>/peringkat.xlsx", export_views.ranking_xlsx, name="lomba_ranking_xlsx"),
    path("penilaian/<int:pk>/posyandu/<int:pid>/", views.score_page, name="lomba_score"),
    path("penilaian/<int:pk>/posyandu/<int:pid>/pembinaan/", views.coaching_page, name="lomba_coaching"),
    path("penilaian/<int:pk>/posyandu/<int:pid>/bukti/", export_views.evidence_page, name="lomba_evidence"),
    path("dasbor-kab-kota/", kabkota_views.kab_kota_dashboard, name="kab_kota_dashboard"),
]
