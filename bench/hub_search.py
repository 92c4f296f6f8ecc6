"""Knowledge Hub at scale on PostgreSQL: search latency and thread page throughput.

    .venv/bin/python bench/hub_search.py [--posts 200000] [--threads 500] [--spaces 20]
        [--queries 200] [--reuse]

Uses ``HUB_BENCH_DATABASE_URL`` (default postgresql://postgres@127.0.0.1:5432/momentum_bench_hub;
its name must contain "bench"). The database is dropped and created again (``--reuse`` keeps
one that already holds the generated posts), migrated, then filled with bulk inserts:

- 20 spaces: programme-wide and thematic ones open to all, country ones, private ones (by
  invitation), each with a main language (Arabic, French, English in turn);
- 200 authors and one reader: a trainer (programme-wide) who is an active member of two
  private spaces and one country space;
- 500 threads, their lengths skewed (a few with thousands of replies), 200,000 posts in all,
  written from a vocabulary of 30,000 distinct words per language drawn with Zipf's law (the
  real content words first, the most frequent; then made-up words shaped like the language's:
  Arabic roots in patterns with endings, Latin syllables with French or English endings),
  mostly in the space's language with some of the others mixed in, over three years;
- one search entry per post, with the keys ``hub.services.search_index`` writes (checked on a
  sample), and 300 resources indexed by the service; the GIN token indexes of migration 0003
  are built from scratch after the load (their size is printed).

Then it measures, as the reader:

- search: ``hub.selectors.search.search`` for 200 queries of one or two words drawn from the
  vocabulary by the same Zipf law (Arabic variants and unaccented French included), each timed
  as the search page reads it: the count and the first page of 20, with the highlighted
  excerpts; one-word and multi-word queries are also reported apart;
- the search page through Django's test client for a sample of the queries;
- the thread page (``/en/hub/threads/<pk>/?page=N``, 50 posts a page) through the test client:
  requests per second over pages of the longest threads.

Production settings (``MOMENTUM_TESTING=false``); the figures are deterministic (``--seed``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/momentum_bench_hub"
BATCH = 5000

# Content words (the ones people search for), most frequent first: frequencies fall off as in
# real text (Zipf), so some queries match thousands of posts and others a handful.
ARABIC = (  # noqa: SIM905 - a sentence of words reads better than a column of them
    "الأسرة مكافحة الاتجار بالبشر الحدود التدريب الأمن وثائق السفر الهجرة إدارة الشرطة "
    "التحقيق الضحايا حماية المطار الجوازات التزوير التعاون الإقليمي المعلومات تبادل القانون "
    "الجريمة المنظمة الإرهاب الوقاية المجتمع الشباب المرأة الطفل مستوى تحليل المخاطر دورة "
    "ورشة تقرير سنوي ٢٠٢٤ ٢٠٢٣ خطة وطنية استراتيجية المراقبة البحرية الجمارك التهريب "
    "الأسلحة المخدرات وبالتدريب والأمن بالحدود للشرطة الأدلة المقابلة الإحالة اللجوء "
    "النوع الاجتماعي قاعدة البيانات فحص"
).split()
FRENCH = (  # noqa: SIM905
    "sécurité frontières contrôle documents voyage formation police enquête victimes traite "
    "êtres humains coopération régionale échange informations stratégie nationale prévention "
    "communauté aéroport passeports fraude analyse risques douanes trafic migration gestion "
    "rapport atelier réseau données protection enfants femmes procédure équipe expérience "
    "pratiques été hiver année 2024 2023 plan mesures éducation intégrité déontologie preuves "
    "entretien orientation asile genre garde-côtes maritime"
).split()
ENGLISH = (  # noqa: SIM905
    "border security training documents travel police investigation victims trafficking "
    "cooperation regional exchange information strategy national prevention community airport "
    "passports fraud analysis risk customs smuggling migration management report workshop "
    "network data protection children women procedure team experience practice checklist "
    "database interview evidence forensic coast guard maritime port visa asylum referral "
    "gender 2024 2023"
).split()
FILLER = {
    "ar": "في من على إلى مع هذا هذه التي الذي كان نحن عن أن ما لا".split(),  # noqa: SIM905
    "fr": "le la les de des du et en pour avec sur dans une un nous est".split(),  # noqa: SIM905
    "en": "the of and to in for with on a is we our this that it".split(),  # noqa: SIM905
}
VOCABULARY = 30_000  # distinct content words per language (the real words above come first)
_ARABIC_ROOT_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_ARABIC_PATTERNS = (  # 1, 2, 3 stand for the root's letters
    "123",
    "1ا23",
    "م12ه3",
    "ت12ي3",
    "م1ا23ه",
    "1ا2ي3",
    "است123ام",
    "م123",
    "1ا23ه",
    "12و3",
    "ت1ا2ي3",
    "1ا2و3",
    "م12ي3",
    "12ا3ه",
    "ا12ا3",
)
_ARABIC_ENDINGS = ("", "", "", "ات", "ين", "ون", "ها", "هم", "ي")
_LATIN_SYLLABLES = {
    "fr": [
        "ba",
        "be",
        "bi",
        "bo",
        "bu",
        "ca",
        "ce",
        "ci",
        "co",
        "cu",
        "da",
        "de",
        "di",
        "do",
        "du",
        "fa",
        "fe",
        "fi",
        "fo",
        "ga",
        "ge",
        "gi",
        "go",
        "la",
        "le",
        "li",
        "lo",
        "lu",
        "ma",
        "me",
        "mi",
        "mo",
        "mu",
        "na",
        "ne",
        "ni",
        "no",
        "nu",
        "pa",
        "pe",
        "pi",
        "po",
        "pu",
        "ra",
        "re",
        "ri",
        "ro",
        "ru",
        "sa",
        "se",
        "si",
        "so",
        "su",
        "ta",
        "te",
        "ti",
        "to",
        "tu",
        "va",
        "ve",
        "vi",
        "vo",
        "cha",
        "che",
        "chi",
        "tra",
        "tre",
        "tri",
        "pro",
        "pre",
        "pri",
        "gra",
        "gre",
        "bri",
        "cla",
        "cle",
        "fla",
        "flo",
    ],
    "en": [
        "ba",
        "be",
        "bi",
        "bo",
        "bu",
        "ca",
        "co",
        "cu",
        "da",
        "de",
        "di",
        "do",
        "du",
        "fa",
        "fe",
        "fi",
        "fo",
        "ga",
        "go",
        "ha",
        "he",
        "hi",
        "ho",
        "la",
        "le",
        "li",
        "lo",
        "lu",
        "ma",
        "me",
        "mi",
        "mo",
        "mu",
        "na",
        "ne",
        "ni",
        "no",
        "pa",
        "pe",
        "pi",
        "po",
        "ra",
        "re",
        "ri",
        "ro",
        "sa",
        "se",
        "si",
        "so",
        "ta",
        "te",
        "ti",
        "to",
        "wa",
        "we",
        "wi",
        "wo",
        "bra",
        "bre",
        "bri",
        "cra",
        "cre",
        "cri",
        "dra",
        "dre",
        "pra",
        "pre",
        "pri",
        "sta",
        "ste",
        "sti",
        "stra",
        "stre",
        "thra",
        "thre",
    ],
}
_LATIN_ENDINGS = {
    "fr": ("", "", "s", "tion", "tions", "ment", "ments", "eur", "eurs", "ique", "iques", "er"),
    "en": ("", "", "s", "tion", "tions", "ment", "ments", "er", "ers", "ing", "ed", "ity"),
}


def _arabic_word(rng: random.Random) -> str:
    root = rng.sample(_ARABIC_ROOT_LETTERS, 3)
    word = rng.choice(_ARABIC_PATTERNS)
    for number, letter in zip("123", root, strict=True):
        word = word.replace(number, letter)
    return word + rng.choice(_ARABIC_ENDINGS)


def _latin_word(language: str, rng: random.Random) -> str:
    syllables = rng.choices(_LATIN_SYLLABLES[language], k=rng.randint(2, 4))
    return "".join(syllables) + rng.choice(_LATIN_ENDINGS[language])


def vocabulary(language: str, real: list[str], size: int) -> list[str]:
    """``size`` distinct words, the real ones first (the most frequent), then made-up words
    shaped like the language's (Arabic roots in patterns with endings; Latin syllables with
    French or English endings), always the same ones."""
    rng = random.Random(f"vocabulary-{language}")
    words = list(dict.fromkeys(real))
    seen = set(words)
    while len(words) < size:
        word = _arabic_word(rng) if language == "ar" else _latin_word(language, rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


CONTENT = {
    code: vocabulary(code, real, VOCABULARY)
    for code, real in (("ar", ARABIC), ("fr", FRENCH), ("en", ENGLISH))
}
# How people write the same Arabic word differently (applied to queries).
_ARABIC_VARIANTS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
)
_FRENCH_PLAIN = str.maketrans("éèêëàâîïôûùç", "eeeeaaiiouuc")


def configure() -> str:
    """Production settings on the bench database; returns the database's name."""
    url = os.environ.get("HUB_BENCH_DATABASE_URL", DEFAULT_URL)
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("HUB_BENCH_DATABASE_URL must be a postgresql:// URL.")
    name = parsed.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to use {name!r}: the benchmark database's name must say bench.")
    os.environ["MOMENTUM_DATABASE_URL"] = url
    os.environ["MOMENTUM_TESTING"] = "false"  # production settings, whatever the shell says
    os.environ["MOMENTUM_MFA_REQUIRED"] = "false"
    os.environ.pop("MOMENTUM_DEMO", None)
    os.environ.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    Path(os.environ["MOMENTUM_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    return name


def _admin_connection() -> Any:
    import psycopg
    from django.conf import settings

    database: dict[str, Any] = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        autocommit=True,
    )


def prepare_database(name: str, *, reuse: bool) -> bool:
    """Create (or recreate) and migrate the database; True when its data can be reused."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    with _admin_connection() as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    if exists and reuse and not _schema_gaps():
        from momentum.hub.models import Post

        if Post.objects.exists():
            return True
    _recreate(name)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # the totals' cache (core.counting)
    gaps = _schema_gaps()
    if gaps:
        # Another change to the models is not in a migration yet: build the tables from the
        # models (as the tests do) and add the trigram indexes the way migration 0002 does.
        print(f"The migrations lag behind the models ({', '.join(gaps[:4])}…): using the models.")
        _build_from_models(name)
    print(f"  schema: {time.perf_counter() - started:.1f} s")
    return False


def _recreate(name: str) -> None:
    from django.db import connection

    connection.close()
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def _schema_gaps() -> list[str]:
    from django.apps import apps
    from django.db import connection

    gaps = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model in apps.get_models():
            table = model._meta.db_table
            if table not in tables:
                gaps.append(table)
                continue
            columns = {
                c.name for c in connection.introspection.get_table_description(cursor, table)
            }
            gaps += [
                f"{table}.{field.column}"
                for field in model._meta.concrete_fields
                if field.column not in columns
            ]
    return gaps


class _NoMigrations(dict[str, None]):
    def __contains__(self, item: object) -> bool:
        return True

    def __getitem__(self, item: str) -> None:
        return None


def _build_from_models(name: str) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    _recreate(name)
    settings.MIGRATION_MODULES = _NoMigrations()
    call_command("migrate", interactive=False, verbosity=0, run_syncdb=True)
    call_command("createcachetable", verbosity=0)
    build_token_indexes()
    with connection.schema_editor() as editor:
        editor.execute(
            "CREATE INDEX IF NOT EXISTS hub_searchentry_newest "
            "ON hub_searchentry (published_at DESC, id DESC)"
        )


# --- text ---


def _zipf_weights(count: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(count)]


class Writer:
    """Sentences in a space's language (85 % of the content words; a third of all words are
    short function words), with some words of the other two languages mixed in."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pool: dict[str, list[str]] = {}
        self.cumulative: dict[str, list[float]] = {}
        for language in CONTENT:
            words: list[str] = []
            weights: list[float] = []
            for code, content in CONTENT.items():
                share = 0.65 * (0.85 if code == language else 0.075)
                zipf = _zipf_weights(len(content))
                total = sum(zipf)
                words += content
                weights += [share * weight / total for weight in zipf]
            filler = FILLER[language]
            words += filler
            weights += [0.35 / len(filler)] * len(filler)
            self.pool[language] = words
            self.cumulative[language] = list(itertools.accumulate(weights))

    def words(self, language: str, count: int) -> list[str]:
        return self.rng.choices(self.pool[language], cum_weights=self.cumulative[language], k=count)

    def body(self, language: str) -> str:
        return " ".join(self.words(language, self.rng.randint(20, 70)))

    def title(self, language: str) -> str:
        return " ".join(self.words(language, self.rng.randint(4, 9)))


