from django.urls import path

from .views import growth_check, home_visits, opening_day

urlpatterns = [
    path("gizi/cek/", growth_check.growth_check, name="growth_check"),
    path("hari-buka/", opening_day.opening_day_list, name="opening_day_list"),
    path("hari-buka/hari-ini/", opening_day.opening_day_today, name="opening_day_today"),
    path("hari-buka/<int:pk>/", opening_day.opening_day_detail, name="opening_day_detail"),
    path("kunjungan/<int:pk>/", opening_day.visit_detail, name="visit_detail"),
    path("kunjungan/<int:pk>/hapus/", opening_day.visit_remove, name="visit_remove"),
    path("kunjungan/<int:pk>/meja/<int:meja>/", opening_day.visit_meja, name="visit_meja"),
    path("kunjungan-rumah/", home_visits.home_visit_list, name="home_visit_list"),
    path(
        "kunjungan-rumah/<int:pk>/hasil/",
        home_visits.home_visit_outcome,
        name="home_visit_outcome",
    ),
    path("rujukan/", opening_day.referral_list, name="referral_list"),
    path("rujukan/<int:pk>/tindak-lanjut/", opening_day.referral_follow_up, name="referral_follow_up"),
]
