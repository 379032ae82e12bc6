from django.urls import path

from .views import growth_check, home_visits, immunisation, opening_day, pregnancy

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
    path("warga/<int:pk>/kehamilan/baru/", pregnancy.pregnancy_new, name="pregnancy_new"),
    path("warga/<int:pk>/td/", pregnancy.td_doses, name="td_doses"),
    path("kehamilan/<int:pk>/", pregnancy.pregnancy_detail, name="pregnancy_detail"),
    path("kehamilan/<int:pk>/hasil/", pregnancy.pregnancy_outcome, name="pregnancy_outcome"),
    *(
        path(
            f"kehamilan/<int:pk>/{part}/", pregnancy.pregnancy_part, {"part": part}, name=f"pregnancy_{part}"
        )
        for part in pregnancy.PARTS
    ),  # fmt: skip
    path("warga/<int:pk>/imunisasi/tambah/", immunisation.dose_add, name="dose_add"),
    path("posyandu/<int:pk>/dofu/", immunisation.dofu_list, name="dofu_list"),
    path("posyandu/<int:pk>/vitamin-a/", immunisation.vitamin_a_round, name="vitamin_a_round"),
]
