.PHONY: run test test-fast lint lock

PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" .venv/bin/pip-compile --quiet --generate-hashes \
	--strip-extras --no-emit-index-url --no-emit-find-links

run:  ## the app with demo data on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set)
	bash scripts/run.sh

test:  ## the whole suite on a throwaway PostgreSQL 15 and Redis
	bash scripts/test.sh

test-fast:  ## the inner loop: the suite without browser, Celery-worker and quick-start tests
	bash scripts/test.sh -q -m "not browser and not integration and not smoke"

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

lock:  ## after editing requirements*.in: the hashed lock files, stamped with the inputs' hash
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements.in requirements-dev.in
	bash scripts/lock_check.sh --stamp