def _arabic_variant(word: str, rng: random.Random) -> str:
    for written, variant in _ARABIC_VARIANTS:
        if written in word and rng.random() < 0.7:
            word = word.replace(written, variant)
    if word.startswith("ال") and rng.random() < 0.4:
        word = word[2:]
    elif not word.startswith(("ال", "و", "ب")) and rng.random() < 0.2:
        word = "وال" + word
    return word


def queries(count: int, rng: random.Random) -> list[str]:
    """One or two words of the vocabulary, written as people type them."""
    weights = {code: _zipf_weights(len(words)) for code, words in CONTENT.items()}
    found: list[str] = []
    for _ in range(count):
        code = rng.choice(["ar", "ar", "fr", "en"])
        words = rng.choices(CONTENT[code], weights=weights[code], k=1 if rng.random() < 0.6 else 2)
        if rng.random() < 0.05:
            words.append(rng.choice([w for w in FILLER[code] if len(w) <= 2]))
        if code == "ar":
            words = [_arabic_variant(word, rng) for word in words]
        elif code == "fr" and rng.random() < 0.5:
            words = [word.translate(_FRENCH_PLAIN) for word in words]
        found.append(" ".join(words))
    return found


@cache
def _word_tokens(word: str, language: str) -> frozenset[str]:
    from momentum.core.text import index_tokens

    return frozenset(index_tokens(word, language))


