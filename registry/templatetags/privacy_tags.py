"""Identifiers in templates: `{{ nik|masked }}` in lists, `{{ nik|shown_to:user }}` on a
person's or household's own page (full only for the roles that serve the person)."""

from django import template

from registry import identifiers, privacy

register = template.Library()


@register.filter
def masked(value: str | None) -> str:
    return identifiers.mask(value)


@register.filter
def shown_to(value: str | None, user) -> str:
    return privacy.shown_identifier(value, user)
