"""Off-topic articles: sport, weather, culture, technology, markets and local news from sentence templates.

All sentences are invented for the benchmark; none mention the benchmark's topics.
"""

from __future__ import annotations

import random
import re

SLOTS: dict[str, tuple[str, ...]] = {
    "team": ("Olympique Lyon", "Stade Rennes", "FC Nantes", "Racing Club", "Wydad", "Espérance", "USM Alger"),
    "city": ("Lyon", "Nantes", "Oran", "Sfax", "Marrakech", "Bordeaux", "Lille", "Tangier", "Annaba"),
    "person": ("Claire Moreau", "Karim Benali", "Sophie Lambert", "Julien Faure", "Amina Cherif"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "thing": ("solar panels", "olive oil", "phosphate", "smartphones", "wheat", "cement", "dates"),
    "event": ("film festival", "book fair", "jazz festival", "marathon", "design week", "food fair"),
    "firm": (
        "Atlas Digital",
        "Medina Soft",
        "Numidia Foods",
        "Sahel Solar",
        "Corniche Media",
        "Rif Textiles",
    ),
}

THEMES: dict[str, tuple[str, ...]] = {
    "sport": (
        "{team} beat {team2} {n1}-{n2} on {weekday} in front of {big} spectators.",
        "The coach said his players had shown character after a difficult start to the season.",
        "{person} scored twice in the second half to settle the match.",
        "The result leaves {team} {n1} points clear at the top of the table with {n2} games to play.",
        "Supporters had queued for hours outside the stadium in {city} before kick-off.",
        "The club confirmed that its captain would miss the next {n1} weeks with a knee injury.",
        "Ticket prices for the final rose by {pct} percent compared with last year.",
        "The league will decide next month whether to expand to {n2} clubs.",
    ),
    "weather": (
        "Temperatures reached {n3} degrees in {city} on {weekday}, a record for the month.",
        "Forecasters expect heavy rain over the coast for the next {n1} days.",
        "Farmers said the dry spell had cut the expected harvest of {thing} by {pct} percent.",
        "Schools in {city} closed early because of the heat, the local authority said.",
        "The weather service issued an orange alert for strong winds along the northern coast.",
        "Water reserves in the region's dams stand at {pct} percent of capacity.",
        "Residents were advised to avoid outdoor activity in the afternoon.",
        "Snow fell on the higher peaks for the first time since {n1} years ago.",
    ),
    "culture": (
        "The {event} in {city} opened on {weekday} with more than {big} visitors expected.",
        "{person}, who directed the opening film, said the audience had been generous.",
        "Organisers added {n2} new venues this year to cope with demand.",
        "A retrospective of local painters drew long queues at the municipal museum.",
        "The festival's prize went to a debut novel about three generations of a fishing family.",
        "Critics praised the programme's mix of young performers and established names.",
        "Ticket sales rose by {pct} percent on last year, according to the organisers.",
        "The closing concert will be broadcast live on {weekday} evening.",
    ),
    "tech": (
        "{firm} raised {n2} million euros in a funding round led by regional investors.",
        "The start-up plans to hire {big} engineers in {city} over the next two years.",
        "{person}, the company's founder, said demand for its software had doubled.",
        "The new app lets small shops track stock of {thing} from a phone.",
        "Analysts said the sector still suffers from slow broadband outside large cities.",
        "The company expects to break even within {n1} years.",
        "A new data centre near {city} will run partly on {thing}.",
        "Its main competitor cut prices by {pct} percent last quarter.",
    ),
    "markets": (
        "Prices of {thing} rose {pct} percent on {weekday}, their biggest gain in a month.",
        "Traders said a weaker currency had made exports of {thing} more competitive.",
        "{firm} shares fell after the company cut its profit forecast.",
        "The central bank left its main rate unchanged at {n1}.{n2} percent.",
        "Exporters in {city} reported order books filled until the end of the year.",
        "The stock index closed {n1} points higher, led by banks and telecoms.",
        "Economists expect inflation to ease to {n1} percent by the end of the year.",
        "Retail sales grew by {pct} percent in the last quarter, official figures showed.",
    ),
    "local": (
        "The town council of {city} approved a new budget for road repairs on {weekday}.",
        "Work on the covered market will begin in the spring and last {n1} months.",
        "{person}, the deputy mayor, said residents had been consulted at length.",
        "The new tram line will carry up to {big} passengers a day once finished.",
        "A fire at a warehouse storing {thing} was brought under control overnight.",
        "The local hospital opened a new wing with {n2} beds.",
        "Parking fees in the old town will rise by {pct} percent from next month.",
        "A public meeting on the project is planned for {weekday} evening.",
    ),
}
_SLOT = re.compile(r"\{(\w+?)(2?)\}")


def _fill(template: str, rng: random.Random) -> str:
    numbers = {
        "n1": str(rng.randint(1, 9)),
        "n2": str(rng.randint(2, 24)),
        "n3": str(rng.randint(31, 47)),
        "pct": str(rng.randint(3, 40)),
        "big": f"{rng.randint(2, 60) * 1000:,}",
    }

    def slot(m: re.Match[str]) -> str:
        key = m[1] + m[2]
        if key in numbers:
            return numbers[key]
        return rng.choice(SLOTS[m[1]])

    return _SLOT.sub(slot, template)


def offtopic_article(rng: random.Random, target: int) -> tuple[str, list[list[str]]]:
    """A headline and paragraphs of about ``target`` characters: one theme first, then a roundup of others.

    Each template is used at most once per article, so the text does not repeat itself.
    """
    themes = rng.sample(sorted(THEMES), len(THEMES))
    queue = [t for theme in themes for t in rng.sample(THEMES[theme], len(THEMES[theme]))]
    paragraphs: list[list[str]] = []
    size = 0
    while size < target and queue:
        take = min(rng.randint(2, 4), len(queue))
        sentences = [_fill(t, rng) for t in queue[:take]]
        del queue[:take]
        paragraphs.append(sentences)
        size += sum(len(s) + 1 for s in sentences) + 2
    headline = paragraphs[0][0].rstrip(".")
    return headline if len(headline) < 90 else headline[:87] + "...", paragraphs