def fast_word_key(text: str, language: str) -> str:
    """``core.text.word_key`` for text made of plain words separated by spaces, a word at a
    time with a cache (the result is checked against the service on a sample)."""
    stem_language = language if language in ("en", "fr") else ""
    tokens: set[str] = set()
    for word in text.split():
        tokens |= _word_tokens(word, stem_language)
    return f" {' '.join(sorted(tokens))} " if tokens else ""


# --- data ---


def _batched(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _thread_lengths(posts: int, threads: int, rng: random.Random) -> list[int]:
    """Posts per thread (opening post included): most threads short, a few very long."""
    raw = [rng.paretovariate(1.2) for _ in range(threads)]
    scale = (posts - threads) / sum(raw)
    lengths = [1 + int(value * scale) for value in raw]
    lengths[0] += posts - sum(lengths)
    return lengths


def generate(args: argparse.Namespace) -> dict[str, Any]:
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.html import escape

    from momentum.core.models import Country
    from momentum.hub.models import (
        EntryKind,
        JoinPolicy,
        MemberRole,
        Membership,
        MembershipStatus,
        Post,
        PostStatus,
        ResourceKind,
        SearchEntry,
        Space,
        SpaceKind,
        Thread,
    )
    from momentum.hub.services import resources as resource_services
    from momentum.hub.services.search_index import _post_entry
    from momentum.people.models import Role, RoleAssignment, User

    rng = random.Random(args.seed)
    writer = Writer(rng)
    now = timezone.now()
    started = time.perf_counter()

    countries = []
    for code, name in [("JO", "Jordan"), ("MA", "Morocco"), ("TN", "Tunisia"), ("LB", "Lebanon")]:
        country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
        countries.append(country)

    languages = ["ar", "fr", "en"]
    spaces = []
    for number in range(args.spaces):
        if number < 8:
            kind, policy, country = SpaceKind.THEMATIC, JoinPolicy.OPEN, None
        elif number < 14:
            kind, policy = SpaceKind.COUNTRY, JoinPolicy.OPEN
            country = countries[number % len(countries)]
        else:
            kind, policy, country = SpaceKind.PROGRAMME, JoinPolicy.INVITATION, None
        spaces.append(
            Space(
                slug=f"bench-space-{number}",
                name_en=f"Bench space {number}",
                name_fr=f"Espace d'essai {number}",
                name_ar=f"فضاء التجربة {number}",
                kind=kind,
                join_policy=policy,
                country=country,
                main_language=languages[number % 3],
            )
        )
    spaces = Space.objects.bulk_create(spaces)

    authors = User.objects.bulk_create(
        [
            User(
                email=f"bench-author-{n}@example.org", given_name=f"Author{n}", family_name="Bench"
            )
            for n in range(200)
        ]
    )
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=user, role=Role.TRAINER) for user in authors]
    )
    reader = User.objects.create_user("bench-reader@example.org", given_name="Reader")
    RoleAssignment.objects.create(user=reader, role=Role.TRAINER)
    staff = User.objects.create_user("bench-staff@example.org", given_name="Staff")
    RoleAssignment.objects.create(user=staff, role=Role.STAFF)
    reader_spaces = [spaces[-1], spaces[-2], spaces[8]]
    Membership.objects.bulk_create(
        [
            Membership(
                space=space,
                user=reader,
                role=MemberRole.MEMBER,
                status=MembershipStatus.ACTIVE,
                joined_at=now,
            )
            for space in reader_spaces
        ]
    )

    lengths = _thread_lengths(args.posts, args.threads, rng)
    span = timedelta(days=3 * 365)
    threads = []
    starts = []
    for number, _length in enumerate(lengths):
        space = spaces[number % len(spaces)]
        start = now - span + timedelta(seconds=rng.randint(0, int(span.total_seconds() * 0.9)))
        starts.append(start)
        threads.append(
            Thread(
                space=space,
                title=writer.title(space.main_language),
                author=rng.choice(authors),
                status=PostStatus.PUBLISHED,
                created_at=start,
                last_posted_at=now,
                reply_count=_length - 1,
            )
        )
    threads = Thread.objects.bulk_create(threads)
    print(f"  spaces, people, threads: {time.perf_counter() - started:.1f} s")

    # Loading first and indexing after is much faster than keeping the GIN indexes up to date
    # row by row; they are built (from scratch) the way migration 0003 builds them.
    from momentum.core.word_index import drop_token_index

    with connection.schema_editor() as editor:
        for name, column in TOKEN_INDEXES.items():
            drop_token_index(editor, "hub_searchentry", column, name)
    written = 0
    checked = 0
    for thread, length, start in zip(threads, lengths, starts, strict=True):
        step = (now - start) / max(length, 1)
        title_key = fast_word_key(thread.title, thread.space.main_language)
        posts = []
        for index in range(length):
            body = writer.body(thread.space.main_language)
            moment = start + step * index
            posts.append(
                Post(
                    thread=thread,
                    space=thread.space,
                    author=rng.choice(authors),
                    is_opening=index == 0,
                    body=body,
                    body_html=f"<p>{escape(body)}</p>",
                    status=PostStatus.PUBLISHED,
                    created_at=moment,
                    published_at=moment,
                )
            )
        for batch in _batched(posts):
            with transaction.atomic():
                Post.objects.bulk_create(batch)
                entries = []
                for post in batch:
                    post.thread = thread
                    entries.append(
                        SearchEntry(
                            kind=EntryKind.THREAD if post.is_opening else EntryKind.REPLY,
                            post=post,
                            space_id=post.space_id,
                            language=thread.space.main_language,
                            title_key=title_key if post.is_opening else "",
                            words_key=fast_word_key(
                                f"{thread.title} {post.body}" if post.is_opening else post.body,
                                thread.space.main_language,
                            ),
                            published_at=post.published_at,
                        )
                    )
                    if checked < 200 and rng.random() < 0.01:
                        expected = _post_entry(post)
                        entry = entries[-1]
                        assert (entry.title_key, entry.words_key) == (
                            expected.title_key,
                            expected.words_key,
                        ), "the bench's keys differ from the service's"
                        checked += 1
                SearchEntry.objects.bulk_create(entries)
        written += length
        if written and written % 50000 < length:
            print(f"  {written} posts: {time.perf_counter() - started:.1f} s")

    print(f"  posts and search entries written: {time.perf_counter() - started:.1f} s")
    indexing = time.perf_counter()
    build_token_indexes()
    print(f"  GIN token indexes built from scratch in {time.perf_counter() - indexing:.1f} s")
    build_search_words()
    for number in range(300):
        language = languages[number % 3]
        texts: dict[str, Any] = {
            f"title_{code}": writer.title(code) if code == language or rng.random() < 0.5 else ""
            for code in languages
        }
        texts.update({f"description_{code}": writer.body(code) for code in languages})
        space = spaces[number % len(spaces)] if number % 2 else None
        resource_services.create_resource(
            by=staff,
            kind=ResourceKind.LINK,
            language=language,
            space=space,
            url=f"https://example.org/resource/{number}",
            tags=", ".join(writer.words(language, 3)),
            **texts,
        )
    with _cursor() as cursor:
        cursor.execute("ANALYZE hub_searchentry")
        cursor.execute("VACUUM ANALYZE hub_searchword")
        cursor.execute("ANALYZE hub_post")
        cursor.execute("ANALYZE hub_thread")
    return {"seconds": time.perf_counter() - started, "checked": checked}


