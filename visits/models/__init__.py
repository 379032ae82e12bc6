from .home_visit import HomeVisitOutcome, HomeVisitResult
from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = [
    "AuditEntry",
    "Care",
    "Counselling",
    "HomeVisitOutcome",
    "HomeVisitResult",
    "Measurement",
    "OpeningDay",
    "Referral",
    "Visit",
    "VisitKind",
]
