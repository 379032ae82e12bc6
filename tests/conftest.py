from tests.browser import browser, phone  # noqa: F401  (fixtures)