TOKEN_INDEXES = {
    "hub_searchentry_title_tokens": "title_key",
    "hub_searchentry_words_tokens": "words_key",
}


def build_token_indexes() -> None:
    from django.db import connection

    from momentum.core.word_index import create_token_index

    with connection.schema_editor() as editor:
        for name, column in TOKEN_INDEXES.items():
            create_token_index(editor, "hub_searchentry", column, name)


# The indexes of ``hub.SearchWord`` (migration 0006), built after its rows are written.
WORD_INDEXES = {
    "hub_searchword_newest": (
        "ON hub_searchword (token, published_at DESC, entry_id DESC) INCLUDE (space_key)"
    ),
    "hub_searchword_title_newest": (
        "ON hub_searchword (token, published_at DESC, entry_id DESC) INCLUDE (space_key) "
        "WHERE in_title"
    ),
}


def build_search_words() -> None:
    """The search words (``SearchWord``) rebuilt from scratch from the entries' keys, by the
    service's ``rebuild_words`` (which counts the tokens again, ``SearchToken``), with their
    indexes dropped during the load and built after (the primary key stays), then vacuumed
    (visibility map) and analysed."""
    from django.db import connection

    from momentum.hub.services.search_index import rebuild_words

    started = time.perf_counter()
    with connection.cursor() as cursor:
        for name in WORD_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        # From scratch: the service deletes the old rows (searches go on meanwhile), which
        # leaves their space in the table; the bench measures the table as first built.
        cursor.execute("TRUNCATE hub_searchword, hub_searchtoken")
    rows = rebuild_words()
    loaded = time.perf_counter()
    with connection.cursor() as cursor:
        for name, definition in WORD_INDEXES.items():
            cursor.execute(f"CREATE INDEX {name} {definition}")
        indexed = time.perf_counter()
        cursor.execute("VACUUM ANALYZE hub_searchword")
        cursor.execute("VACUUM ANALYZE hub_searchtoken")
    print(
        f"  search words rebuilt from scratch: {rows} rows in {loaded - started:.1f} s, "
        f"indexes {indexed - loaded:.1f} s, vacuum and analyse "
        f"{time.perf_counter() - indexed:.1f} s"
    )


