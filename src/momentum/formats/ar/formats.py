# Arabic date and time formats. Django's own Arabic module lacks the date-and-time ones, so
# English patterns were used ("ديسمبر 6, 2026, 3:35 ص"); these read naturally in Arabic.
DATE_FORMAT = "j F، Y"
DATETIME_FORMAT = "j F، Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F، Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
# Latin digits, as the programme writes them, with the separators Arabic readers of the region
# expect of them (Unicode CLDR, Arabic with Latin digits): 1,250.5 — a comma between digits is
# easily read as the Arabic list comma, and "12,5" as two numbers.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
