"""The ceiling: a bare Django project that renders 25 rows from PostgreSQL through a template."""
