"""Ranks become reference data: one Rank for each distinct free-text rank (the same words in
any case or spacing are one rank), profiles and waiting invitations pointed to it.

The English name is the text as typed. The ranks the programme uses get their Arabic and
French names, level and place in the order from the table below (a copy, so that later
changes to the demo data do not change this migration); any other text keeps its English name
only (shown in every language until staff translate it in the admin), with the rank level its
officers mostly have, ordered after the known ranks.
"""

from collections import Counter

from django.db import migrations

# English name: (Arabic, French, level, order).
KNOWN_RANKS = {
    "police officer": ("شرطي", "Agent de police", "junior", 10),
    "sergeant": ("رقيب", "Sergent", "junior", 20),
    "inspector": ("مفتش شرطة", "Inspecteur de police", "junior", 30),
    "lieutenant": ("ملازم", "Lieutenant", "mid", 40),
    "captain": ("نقيب", "Capitaine", "mid", 50),
    "chief inspector": ("مفتش شرطة أول", "Inspecteur principal", "mid", 60),
    "major": ("رائد", "Commandant", "senior", 70),
    "commissioner": ("مفوض شرطة", "Commissaire de police", "senior", 80),
    "colonel": ("عقيد", "Colonel", "senior", 90),
}
UNKNOWN_ORDER = 1000


def _key(text):
    return " ".join(text.split()).casefold()


def ranks_from_text(apps, schema_editor):
    Profile = apps.get_model("people", "Profile")
    Rank = apps.get_model("people", "Rank")
    Invitation = apps.get_model("people", "Invitation")

    levels = {}  # rank key -> Counter of its officers' rank levels
    spelling = {}  # rank key -> the text as first typed
    for text, level in Profile.objects.exclude(rank="").values_list("rank", "rank_level"):
        key = _key(text)
        if not key:
            continue
        spelling.setdefault(key, " ".join(text.split()))
        levels.setdefault(key, Counter())[level] += 1
    for details in Invitation.objects.values_list("details", flat=True):
        text = (details or {}).get("rank") or ""
        key = _key(text)
        if key:
            spelling.setdefault(key, " ".join(text.split()))
            levels.setdefault(key, Counter())[(details or {}).get("rank_level") or "junior"] += 1

    ranks = {}
    extra = 0
    for key in sorted(spelling):
        english = spelling[key]
        if key in KNOWN_RANKS:
            arabic, french, level, order = KNOWN_RANKS[key]
        else:
            level = levels[key].most_common(1)[0][0]
            arabic, french = None, None
            extra += 1
            order = UNKNOWN_ORDER + extra
        ranks[key] = Rank.objects.create(
            name=english,
            name_en=english,
            name_fr=french,
            name_ar=arabic,
            level=level,
            order=order,
        )

    for profile in Profile.objects.exclude(rank=""):
        rank = ranks.get(_key(profile.rank))
        if rank is not None:
            profile.rank_ref = rank
            profile.save(update_fields=["rank_ref"])
    for invitation in Invitation.objects.all():
        details = dict(invitation.details or {})
        if "rank" not in details:
            continue
        rank = ranks.get(_key(details.pop("rank") or ""))
        if rank is not None:
            details["rank_id"] = rank.pk
        invitation.details = details
        invitation.save(update_fields=["details"])


def text_from_ranks(apps, schema_editor):
    """Back to free text: each profile and invitation gets its rank's English name."""
    Profile = apps.get_model("people", "Profile")
    Rank = apps.get_model("people", "Rank")
    Invitation = apps.get_model("people", "Invitation")
    names = {rank.pk: rank.name_en or rank.name for rank in Rank.objects.all()}
    for profile in Profile.objects.exclude(rank_ref=None):
        profile.rank = names[profile.rank_ref_id]
        profile.save(update_fields=["rank"])
    for invitation in Invitation.objects.all():
        details = dict(invitation.details or {})
        if "rank_id" not in details:
            continue
        details["rank"] = names.get(details.pop("rank_id"), "")
        invitation.details = details
        invitation.save(update_fields=["details"])
    Profile.objects.update(rank_ref=None)
    Rank.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_rank"),
    ]

    operations = [
        migrations.RunPython(ranks_from_text, text_from_ranks),
    ]
