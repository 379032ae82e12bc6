from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_views
from accounts.forms import ThrottledAdminLoginForm

admin.site.login_form = ThrottledAdminLoginForm

urlpatterns = [
    path("masuk/", account_views.LoginView.as_view(), name="login"),
    path("akun/buka-kunci/", account_views.unlock, name="login_unlock"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    path("", include("visits.urls")),
    path("", include("reports.urls")),
    path("", include("pembinaan.urls")),
    path("", include("registry.urls")),
    path("", include("inovasi.urls")),
    path("", include("offline.urls")),
    path("", include("kader.urls")),
]

handler500 = "posyandu.views.server_error"
