import cProfile, pstats, io
import pytest
from momentum.core.demo import seeders

@pytest.mark.django_db
def test_profile():
    for s in seeders():
        if s.name in ("programme", "people"):
            s.seed(lambda l: None)
    hub = [s for s in seeders() if s.name == "hub"][0]
    pr = cProfile.Profile(); pr.enable()
    hub.seed(print)
    pr.disable()
    out = io.StringIO()
    pstats.Stats(pr, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())
