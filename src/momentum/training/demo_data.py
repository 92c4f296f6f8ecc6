"""The demo programme's courses, sessions, nominations, attendance, tests and certificates."""
