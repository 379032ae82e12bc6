from django.urls import path

from . import day_views, views

urlpatterns = [
    path("gizi/cek/", views.growth_check, name="growth_check"),
    path("hari-buka/", day_views.opening_day_list, name="opening_day_list"),
    path("hari-buka/hari-ini/", day_views.opening_day_today, name="opening_day_today"),
    path("hari-buka/<int:pk>/", day_views.opening_day_detail, name="opening_day_detail"),
    path("kunjungan/<int:pk>/", day_views.visit_detail, name="visit_detail"),
    path("kunjungan/<int:pk>/hapus/", day_views.visit_remove, name="visit_remove"),
    path("kunjungan/<int:pk>/meja/<int:meja>/", day_views.visit_meja, name="visit_meja"),
    path("kunjungan-rumah/", day_views.home_visit_list, name="home_visit_list"),
    path("rujukan/", day_views.referral_list, name="referral_list"),
    path("rujukan/<int:pk>/tindak-lanjut/", day_views.referral_follow_up, name="referral_follow_up"),
]
