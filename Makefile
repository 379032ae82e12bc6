.PHONY: run test lint

run:  ## the app with demo data on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set)
	bash scripts/run.sh

test:  ## the whole suite on a throwaway PostgreSQL 15 and Redis
	bash scripts/test.sh

lint:
	.venv/bin/ruff check .
