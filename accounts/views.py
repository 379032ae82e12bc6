"""Login with throttling, and the admin's page that lifts a lock."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import redirect, render

from registry.access import can_unlock_logins

from . import throttle
from .forms import ThrottledLoginForm


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm


class UnlockForm(forms.Form):
    username = forms.CharField(label="Nama pengguna", required=False, max_length=150)
    address = forms.GenericIPAddressField(label="Alamat IP", required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("username") or cleaned.get("address")):
            raise forms.ValidationError("Isi nama pengguna atau alamat IP yang akan dibuka kuncinya.")
        return cleaned


@user_passes_test(can_unlock_logins)
def unlock(request):
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttle.unlock(username=form.cleaned_data["username"], address=form.cleaned_data["address"] or "")
        messages.success(request, "Kunci masuk dibuka.")
        return redirect("login_unlock")
    return render(request, "accounts/unlock.html", {"form": form})
