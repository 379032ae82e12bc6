from .pregnancy import AncContact, Outcome, PostnatalContact, Pregnancy, SupplementaryFood, TdDose
from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = [
    "AncContact", "AuditEntry", "Care", "Counselling", "Measurement", "OpeningDay", "Outcome",
    "PostnatalContact", "Pregnancy", "Referral", "SupplementaryFood", "TdDose", "Visit", "VisitKind",
]  # fmt: skip
