"""The report's executive summary and its career-cycle section, written from a version's
snapshot in the active language. Every sentence states what the snapshot holds; a sentence
whose figures are missing is left out rather than guessed."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from momentum.needs.models import FigureIndicator


def _share(country: dict[str, Any]) -> dict[str, Any] | None:
    return country["figures"].get(FigureIndicator.SHARE_OF_WOMEN)


def _value(country: dict[str, Any]) -> float:
    share = _share(country)
    return float(share["value"]) if share else 0.0


def executive_summary(snapshot: dict[str, Any], language: str, format_figure: Any) -> list[str]:
    countries = snapshot.get("countries", [])
    names = {
        country["code"]: country["name"].get(language) or country["code"] for country in countries
    }
    total = len(countries)
    published = [country for country in countries if _share(country)]
    sentences: list[str] = []
    if not published:
        sentences.append(_("No partner country publishes the share of women in its police."))
    else:
        sentences.append(
            _(
                "%(count)s of the %(total)s partner countries publish the share of women in "
                "their police."
            )
            % {"count": len(published), "total": total}
        )
        low = min(published, key=_value)
        high = max(published, key=_value)
        if low is not high:
            sentences.append(
                _(
                    "The share ranges from %(low)s in %(low_country)s to %(high)s in "
                    "%(high_country)s."
                )
                % {
                    "low": format_figure(_share(low)),
                    "low_country": names[low["code"]],
                    "high": format_figure(_share(high)),
                    "high_country": names[high["code"]],
                }
            )
        reference = snapshot.get("global_share")
        if reference:
            below = len([country for country in published if _value(country) < reference["value"]])
            sentences.append(
                _(
                    "Against the global average of %(average)s, %(below)s of these countries are "
                    "below it and %(above)s at or above it."
                )
                % {
                    "average": format_figure(reference),
                    "below": below,
                    "above": len(published) - below,
                }
            )
    missing = [names[country["code"]] for country in countries if not _share(country)]
    if missing and published:
        sentences.append(
            _("No public figure exists for %(countries)s: the report shows none.")
            % {"countries": ", ".join(missing)}
        )
    methodology = snapshot.get("methodology", {})
    sentences.append(
        _(
            "%(answered)s of %(total)s countries answered the questionnaire (a response rate of "
            "%(rate)s %%) and %(accepted)s were approved after review."
        )
        % {
            "answered": methodology.get("answered", 0),
            "total": methodology.get("countries", total),
            "rate": methodology.get("response_rate", 0),
            "accepted": methodology.get("accepted", 0),
        }
    )
    career = {entry["name"]: entry for entry in snapshot.get("career", [])}
    obstacle = career.get("main_obstacle")
    if obstacle and obstacle["answered"]:
        top = max(obstacle["options"], key=lambda option: len(option["countries"]))
        sentences.append(
            _(
                "The obstacle to women's careers named most often is “%(obstacle)s” "
                "(%(count)s of %(answered)s countries)."
            )
            % {
                "obstacle": top["label"].get(language) or top["value"],
                "count": len(top["countries"]),
                "answered": obstacle["answered"],
            }
        )
    environment = career.get("environment")
    if environment and environment.get("mean") is not None:
        sentences.append(
            _(
                "Countries rate how supportive the working environment is for women at "
                "%(mean)s out of %(top)s on average."
            )
            % {"mean": f"{environment['mean']:g}", "top": environment["scale"][1]}
        )
    offers = [row for country in countries for row in country.get("offer", [])]
    participants = sum(row["participants"] for row in offers)
    if participants:
        women = sum(row["women"] for row in offers)
        sentences.append(
            _(
                "The training offer recorded counts %(courses)s courses with %(participants)s "
                "participants a year, %(share)s %% of them women."
            )
            % {
                "courses": len(offers),
                "participants": participants,
                "share": f"{100 * women / participants:.0f}",
            }
        )
    return sentences


def career_tables(snapshot: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """The career section's tables: each answer with the countries that gave it, or each
    country's rating and the mean."""
    names = {
        country["code"]: country["name"].get(language) or country["code"]
        for country in snapshot.get("countries", [])
    }
    tables = []
    for entry in snapshot.get("career", []):
        table: dict[str, Any] = {
            "label": entry["label"].get(language) or entry["name"],
            "answered": entry["answered"],
            "scale": "options" not in entry,
        }
        if "options" in entry:
            table["rows"] = [
                {
                    "answer": option["label"].get(language) or option["value"],
                    "count": len(option["countries"]),
                    "countries": ", ".join(names.get(code, code) for code in option["countries"]),
                }
                for option in entry["options"]
            ]
        else:
            table["mean"] = entry.get("mean")
            table["top"] = entry.get("scale", [1, 5])[1]
            table["rows"] = [
                {"country": names.get(code, code), "rating": value}
                for code, value in entry["by_country"].items()
            ]
        tables.append(table)
    return tables


def career_of_country(snapshot: dict[str, Any], code: str, language: str) -> list[dict[str, str]]:
    """A country's own answers on the career cycle, for its profile."""
    rows = []
    for entry in snapshot.get("career", []):
        value = entry["by_country"].get(code)
        if value in (None, "", []):
            text = _("Not answered")
        elif "options" in entry:
            chosen = value if isinstance(value, list) else [value]
            text = ", ".join(
                option["label"].get(language) or option["value"]
                for option in entry["options"]
                if option["value"] in chosen
            )
        else:
            text = _("%(rating)s out of %(top)s") % {
                "rating": value,
                "top": entry.get("scale", [1, 5])[1],
            }
        rows.append({"label": entry["label"].get(language) or entry["name"], "text": text})
    return rows
