from django.urls import path

from . import audit_views, views, vital_views

urlpatterns = [
    path("", views.home, name="home"),
    path("warga/", views.person_list, name="person_list"),
    path("warga/<int:pk>/", views.person_detail, name="person_detail"),
    path("warga/<int:pk>/ubah/", views.person_edit, name="person_edit"),
    path("warga/<int:pk>/kelahiran/", vital_views.birth_new, name="birth_new"),
    path("warga/<int:pk>/kematian/", vital_views.death_new, name="death_new"),
    path("warga/<int:pk>/pindah-keluar/", vital_views.departure_new, name="departure_new"),
    path("warga/<int:pk>/aktif-kembali/", vital_views.reactivate_new, name="reactivate_new"),
    path("keluarga/", views.household_list, name="household_list"),
    path("keluarga/baru/", views.household_create, name="household_create"),
    path("keluarga/<int:pk>/", views.household_detail, name="household_detail"),
    path("keluarga/<int:pk>/ubah/", views.household_edit, name="household_edit"),
    path("keluarga/<int:pk>/pindah/", views.household_move, name="household_move"),
    path("posyandu/", views.posyandu_list, name="posyandu_list"),
    path("posyandu/<int:pk>/", views.posyandu_detail, name="posyandu_detail"),
    path("catatan-akses/", audit_views.access_log, name="access_log"),
]
