"""Form widgets shared by every app."""

from django import forms

# The browser's date picker sends ISO dates whatever the phone's language.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
