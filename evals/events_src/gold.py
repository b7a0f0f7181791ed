"""Write ``evals/data/events_gold.jsonl``: event-level labels for the multi-outlet events of
``dev.jsonl`` and ``events_hard.jsonl`` (member ids, consolidated values, expected conflicts).

    python evals/events_src/gold.py

Consolidated values follow the stated rules (README "Events"): tolls that rise in later reports are
superseded by the latest figure; same-time figures that cannot both be true are a conflict, whose
consolidated value is the range they span. Lists give every acceptable answer.
"""

from __future__ import annotations

import json
from pathlib import Path

US = ["United States", "USA", "US"]


def c(value: int, qualifier: str = "exact") -> dict[str, object]:
    return {"value": value, "qualifier": qualifier}


def r(low: int, high: int | None) -> dict[str, object]:
    return {"low": low, "high": high}


EVENTS = [
    # dev.jsonl
    dict(
        event_id="a-peshawar-mosque-bombing",
        members=["a01", "a02", "a03"],
        killed=c(21),
        injured=c(47),
        date=["2025-10-17"],
        city=["Peshawar"],
        country=["Pakistan"],
        conflicts=[],
    ),
    dict(
        event_id="a-columbus-nightclub-shooting",
        members=["a04", "a05", "a06"],
        killed=c(5),
        injured=c(8),
        date=["2024-06-09"],
        city=["Columbus"],
        country=US,
        conflicts=[],
    ),
    dict(
        event_id="a-plateau-village-raid",
        members=["a07", "a08"],
        killed=c(52, "at_least"),
        injured=c(30, "at_least"),
        date=["2025-04-15", "2025-04-16"],
        city=["Kopkwang", "Mangu"],
        country=["Nigeria"],
        conflicts=[],
    ),
    dict(
        event_id="a-mandera-convoy-ambush",
        members=["a09", "a10"],
        killed=c(8),
        injured=r(2, 3),
        date=["2024-11-04"],
        city=["Elwak", "Mandera"],
        country=["Kenya"],
        conflicts=["injured"],
    ),
    dict(
        event_id="a-arequipa-mining-protests",
        members=["a11", "a12"],
        killed=c(4),
        injured=c(72),
        date=["2025-03-06"],
        city=["Cocachacra", "Arequipa"],
        country=["Peru"],
        conflicts=[],
    ),
    dict(
        event_id="a-gazipur-garment-clashes",
        members=["a13", "a14"],
        killed=c(2),
        injured=c(200, "up_to"),
        date=["2026-01-12"],
        city=["Gazipur", "Konabari"],
        country=["Bangladesh"],
        conflicts=[],
    ),
    dict(
        event_id="a-burkina-village-attack",
        members=["a15", "a16"],
        killed=c(40, "about"),
        injured=c(30, "about"),
        date=["2025-08-23"],
        city=["Tibou-Sirba"],
        country=["Burkina Faso"],
        conflicts=[],
    ),
    dict(
        event_id="a-mogadishu-hotel-siege",
        members=["a17", "a18"],
        killed=c(15),
        injured=c(40, "more_than"),
        date=["2024-07-19"],
        city=["Mogadishu"],
        country=["Somalia"],
        conflicts=[],
    ),
    dict(
        event_id="b-sulawesi-quake",
        members=["b01", "b02", "b03"],
        killed=c(31),
        injured=c(200, "more_than"),
        date=["2025-03-15"],
        city=["Poso"],
        country=["Indonesia"],
        conflicts=[],
    ),
    dict(
        event_id="b-luzon-typhoon",
        members=["b05", "b06"],
        killed=c(21),
        injured=c(46),
        date=["2024-09-10", "2024-09-11"],
        city=["Aparri", None],
        country=["Philippines"],
        conflicts=[],
    ),
    dict(
        event_id="b-huaytara-bus",
        members=["b08", "b09"],
        killed=c(23),
        injured=c(19),
        date=["2024-08-11"],
        city=["Huaytará", "Huaytara", None],
        country=["Peru"],
        conflicts=[],
    ),
    dict(
        event_id="b-maindombe-boat",
        members=["b10", "b11"],
        killed=c(52, "at_least"),
        injured=None,
        date=["2025-05-06", "2025-05-07"],
        city=["Inongo"],
        country=["Democratic Republic of the Congo", "DRC"],
        conflicts=[],
    ),
    dict(
        event_id="b-gazipur-factory-fire",
        members=["b16", "b17", "b18"],
        killed=c(19),
        injured=c(60, "about"),
        date=["2024-11-20"],
        city=["Gazipur"],
        country=["Bangladesh"],
        conflicts=[],
    ),
    dict(
        event_id="b-megara-wildfire",
        members=["b19", "b20"],
        killed=c(1),
        injured=c(0),
        date=["2025-08-05"],
        city=["Megara"],
        country=["Greece"],
        conflicts=[],
    ),
    dict(
        event_id="b-olkalou-methanol",
        members=["b23", "b24"],
        killed=c(17),
        injured=None,
        date=["2025-01-24", "2025-01-25"],
        city=["Ol Kalou", "Olkalou"],
        country=["Kenya"],
        conflicts=[],
    ),
    dict(
        event_id="b-dar-nye-crush",
        members=["b27", "b28"],
        killed=c(11),
        injured=c(46),
        date=["2024-12-31"],
        city=["Dar es Salaam"],
        country=["Tanzania"],
        conflicts=[],
    ),
    # events_hard.jsonl
    dict(
        event_id="h-memphis-barbershop-shooting",
        members=["h01", "h02"],
        killed=c(3),
        injured=c(2),
        date=["2025-09-13"],
        city=["Memphis", "Whitehaven"],
        country=US,
        conflicts=[],
        brief_must_include=[["3", "three"], ["Memphis", "Whitehaven"]],
    ),
    dict(
        event_id="h-memphis-gas-station-shooting",
        members=["h03", "h04"],
        killed=c(1),
        injured=c(1),
        date=["2025-09-13"],
        city=["Memphis", "Frayser"],
        country=US,
        conflicts=[],
    ),
    dict(
        event_id="h-almaty-concert-hall-attack",
        members=["h05", "h06", "h07"],
        killed=c(62),
        injured=[c(100, "more_than"), r(101, None)],
        date=["2025-11-21"],
        city=["Almaty"],
        country=["Kazakhstan"],
        conflicts=["injured"],
        brief_must_include=[
            ["145"],
            ["200"],
            ["Southern Front"],
            ["not been independently verified", "unverified", "could not be verified"],
        ],
        brief_must_not_include=["terrorist", "massacre"],
    ),
    dict(
        event_id="h-saint-denis-station-stabbing",
        members=["h08", "h09"],
        killed=None,
        injured=c(4),
        date=["2026-02-03"],
        city=["Saint-Denis", "Paris"],
        country=["France"],
        conflicts=[],
    ),
    dict(
        event_id="h-osaka-warehouse-explosion",
        members=["h10", "h11", "h12"],
        killed=c(3),
        injured=c(11),
        date=["2025-12-05"],
        city=["Osaka"],
        country=["Japan"],
        conflicts=[],
    ),
    dict(
        event_id="h-bhola-ferry-capsize",
        members=["h13", "h14", "h15"],
        killed=c(14),
        injured=None,
        date=["2025-07-19"],
        city=["Bhola"],
        country=["Bangladesh"],
        conflicts=[],
        brief_must_include=[["14"]],
    ),
    dict(
        event_id="h-karachi-warehouse-fire",
        members=["h16", "h17"],
        killed=c(9),
        injured=c(5),
        date=["2025-05-12"],
        city=["Karachi"],
        country=["Pakistan"],
        conflicts=[],
    ),
    dict(
        event_id="h-karachi-bus-fire",
        members=["h18", "h19"],
        killed=c(7),
        injured=c(13),
        date=["2025-05-14"],
        city=["Karachi"],
        country=["Pakistan"],
        conflicts=[],
    ),
    dict(
        event_id="h-karadere-mine-blast",
        members=["h20", "h21"],
        killed=c(17),
        injured=c(22),
        date=["2025-10-08"],
        city=["Zonguldak", "Amasra"],
        country=["Turkey", "Türkiye"],
        conflicts=["city"],
        brief_must_include=[["Zonguldak"], ["Amasra"]],
    ),
    dict(
        event_id="h-kisumu-fuel-protest",
        members=["h22", "h23"],
        killed=r(3, 11),
        injured=c(25),
        date=["2026-03-10"],
        city=["Kisumu"],
        country=["Kenya"],
        conflicts=["killed"],
        brief_must_include=[["11"], ["3", "three"]],
    ),
    dict(
        event_id="h-tarnow-derailment",
        members=["h24", "h25", "h26"],
        killed=c(12),
        injured=c(48),
        date=["2025-06-01"],
        city=["Tarnow", "Tarnów"],
        country=["Poland"],
        conflicts=[],
    ),
    dict(
        event_id="h-kasai-cholera",
        members=["h27", "h28"],
        killed=[c(23, "at_least"), r(23, None)],
        injured=None,
        date=["2026-03-28", None],
        city=["Tshikapa"],
        country=["Democratic Republic of the Congo", "DRC"],
        conflicts=["killed"],
        brief_must_include=[["23"], ["40"]],
    ),
]


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "data" / "events_gold.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for e in EVENTS:
            row = {
                "event_id": e["event_id"],
                "members": e["members"],
                "conflicts": e["conflicts"],
                "consolidated": {k: e[k] for k in ("killed", "injured", "date", "city", "country")},
            }
            for k in ("brief_must_include", "brief_must_not_include"):
                if k in e:
                    row[k] = e[k]
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(EVENTS)} events -> {out}")


if __name__ == "__main__":
    main()
