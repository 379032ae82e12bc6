"""Login throttling: failures counted per username and per client address in Django's cache.

After `FREE_FAILURES` failures of a username (`ADDRESS_FREE_FAILURES` of an address: a whole
Puskesmas may share one) the key is locked for a delay that doubles with each further failure
(1, 2, 4 … minutes, at most `MAX_LOCK_SECONDS`). A good password does not get through a
lock, so guessing gains nothing from trying faster. An admin clears the counters on the unlock
page; they also fade on their own `WINDOW_SECONDS` after the last failure.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache

FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 60 * 60
WINDOW_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Attempt:
    """Who is trying to log in: the typed username (lower-cased) and the client address."""

    username: str
    address: str

    def cache_keys(self) -> list[str]:
        """The typed username is hashed: any text a stranger types makes a valid cache key (no
        spaces or control characters, bounded length), and the cache holds no usernames."""
        typed = hashlib.sha256(self.username.strip().lower().encode()).hexdigest()
        return [f"login-fail:user:{typed}", f"login-fail:ip:{self.address}"]

    def limits(self) -> list[tuple[str, int]]:
        """Each cache key with the failures it is allowed before a lock."""
        return list(zip(self.cache_keys(), (FREE_FAILURES, ADDRESS_FREE_FAILURES), strict=True))


def lock_seconds(failures: int, free: int = FREE_FAILURES) -> int:
    """How long a key stays locked after `failures` failures: 0 up to the free ones, then doubling."""
    if failures < free:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** (failures - free), MAX_LOCK_SECONDS)


def seconds_locked(attempt: Attempt, now: float | None = None) -> int:
    """Seconds until the attempt may try again (0 when it may try now)."""
    now = time.time() if now is None else now
    waits = []
    for key, free in attempt.limits():
        record = cache.get(key)
        if record:
            failures, last = record
            waits.append(last + lock_seconds(failures, free) - now)
    return max(0, math.ceil(max(waits, default=0)))


def record_failure(attempt: Attempt, now: float | None = None) -> None:
    now = time.time() if now is None else now
    for key in attempt.cache_keys():
        failures, _ = cache.get(key) or (0, now)
        cache.set(key, (failures + 1, now), WINDOW_SECONDS)


def record_success(attempt: Attempt) -> None:
    """A correct login forgets the username's failures (the address may still hold others')."""
    cache.delete(attempt.cache_keys()[0])


def unlock(*, username: str = "", address: str = "") -> None:
    """Clear the counters of a username and/or an address (the admin's unlock)."""
    keys = Attempt(username, address).cache_keys()
    cache.delete_many([key for key, value in zip(keys, (username, address), strict=True) if value])


def wait_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return (
        f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit, "
        "atau minta admin membuka kunci akun Anda."
    )
