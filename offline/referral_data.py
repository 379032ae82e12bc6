"""The referral rules' thresholds for the phone, read from visits/rules.py and the KMS rule
setting, never typed a second time: static/js/referral_rules.js derives meja 3's referral
reasons ("sementara") with them as visits/referral_rules.py does on the server;
offline/tests/test_referral_parity.py holds both to the same reasons."""

from __future__ import annotations

from visits import rules
from visits.growth.indices import DAYS_PER_MONTH
from visits.growth.kms import KMS_UNTIL_MONTHS
from visits.results.measurement import KMS_RULES


def referral_data() -> dict:
    return {
        "kms_rule": KMS_RULES.referral.value,
        "orange_above": KMS_RULES.orange_line_z,
        "bgm_below": KMS_RULES.bgm_below_z,
        "days_per_month": DAYS_PER_MONTH,
        "kms_until_months": KMS_UNTIL_MONTHS,
        "balita_until_months": rules.BALITA_UNTIL_MONTHS,
        "lila_severe_below": rules.LILA_SEVERE_BELOW,
        "lila_moderate_below": rules.LILA_MODERATE_BELOW,
        "kek_lila_below": rules.KEK_LILA_BELOW,
        "lansia_lila_below": rules.LANSIA_LILA_BELOW,
        "hypertension": [rules.HYPERTENSION_SYSTOLIC, rules.HYPERTENSION_DIASTOLIC],
        "adult_bp_from_years": rules.ADULT_BP_FROM_YEARS,
        "adolescent_from_years": rules.ADOLESCENT_FROM_YEARS,
        "adolescent_hypertension_1": list(rules.ADOLESCENT_HYPERTENSION_1),
        "child_bp": {
            sex: {str(years): list(limits) for years, limits in by_age.items()}
            for sex, by_age in rules.CHILD_BP_LIMITS.items()
        },
        "gula_darah_refer": rules.GULA_DARAH_REFER,
        "puma_positive": rules.PUMA_POSITIVE,
        "srq20_positive": rules.SRQ20_POSITIVE,
        "sdq_parent_bands": list(rules.SDQ_PARENT_BANDS),
        "sdq_self_bands": list(rules.SDQ_SELF_BANDS),
        "sdq_self_from_years": rules.SDQ_SELF_FROM_YEARS,
        "aks_mandiri": rules.AKS_MANDIRI,
        # the category of every score that is referred (0 … AKS_MANDIRI − 1), from the rule itself
        "aks_categories": [rules.aks_category(score) for score in range(rules.AKS_MANDIRI)],
        "hb_anemia_hamil_below": rules.HB_ANEMIA_HAMIL_BELOW,
        "hb_anemia_remaja_putri_below": rules.HB_ANEMIA_REMAJA_PUTRI_BELOW,
        "remaja_putri_years": list(rules.REMAJA_PUTRI_YEARS),
    }
