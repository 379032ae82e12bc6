"""Database helpers every app shares."""

from django.db import connection


def refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load (demo or benchmark data). Until autovacuum catches up, PostgreSQL
    plans as if the tables were empty, and the nested lists (home visits, SKDN) then take minutes
    instead of milliseconds. Rows inserted by the running transaction are counted too."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