def index_sizes() -> None:
    """The size of the search table and of each of its indexes."""
    with _cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_table_size('hub_searchentry')), "
            "pg_size_pretty(pg_indexes_size('hub_searchentry'))"
        )
        table, indexes = cursor.fetchone()
        print(f"search entries: table {table} (keys included), all its indexes {indexes}")
        cursor.execute(
            "SELECT indexname, pg_size_pretty(pg_relation_size(indexname::regclass)) "
            "FROM pg_indexes WHERE tablename = 'hub_searchentry' ORDER BY indexname"
        )
        for name, size in cursor.fetchall():
            print(f"  {name}: {size}")
        cursor.execute(
            "SELECT count(DISTINCT token) FROM ("
            "SELECT unnest(words_key_tokens) AS token FROM hub_searchentry) t"
        )
        print(f"  distinct tokens (words and stems): {cursor.fetchone()[0]}")
        cursor.execute(
            "SELECT pg_size_pretty(pg_table_size('hub_searchword')), "
            "pg_size_pretty(pg_indexes_size('hub_searchword')), "
            "(SELECT count(*) FROM hub_searchword)"
        )
        table, indexes, rows = cursor.fetchone()
        print(f"search words: {rows} rows, table {table}, all its indexes {indexes}")
        cursor.execute(
            "SELECT indexname, pg_size_pretty(pg_relation_size(indexname::regclass)) "
            "FROM pg_indexes WHERE tablename = 'hub_searchword' ORDER BY indexname"
        )
        for name, size in cursor.fetchall():
            print(f"  {name}: {size}")
        cursor.execute(
            "SELECT pg_size_pretty(pg_table_size('hub_searchtoken')), "
            "pg_size_pretty(pg_indexes_size('hub_searchtoken')), "
            "(SELECT count(*) FROM hub_searchtoken)"
        )
        table, indexes, rows = cursor.fetchone()
        print(f"search tokens (counts): {rows} rows, table {table}, its primary key {indexes}")


