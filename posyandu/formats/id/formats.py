"""Indonesian formats used across the app (overrides of Django's "id" locale where needed)."""

DATE_FORMAT = "j N Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATETIME_FORMAT = "j N Y, H.i"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
