from .home_visit import HomeVisitOutcome, HomeVisitResult
from .immunisation import Dose, Tempat
from .pregnancy import AncContact, Outcome, PostnatalContact, Pregnancy, SupplementaryFood, TdDose
from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = [
    "AncContact", "AuditEntry", "Care", "Counselling", "Dose", "HomeVisitOutcome", "HomeVisitResult",
    "Measurement", "OpeningDay", "Outcome", "PostnatalContact", "Pregnancy", "Referral", "SupplementaryFood",
    "Tempat", "TdDose", "Visit", "VisitKind",
]  # fmt: skip
