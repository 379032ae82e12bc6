"""Generated data for benchmarks (manage.py seed_district); not used by the app itself."""
