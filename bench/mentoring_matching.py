"""Time the mentoring matching engine on a large intake: 500 mentees and 200 mentors.

    .venv/bin/python bench/mentoring_matching.py [--mentees 500] [--mentors 200] [--repeat 7]
                                                 [--seed 2024]

No database: the profiles are generated in memory with fixed-seed random attributes shaped
like the programme's people — working languages (Arabic for most, French or English for
many), about forty agencies (programme staff mentors have none), twelve thematic areas and
ten areas of work, a third of the mentees asking for the leadership track, some naming
mentors or a kind of mentor, and one to five places per mentor (about 600 places in all).

It times ``propose_assignment`` (the score matrix, the optimal assignment and the breakdown
of every pair proposed) ``--repeat`` times after one warm-up run and prints the median and the
maximum in seconds, then compares the proposal with the greedy baseline (best pair first):
mentees matched and total score.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from momentum.mentoring.matching import MenteeProfile, MentorProfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

LANGUAGES = {"ar": 0.85, "fr": 0.35, "en": 0.55}
AGENCIES = range(1, 41)
THEMATIC_AREAS = range(1, 13)
AREAS_OF_WORK = range(1, 11)
KINDS = ("interpol_staff", "senior_officer")


def _languages(rng: random.Random) -> frozenset[str]:
    spoken = frozenset(code for code, share in LANGUAGES.items() if rng.random() < share)
    return spoken or frozenset({"ar"})


def generate(
    mentee_count: int, mentor_count: int, seed: int
) -> tuple[list[MenteeProfile], list[MentorProfile]]:
    from momentum.mentoring.matching import MenteeProfile, MentorProfile

    rng = random.Random(seed)
    mentors = []
    for key in range(1, mentor_count + 1):
        kind = "interpol_staff" if rng.random() < 0.25 else "senior_officer"
        mentors.append(
            MentorProfile(
                key=key,
                languages=_languages(rng),
                agency_id=None if kind == "interpol_staff" else rng.choice(AGENCIES),
                expertise_areas=frozenset(rng.sample(THEMATIC_AREAS, rng.randint(2, 5))),
                work_areas=frozenset(rng.sample(AREAS_OF_WORK, rng.randint(1, 3))),
                leads_leadership=rng.random() < 0.4,
                kind=kind,
                capacity_left=rng.randint(1, 5),
            )
        )
    mentees = []
    for key in range(1, mentee_count + 1):
        named = rng.random() < 0.1
        mentees.append(
            MenteeProfile(
                key=10_000 + key,
                languages=_languages(rng),
                agency_id=rng.choice(AGENCIES),
                goal_areas=frozenset(rng.sample(THEMATIC_AREAS, rng.randint(0, 3))),
                work_areas=frozenset(rng.sample(AREAS_OF_WORK, rng.randint(1, 2))),
                wants_leadership=rng.random() < 0.33,
                preferred_mentor_keys=frozenset(
                    rng.sample(range(1, mentor_count + 1), rng.randint(1, 2)) if named else ()
                ),
                preferred_mentor_kind=rng.choice(KINDS) if rng.random() < 0.4 else None,
            )
        )
    return mentees, mentors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=500)
    parser.add_argument("--mentors", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    # The explanations go through gettext, which needs the settings; no database is touched.
    os.environ.setdefault("MOMENTUM_TESTING", "true")
    os.environ.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "test"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    import django

    django.setup()
    from django.utils import translation

    from momentum.mentoring.matching import Weights, greedy_assignment, propose_assignment

    translation.activate("en")
    mentees, mentors = generate(args.mentees, args.mentors, args.seed)
    weights = Weights()
    places = sum(mentor.capacity_left for mentor in mentors)
    print(f"{len(mentees)} mentees, {len(mentors)} mentors, {places} places (seed {args.seed})")

    proposal = propose_assignment(mentees, mentors, weights)  # warm-up
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        proposal = propose_assignment(mentees, mentors, weights)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    greedy = greedy_assignment(mentees, mentors, weights)
    greedy_time = time.perf_counter() - start

    print(
        f"propose_assignment: median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s over {args.repeat} runs"
    )
    print(f"greedy_assignment: {greedy_time:.3f} s (one run)")
    print(f"{'':10} {'matched':>8} {'unmatched':>10} {'total score':>12} {'mean':>6}")
    for name, result in (("optimal", proposal), ("greedy", greedy)):
        mean = result.total / len(result.pairs) if result.pairs else 0.0
        print(
            f"{name:10} {len(result.pairs):>8} {len(result.unmatched):>10} "
            f"{result.total:>12.1f} {mean:>6.1f}"
        )
    gain = proposal.total - greedy.total
    print(f"optimal - greedy: {gain:+.1f} points ({gain / greedy.total:+.2%})")


if __name__ == "__main__":
    main()
