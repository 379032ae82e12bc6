"""One set of referral rules, two places: static/js/referral_rules.js (meja 3 on the phone, with
the thresholds of offline/referral_data.py) and visits/referral_rules.py on the same 20,000
generated visits: every life-cycle group, ages 0–90 years, both sexes, values on and around each
threshold, both KMS referral settings. Identical (code, reason) lists, in the same order."""

import datetime as dt
import json
import random

import pytest

from offline.referral_data import referral_data
from registry.lifecycle import lifecycle_groups
from visits import rules
from visits.growth.kms import KmsCode, KmsRules, MonthResult, ReferralRule, Weighing, assess_month
from visits.growth.status import BBPB, PBU
from visits.referral_rules import VisitFacts, referral_reasons

pytestmark = pytest.mark.browser
N = 20_000
ON = dt.date(2026, 11, 16)
SCRIPT = "static/js/referral_rules.js"
# values the rules compare with, and the generated values are put on and around
NEAR = {
    "lila_cm": [11.5, 12.5, 21, 23.5],
    "sistol": [105, 107, 110, 113, 114, 120, 130, 140],
    "diastol": [66, 69, 72, 75, 80, 90],
    "hb": [11, 12],
    "gula_darah": [200],
}
SPREAD = {"lila_cm": (6, 40), "sistol": (60, 200), "diastol": (30, 130), "hb": (3, 20),
          "gula_darah": (20, 600), "berat_kg": (1, 120), "tinggi_cm": (40, 190)}  # fmt: skip


def _measure(rng: random.Random, name: str) -> float | None:
    if rng.random() < 0.35:
        return None
    if name in NEAR and rng.random() < 0.5:
        return rng.choice(NEAR[name]) + rng.choice([-0.1, 0, 0, 0.1, 1])
    low, high = SPREAD[name]
    return round(rng.uniform(low, high), rng.choice([0, 1, 2]))


def _maybe(rng: random.Random, value, chance: float = 0.4):
    return value if rng.random() < chance else None


def _person(rng: random.Random):
    age_days = rng.choice([rng.randint(0, 6 * 365), rng.randint(0, 20 * 365), rng.randint(0, 90 * 365)])
    born, sex = ON - dt.timedelta(days=age_days), rng.choice("LP")
    hpht = persalinan = None
    if sex == "P" and rng.random() < 0.5:
        if rng.random() < 0.6:
            hpht = ON - dt.timedelta(days=rng.randint(0, 280))
        else:
            persalinan = ON - dt.timedelta(days=rng.randint(0, 60))
    groups = frozenset(lifecycle_groups(born, ON, sex, hpht, persalinan))
    return born, sex, age_days, groups


def _kms(rng: random.Random):
    """(code, two_t, z_bbu, setting) of the month, or None when the child was not weighed."""
    if rng.random() < 0.3:
        return None
    code = rng.choice("NTOB")
    z = _maybe(rng, rng.choice([-3, -2, 0, 2, 3]) + rng.choice([-0.01, 0, 0.01, 0.5]), 0.8)
    setting = rng.choice(list(ReferralRule)).value
    return code, code == "T" and rng.random() < 0.5, z, setting


def _services(rng: random.Random) -> dict:
    tbc = [key for key, _ in rules.GEJALA_TBC if rng.random() < 0.1]
    skilas = [key for key, _ in rules.SKILAS if rng.random() < 0.1]
    return {"gejala_tbc": tbc, "skilas": skilas, "puma_skor": _maybe(rng, rng.randint(0, 10)),
            "srq20_skor": _maybe(rng, rng.randint(0, 20)), "sdq_skor": _maybe(rng, rng.randint(0, 40)),
            "aks_skor": _maybe(rng, rng.randint(0, 20)), "tanda_bahaya": rng.random() < 0.1}  # fmt: skip


def generated_visits(seed: int = 20261116) -> list[dict]:
    rng = random.Random(seed)
    visits = []
    for _ in range(N):
        born, sex, age_days, groups = _person(rng)
        measured = {name: _measure(rng, name) for name in SPREAD}
        status = {"bbpb": _maybe(rng, rng.choice(BBPB)[2], 0.6), "pbu": _maybe(rng, rng.choice(PBU)[2], 0.6)}
        implausible = [name for name in ("bbu", "pbu", "bbpb") if rng.random() < 0.1]
        visits.append({"groups": sorted(groups), "age_days": age_days, "measurements": measured,
                       "status": status, "implausible": implausible, "kms": _kms(rng),
                       "services": _services(rng),
                       "subject": {"lahir": born.isoformat(), "on": ON.isoformat(), "sex": sex}})  # fmt: skip
    return visits


def python_reasons(v: dict) -> list[list[str]]:
    kms = None
    if v["kms"]:
        code, two_t, z, setting = v["kms"]
        month = MonthResult(ON.replace(day=1), Weighing(ON, 10.0), KmsCode(code), two_t=two_t)
        kms = assess_month(month, z, KmsRules(referral=ReferralRule(setting)))
    s = v["subject"]
    facts = VisitFacts(
        groups=frozenset(v["groups"]), age_days=v["age_days"], measurements=v["measurements"],
        status=v["status"], implausible=frozenset(v["implausible"]), kms=kms, services=v["services"],
        subject=rules.Subject(dt.date.fromisoformat(s["lahir"]), ON, s["sex"]),
    )  # fmt: skip
    return [list(pair) for pair in referral_reasons(facts)]


JS = """
(text) => {
  const [R, visits] = JSON.parse(text);
  return JSON.stringify(visits.map(v => {
    const setting = v.kms && Object.assign({}, R, {kms_rule: v.kms[3]});
    const kms = v.kms && ReferralRules.assessKms(v.kms[0], v.kms[1], v.kms[2], setting);
    return ReferralRules.reasons(Object.assign({}, v, {kms: kms}), R);
  }));
}
"""


def test_browser_and_python_referral_rules_agree_on_20000_visits(browser):
    visits = generated_visits()
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=SCRIPT)
        js = json.loads(page.evaluate(JS, json.dumps([referral_data(), visits])))
    finally:
        page.close()
    theirs = [python_reasons(v) for v in visits]
    mismatches = [(v, mine, py) for v, mine, py in zip(visits, js, theirs, strict=True) if mine != py]
    assert not mismatches, mismatches[:3]
    # the generated visits reach every rule, so an agreement is about something
    codes = {code for reasons in theirs for code, _ in reasons}
    assert codes == {"2t", "t", "garis_oranye", "bgm", "gizi_buruk", "gizi_kurang", "stunting",
                     "lila_buruk", "lila_kurang", "td_anak", "td_hamil", "hipertensi", "anemia_hamil",
                     "anemia_remaja", "kek", "lansia_lila", "gula_darah", "tbc", "skilas", "puma", "srq20",
                     "sdq", "aks", "tanda_bahaya"}  # fmt: skip
