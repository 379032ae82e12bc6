"""A service's refusal shown on the form that sent the values, so the user sees why and keeps
everything they typed."""

from django.core.exceptions import ValidationError


def show_refusal(form, error: ValidationError) -> None:
    """Put each message of `error` beside the field it names, or above the form when it names
    no field of this form (or no field at all: `ValidationError("…")`)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)