def _cursor() -> Any:
    from django.db import connection

    return connection.cursor()


# --- measures ---


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _summary(label: str, millis: list[float]) -> str:
    return (
        f"{label}: p50 {statistics.median(millis):.1f} ms, p95 {_percentile(millis, 0.95):.1f} ms, "
        f"max {max(millis):.1f} ms over {len(millis)}"
    )


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def measure_search(args: argparse.Namespace) -> None:
    from django.core.paginator import Paginator
    from django.utils import translation

    from momentum.hub.selectors import search as selectors
    from momentum.hub.selectors.search_results import results
    from momentum.people.models import User

    reader = User.objects.get(email="bench-reader@example.org")
    rng = random.Random(args.seed + 1)
    asked = queries(args.queries, rng)

    def page_of(query: str) -> tuple[int, int]:
        found = selectors.search(reader, query)
        page = Paginator(found, 20).get_page(1)
        shown = results(list(page.object_list), query)
        return page.paginator.count, len(shown)

    with translation.override("en"):
        for query in asked[:10]:
            page_of(query)  # warm-up
        millis: list[float] = []
        slowest: list[tuple[float, str, int]] = []
        for query in asked:
            elapsed, (count, _shown) = _timed(lambda query=query: page_of(query))
            millis.append(elapsed)
            slowest.append((elapsed, query, count))
    counts = [count for _elapsed, _query, count in slowest]
    print(_summary("search (count + first page of 20 + excerpts)", millis))
    single = [elapsed for elapsed, query, _count in slowest if len(query.split()) == 1]
    multi = [elapsed for elapsed, query, _count in slowest if len(query.split()) > 1]
    if single:
        print(_summary("  one-word queries", single))
    if multi:
        print(_summary("  queries of two or more words", multi))
    print(
        f"  matches per query: median {statistics.median(counts):.0f}, "
        f"max {max(counts)}; queries with no match: {sum(1 for c in counts if c == 0)}"
    )
    for elapsed, query, count in sorted(slowest, reverse=True)[:5]:
        print(f"  slowest: {elapsed:.1f} ms  {query!r}  ({count} matches)")

    if args.explain:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        query = sorted(slowest, reverse=True)[0][1]
        with CaptureQueriesContext(connection) as captured, translation.override("en"):
            page_of(query)
        timed = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)
        print(f"Plan of the slowest statement of the slowest search, {query!r}:")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + timed[0]["sql"])
            print("\n".join(row[0] for row in cursor.fetchall()))


