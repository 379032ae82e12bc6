from .home_visit import HomeVisitOutcome, Outcome
from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = [
    "AuditEntry", "Care", "Counselling", "HomeVisitOutcome", "Measurement", "OpeningDay", "Outcome",
    "Referral", "Visit", "VisitKind",
]  # fmt: skip
