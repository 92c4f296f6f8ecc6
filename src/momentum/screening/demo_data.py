from momentum.core.demo import register_seeder  # noqa: F401