def measure_pages(args: argparse.Namespace) -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from momentum.hub.models import Space, Thread
    from momentum.hub.selectors import access
    from momentum.people.models import User

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    reader = User.objects.get(email="bench-reader@example.org")
    client = Client()
    client.force_login(reader)

    rng = random.Random(args.seed + 2)
    sample = queries(40, rng)
    client.get("/en/hub/search/", {"q": sample[0]}, secure=True)
    millis = []
    for query in sample:
        elapsed, response = _timed(
            lambda query=query: client.get("/en/hub/search/", {"q": query}, secure=True)
        )
        assert response.status_code == 200, response.status_code
        millis.append(elapsed)
    print(_summary("search page through the test client", millis))

    readable = Space.objects.filter(pk__in=access.readable_spaces(reader).values("pk"))
    longest = list(
        Thread.objects.filter(space__in=readable)
        .order_by("-reply_count")[:5]
        .values_list("pk", "reply_count")
    )
    print(f"  longest readable threads: {[count + 1 for _pk, count in longest]} posts")
    urls = []
    for pk, replies in longest:
        pages = (replies + 1) // 50 + 1
        urls += [f"/en/hub/threads/{pk}/?page={rng.randint(1, pages)}" for _ in range(20)]
    first = client.get(urls[0], secure=True)
    if first.status_code != 200:
        print(f"thread page: {first.status_code} — measuring the thread selector instead")
        _measure_thread_selector(reader, [pk for pk, _replies in longest], rng)
        return
    started = time.perf_counter()
    millis = []
    for url in urls:
        elapsed, response = _timed(lambda url=url: client.get(url, secure=True))
        assert response.status_code == 200, (url, response.status_code)
        millis.append(elapsed)
    total = time.perf_counter() - started
    print(_summary("thread page (50 posts) through the test client", millis))
    print(f"  throughput: {len(urls) / total:.1f} requests/s (one process, one client)")


