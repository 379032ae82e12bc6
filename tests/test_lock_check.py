"""scripts/lock_check.sh: CI refuses lock files that no longer come from requirements*.in."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["requirements.in", "requirements-dev.in", "requirements.txt", "requirements-dev.txt"]


def _copy(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "lock_check.sh", tmp_path / "scripts")
    for name in FILES:
        shutil.copy(ROOT / name, tmp_path)
    return tmp_path


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/lock_check.sh"], cwd=root, capture_output=True, text=True)


def test_the_committed_locks_match_their_inputs(tmp_path):
    assert _check(_copy(tmp_path)).returncode == 0


def test_an_edited_input_without_a_new_lock_fails(tmp_path):
    root = _copy(tmp_path)
    with open(root / "requirements-dev.in", "a") as f:
        f.write("# a comment is an edit too\n")
    result = _check(root)
    assert result.returncode == 1
    assert "requirements-dev.txt does not match" in result.stderr and "make lock" in result.stderr


def test_a_pin_changed_in_the_lock_by_hand_fails_even_with_the_stamp(tmp_path):
    root = _copy(tmp_path)
    lock = root / "requirements.txt"
    lock.write_text(lock.read_text().replace("django==5.2.19", "django==5.2.18"))
    result = _check(root)
    assert result.returncode == 1
    assert "requirements.txt lacks pins from requirements.in: django==5.2.19" in result.stderr
