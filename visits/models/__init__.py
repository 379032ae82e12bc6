from .immunisation import Dose, Tempat
from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = [
    "AuditEntry",
    "Care",
    "Counselling",
    "Dose",
    "Measurement",
    "OpeningDay",
    "Referral",
    "Tempat",
    "Visit",
    "VisitKind",
]