def _measure_thread_selector(reader: Any, thread_ids: list[int], rng: random.Random) -> None:
    from momentum.hub.selectors import access
    from momentum.hub.selectors.threads import thread_page

    millis = []
    for pk in thread_ids * 20:
        thread = access.get_thread_for(reader, pk)
        elapsed, _page = _timed(
            lambda thread=thread: list(thread_page(reader, thread, rng.randint(1, 20)))
        )
        millis.append(elapsed)
    print(_summary("thread selector (a page of 50 posts)", millis))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--threads", type=int, default=500)
    parser.add_argument("--spaces", type=int, default=20)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--reuse", action="store_true", help="keep the data of an earlier run")
    parser.add_argument("--explain", action="store_true", help="print one query's plan")
    parser.add_argument(
        "--rebuild-words", action="store_true", help="with --reuse: rebuild the search words"
    )
    args = parser.parse_args()

    name = configure()
    reused = prepare_database(name, reuse=args.reuse)
    if reused:
        print(f"Reusing the data in {name}.")

        build_token_indexes()  # any index added since
        if args.rebuild_words:
            build_search_words()
    else:
        print(f"Generating {args.posts} posts in {args.threads} threads in {name}…")
        done = generate(args)
        print(
            f"Generated in {done['seconds']:.0f} s "
            f"({done['checked']} search entries checked against the service)."
        )
    from momentum.hub.models import Post, SearchEntry

    print(f"{Post.objects.count()} posts, {SearchEntry.objects.count()} search entries.")
    index_sizes()
    measure_search(args)
    measure_pages(args)


if __name__ == "__main__":
    main()
