from .records import Care, Counselling, Measurement
from .review import AuditEntry, Referral
from .visit import OpeningDay, Visit, VisitKind

__all__ = ["AuditEntry", "Care", "Counselling", "Measurement", "OpeningDay", "Referral", "Visit", "VisitKind"]
