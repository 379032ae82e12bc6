"""A Redis cache that fails open: with Redis down, a read is a miss and a write is skipped.

The cache only holds figures the database can recompute (reports of closed months), so an
outage makes pages slower, never broken. Django's RedisCache raises on a refused connection."""

import logging
from time import monotonic

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


# After a failure the cache is left alone for this long: a Redis that does not answer would
# otherwise cost a connection timeout on every read and write of a page.
PAUSE_SECONDS = 30


class FailOpenRedisCacheClient(RedisCacheClient):
    _paused_until = 0.0

    def _fail_open(self, operation: str, fallback, *args):
        if monotonic() < self._paused_until:
            return fallback
        try:
            return getattr(super(), operation)(*args)
        except RedisError as error:
            log.warning("cache %s skipped, Redis unavailable for %s s: %s", operation, PAUSE_SECONDS, error)
            self._paused_until = monotonic() + PAUSE_SECONDS
            return fallback

    def get(self, key, default):
        return self._fail_open("get", default, key, default)

    def get_many(self, keys):
        return self._fail_open("get_many", {}, keys)

    def has_key(self, key):
        return self._fail_open("has_key", False, key)

    def add(self, key, value, timeout):
        return self._fail_open("add", False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._fail_open("set", None, key, value, timeout)

    def set_many(self, data, timeout):
        return self._fail_open("set_many", list(data), data, timeout)

    def touch(self, key, timeout):
        return self._fail_open("touch", False, key, timeout)

    def delete(self, key):
        return self._fail_open("delete", False, key)

    def delete_many(self, keys):
        return self._fail_open("delete_many", 0, keys)

    def clear(self):
        return self._fail_open("clear", False)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenRedisCacheClient
