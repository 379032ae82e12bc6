import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from registry.demo import DEMO_PASSWORD


@pytest.mark.parametrize(
    "password",
    [DEMO_PASSWORD, "posyandu2026", "Posyandu-123!", "kader12345", "puskesmas01", "password123"],
)
def test_app_words_and_common_passwords_are_refused(password, django_user_model):
    with pytest.raises(ValidationError):
        validate_password(password, django_user_model(username="siti"))


def test_the_username_with_digits_is_refused(django_user_model):
    with pytest.raises(ValidationError, match="mudah ditebak"):
        validate_password("sitiaminah2026", django_user_model(username="sitiaminah"))


def test_a_password_with_enough_other_letters_is_allowed(django_user_model):
    validate_password("jeruk-nipis-hijau-posyandu", django_user_model(username="siti"))
    validate_password("Tembakau!Layu9", django_user_model(username="siti"))
