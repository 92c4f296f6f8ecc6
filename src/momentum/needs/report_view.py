"""What the report's page and PDFs show, read from a version's snapshot in one language:
the charts are drawn here, each with the rows of its data table."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from momentum.needs import charts
from momentum.needs.models import FigureIndicator, FigureQualifier, SourceKind
from momentum.needs.report_summary import career_of_country, career_tables, executive_summary
from momentum.people.models import RankLevel, Sex

FIGURE_ROWS = (
    (FigureIndicator.TOTAL_STAFF, FigureIndicator.TOTAL_STAFF.label),
    (FigureIndicator.WOMEN_HEADCOUNT, FigureIndicator.WOMEN_HEADCOUNT.label),
    (FigureIndicator.SHARE_OF_WOMEN, FigureIndicator.SHARE_OF_WOMEN.label),
    (FigureIndicator.WOMEN_LEADERSHIP, FigureIndicator.WOMEN_LEADERSHIP.label),
    (FigureIndicator.WOMEN_SPECIALISED, FigureIndicator.WOMEN_SPECIALISED.label),
    (FigureIndicator.WOMEN_TRAINERS, FigureIndicator.WOMEN_TRAINERS.label),
    (FigureIndicator.WOMEN_TRAINEES, FigureIndicator.WOMEN_TRAINEES.label),
)


# Rows of the training offer and of the initiatives a country profile lists on its second page.
PROFILE_ROWS = 6


def format_figure(entry: dict[str, Any] | None) -> str:
    """A figure as the reader reads it ("more than 10 %", "about 4,000"), or the words that
    say none was published. Never a number where none exists."""
    if not entry:
        return _("no public figure")
    value = entry["value"]
    text = f"{value:g}" if entry["percent"] else f"{int(value):,}".replace(",", "\u202f")
    if entry["percent"]:
        text = _("%(value)s %%") % {"value": text}
    if entry["qualifier"] == FigureQualifier.MORE_THAN:
        text = _("more than %(value)s") % {"value": text}
    elif entry["qualifier"] == FigureQualifier.ABOUT:
        text = _("about %(value)s") % {"value": text}
    return text


def _kind(entry: dict[str, Any] | None) -> str:
    if not entry:
        return ""
    return str(SourceKind(entry["kind"]).label) if entry["kind"] in SourceKind.values else ""


def context_for(
    snapshot: dict[str, Any], language: str, *, report: Any = None, for_pdf: bool = False
) -> dict[str, Any]:
    """``for_pdf``: the charts as PNG images (much faster to draw in a PDF); on pages, inline
    SVG with its text as paths."""

    with translation.override(language):
        countries = snapshot.get("countries", [])
        names = [country["name"].get(language) or country["code"] for country in countries]
        shares = [
            (country["figures"].get(FigureIndicator.SHARE_OF_WOMEN) or {}).get("value")
            for country in countries
        ]
        global_share = snapshot.get("global_share")
        reference = global_share["value"] if global_share else None
        share_chart = charts.share_bar_chart(
            title=_("Share of women in the police, by country"),
            categories=names,
            values=shares,
            reference=reference,
            reference_label=_("Global average"),
            y_label=_("Women (%)"),
            rtl=language == "ar",
            raster=for_pdf,
        )
        share_table = [
            {
                "country": name,
                "text": format_figure(country["figures"].get(FigureIndicator.SHARE_OF_WOMEN)),
                "entry": country["figures"].get(FigureIndicator.SHARE_OF_WOMEN),
                "kind": _kind(country["figures"].get(FigureIndicator.SHARE_OF_WOMEN)),
            }
            for name, country in zip(names, countries, strict=True)
        ]
        trend_series = {
            name: [tuple(point) for point in country["trend"]]
            for name, country in zip(names, countries, strict=True)
            if len(country["trend"]) >= 2
        }
        trend_chart = (
            charts.trend_chart(
                title=_("Women in the police over the years"),
                series=trend_series,  # type: ignore[arg-type]
                y_label=_("Women"),
                raster=for_pdf,
            )
            if trend_series
            else None
        )
        profiles = []
        for name, country in zip(names, countries, strict=True):
            headcount = country.get("headcount") or {}
            pyramid = None
            if headcount:
                levels = [(level, str(label)) for level, label in RankLevel.choices]
                women = [headcount.get(f"{level}_female", 0) for level, _label in levels]
                men = [headcount.get(f"{level}_male", 0) for level, _label in levels]
                pyramid = {
                    "chart": (
                        charts.pyramid_chart(
                            title=_("Women and men by rank level: %(country)s") % {"country": name},
                            levels=[label for _level, label in levels],
                            women=women,
                            men=men,
                            women_label=str(Sex.FEMALE.label),
                            men_label=str(Sex.MALE.label),
                            raster=for_pdf,
                        )
                    ),
                    "rows": [
                        {"level": label, "women": w, "men": m}
                        for (_level, label), w, m in zip(levels, women, men, strict=True)
                    ],
                }
            offer = country.get("offer", [])
            initiatives = country.get("initiatives", [])
            profiles.append(
                {
                    "name": name,
                    "code": country["code"],
                    "rows": [
                        {
                            "label": str(label),
                            "text": format_figure(country["figures"].get(indicator)),
                            "source": (country["figures"].get(indicator) or {}).get("source"),
                            "year": (country["figures"].get(indicator) or {}).get("year"),
                            "kind": _kind(country["figures"].get(indicator)),
                        }
                        for indicator, label in FIGURE_ROWS
                    ],
                    "notes": country.get("notes", []),
                    "visit": country.get("visit"),
                    "submission": country.get("submission"),
                    "offer": offer,
                    "initiatives": initiatives,
                    # The profile's second page lists a few rows; the whole lists are in the
                    # inventories' section.
                    "offer_shown": offer[:PROFILE_ROWS],
                    "offer_more": max(0, len(offer) - PROFILE_ROWS),
                    "offer_participants": sum(row["participants"] for row in offer),
                    "offer_women": sum(row["women"] for row in offer),
                    "initiatives_shown": initiatives[:PROFILE_ROWS],
                    "initiatives_more": max(0, len(initiatives) - PROFILE_ROWS),
                    "career": career_of_country(snapshot, country["code"], language),
                    "pyramid": pyramid,
                }
            )
        recommendations = [
            item.get(language) or item.get("en", "") for item in snapshot.get("recommendations", [])
        ]
        return {
            "snapshot": snapshot,
            "report": report,
            "round_title": snapshot.get("round", {}).get("title", {}).get(language, ""),
            "methodology": snapshot.get("methodology", {}),
            "global_share_text": format_figure(global_share),
            "share_chart": share_chart,
            "share_table": share_table,
            "trend_chart": trend_chart,
            "trend_table": [
                {"country": name, "points": points} for name, points in trend_series.items()
            ],
            "profiles": profiles,
            "summary": executive_summary(snapshot, language, format_figure),
            "career_tables": career_tables(snapshot, language),
            "recommendations": recommendations,
            "sources": snapshot.get("sources", []),
            "language": language,
        }
