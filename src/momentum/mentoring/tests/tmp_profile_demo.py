import cProfile, pstats, io, time
import pytest
from momentum.core.demo import seeders
pytestmark = pytest.mark.django_db
def test_profile():
    out = io.StringIO()
    for seeder in seeders():
        if seeder.name == "mentoring":
            prof = cProfile.Profile()
            prof.enable()
            seeder.seed(out.write)
            prof.disable()
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(60)
            open("/tmp/prof/cum.txt", "w").write(s.getvalue())
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(30)
            open("/tmp/prof/tot.txt", "w").write(s.getvalue())
        else:
            seeder.seed(out.write)
