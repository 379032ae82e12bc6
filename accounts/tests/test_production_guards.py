"""Demo data and a known secret key never reach production; `check --deploy` is clean there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from registry import demo

ROOT = Path(__file__).resolve().parents[2]
# The production settings documented in README "Production".
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3Yp9-very-long-random-production-key-0123456789abcdefXYZ",
    "ALLOWED_HOSTS": "posyandu.example.id",
    "SECURE_COOKIES": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def _manage(*args, **env):
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it.
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )


def test_production_without_secret_key_refuses_to_start():
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_quick_start_with_debug_has_a_default_key():
    assert _manage("check", DEBUG="1").returncode == 0


def test_check_deploy_is_clean_with_the_documented_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https_settings():
    env = {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


@pytest.mark.django_db
def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="bukan produksi"):
        call_command("seed_demo")
    assert not demo.demo_exists()


@pytest.mark.django_db
def test_seed_demo_runs_with_the_explicit_flag(settings, monkeypatch, capsys):
    settings.DEBUG = False
    # The demo already there: only the guard is under test, not the (slow) data building.
    monkeypatch.setattr(demo, "demo_exists", lambda: True)
    monkeypatch.setattr(demo, "demo_logins", lambda: [])
    call_command("seed_demo", "--i-know-this-is-not-production")
    assert "Data contoh sudah ada" in capsys.readouterr().out


def test_make_run_says_it_is_a_demo():
    assert "DEMO:" in (ROOT / "scripts" / "run.sh").read_text()
