"""The visits pages: opening_day.py (opening days, the five tables, home visits, referrals) and
growth_check.py (the standalone growth check)."""
