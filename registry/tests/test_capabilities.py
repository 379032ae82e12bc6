"""registry.access: each named capability for each role, written out by hand."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template

from registry import access
from registry.access import Capabilities
from visits import services

ROLES = ["kader_a", "staff_a", "dinkes_1", "admin"]

# capability → the roles (of ROLES) that have it
HOLDERS = {
    access.can_edit_registry: {"kader_a", "staff_a", "admin"},
    access.can_record_visits: {"kader_a", "staff_a", "admin"},
    access.can_backdate_moves: {"staff_a", "admin"},
    access.can_follow_up_referrals: {"staff_a", "admin"},
    access.can_edit_sasaran: {"staff_a", "admin"},
    access.can_read_pws: {"staff_a", "dinkes_1", "admin"},
    access.can_read_recap: {"staff_a", "dinkes_1", "admin"},
    access.can_request_kab_kota_recap: {"dinkes_1", "admin"},
    access.can_read_access_log: {"staff_a", "dinkes_1", "admin"},
    access.can_unlock_logins: {"admin"},
    access.sees_full_identifiers: {"kader_a", "staff_a"},  # admins and Dinkes see them masked
    access.is_kader: {"kader_a"},
    access.can_manage_programmes: {"staff_a", "admin"},
    access.can_record_pmt: {"kader_a", "staff_a", "admin"},
    access.can_record_innovations: {"kader_a", "staff_a", "admin"},
    access.can_edit_kader: {"kader_a", "staff_a", "admin"},
    access.can_assess_kader: {"staff_a", "admin"},
    access.can_edit_posyandu_profile: {"kader_a", "staff_a", "admin"},
    access.can_record_vital_events: {"kader_a", "staff_a", "admin"},
    access.can_record_pregnancy: {"kader_a", "staff_a", "admin"},
    access.can_work_offline: {"kader_a"},
    access.can_manage_lomba: {"staff_a", "dinkes_1", "admin"},
    access.can_open_kab_kota_round: {"dinkes_1", "admin"},
    access.can_read_kab_kota_dashboard: {"staff_a", "dinkes_1", "admin"},
}


@pytest.mark.parametrize("capability", HOLDERS, ids=lambda c: c.__name__)
def test_each_capability_belongs_to_its_roles(world, capability):
    holders = {role for role in ROLES if capability(world.users[role])}
    assert holders == HOLDERS[capability]


@pytest.mark.parametrize("capability", HOLDERS, ids=lambda c: c.__name__)
def test_a_user_without_profile_has_no_capability(db, django_user_model, capability):
    assert capability(django_user_model.objects.create_user("tamu", password="x")) is False


def test_require_refuses_with_the_message_and_lets_through_otherwise():
    access.require(True, "tidak dipakai")
    with pytest.raises(PermissionDenied, match="Peran Anda hanya dapat melihat data."):
        access.require(False, access.READ_ONLY)


@pytest.mark.parametrize(
    ("role", "puskesmas", "allowed"),
    [
        ("staff_a", "pkm_a", True),
        ("staff_a", "pkm_b", False),  # another Puskesmas of the same Kab/Kota
        ("staff_b", "pkm_b", True),
        ("dinkes_1", "pkm_a", False),  # Dinkes read a closed month, never close it
        ("kader_a", "pkm_a", False),
        ("admin", "pkm_c", True),
    ],
)
def test_only_the_puskesmas_own_staff_close_its_month(world, role, puskesmas, allowed):
    assert access.can_close_month(world.users[role], getattr(world, puskesmas)) is allowed


@pytest.mark.parametrize(
    ("role", "requestable"),
    [
        ("kader_a", set()),
        ("staff_a", {"pkm_a"}),
        ("staff_b", {"pkm_b"}),
        ("dinkes_1", {"kab1", "pkm_a", "pkm_b"}),
        ("dinkes_2", {"kab2", "pkm_c"}),
        ("admin", {"kab1", "kab2", "pkm_a", "pkm_b", "pkm_c"}),
    ],
)
def test_recap_requests_by_role_and_area(world, role, requestable):
    areas = ("kab1", "kab2", "pkm_a", "pkm_b", "pkm_c")
    allowed = {name for name in areas if access.can_request_recap(world.users[role], getattr(world, name))}
    assert allowed == requestable


@pytest.fixture
def visit_a(world):
    """A visit at Posyandu A on 1 November 2026 (recorded by the admin)."""
    admin = world.users["admin"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 11, 1), user=admin)
    return services.visit_register(person=world.a.person, opening_day=day, user=admin)


@pytest.mark.parametrize(
    ("role", "today", "allowed"),
    [
        ("kader_a", dt.date(2026, 12, 1), True),  # 30 days after: the last day for the kader
        ("kader_a", dt.date(2026, 12, 2), False),  # 31 days after
        ("staff_a", dt.date(2027, 6, 1), True),  # Puskesmas staff of the area: always
        ("kader_b", dt.date(2026, 11, 1), False),  # another Posyandu
        ("staff_b", dt.date(2026, 11, 1), False),  # another Puskesmas
        ("dinkes_1", dt.date(2026, 11, 1), False),  # reads only
        ("admin", dt.date(2027, 6, 1), True),
    ],
)
def test_who_may_edit_a_visit_and_until_when(world, visit_a, role, today, allowed):
    assert access.can_edit_visit(world.users[role], visit_a, today=today) is allowed


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("kader_a", "RECORD|"),
        ("staff_a", "RECORD|SASARAN|LOG"),
        ("dinkes_1", "|LOG"),
        ("admin", "RECORD|SASARAN|LOG"),
    ],
)
def test_templates_read_capabilities_as_can_dot_name(world, role, shown):
    template = Template(
        "{% if can.record_visits %}RECORD{% endif %}|{% if can.edit_sasaran %}SASARAN|{% endif %}"
        "{% if can.read_access_log %}LOG{% endif %}{% if can.no_such_thing %}X{% endif %}"
    )
    html = template.render(Context({"can": Capabilities(world.users[role])}))
    assert html == shown
