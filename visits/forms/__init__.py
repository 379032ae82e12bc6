"""The visits forms: meja.py (the five tables of a visit) and pages.py (opening day, referral
follow-up and growth check)."""
