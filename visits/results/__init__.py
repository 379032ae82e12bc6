"""Results derived from a visit's records and prepared for display: measurement.py (z-scores,
KMS, referral facts), meja3.py (what meja 3 shows), growth_report.py and audit_text.py (the visit
history). Recomputing after a birth date or sex correction is a write: visits/services.py."""
