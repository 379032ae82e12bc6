"""Password rules beyond Django's: no password built from the app's own words."""

from __future__ import annotations

from django.core.exceptions import ValidationError

# Words anyone near a Posyandu would try first, and the demo's published password.
APP_WORDS = ("posyandu", "puskesmas", "dinkes", "kader", "ilp", "demo", "rahasia", "sandi")


class AppWordsValidator:
    """Refuses a password that is mostly the app's words or the username, with digits around.

    "posyandu2026", "Kader-123" and "budi_kader1" are refused; a password that contains such a
    word among enough other letters is allowed.
    """

    def __init__(self, min_other_letters: int = 6):
        self.min_other_letters = min_other_letters

    def validate(self, password: str, user=None) -> None:
        rest = password.lower()
        words = [*APP_WORDS, (getattr(user, "username", "") or "").lower()]
        for word in sorted(filter(None, words), key=len, reverse=True):
            rest = rest.replace(word, "")
        if sum(ch.isalpha() for ch in rest) < self.min_other_letters and rest != password.lower():
            raise ValidationError(
                "Kata sandi terlalu mudah ditebak: jangan memakai nama pengguna atau kata seperti "
                "posyandu, kader, puskesmas, demo.",
                code="password_app_words",
            )

    def get_help_text(self) -> str:
        return "Kata sandi tidak boleh berupa nama pengguna atau kata seperti posyandu, kader, demo."
