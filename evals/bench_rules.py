"""Throughput of the rules engine on one core for a ~600-word newswire article.

    python -m evals.bench_rules [--seconds 5]

Prints articles/s for the engine alone (``RulesEngine.extract``) and for the whole offline
pipeline (``summarize(..., engine="rules")``, cache off). The gazetteer is loaded once before
timing (it is loaded lazily once per process in real use too); the load time is printed apart.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date

ARTICLE = """Suicide bomber kills at least 41 at crowded market in northwest Pakistan

PESHAWAR, Pakistan, March 1 (Wire) - A suicide bomber blew himself up in a crowded vegetable market in the
northwestern Pakistani city of Peshawar on Friday, killing at least 41 people and wounding more than 120,
police and hospital officials said.

The blast tore through the Kohati Gate market at around 11:20 a.m. as hundreds of shoppers were buying food
ahead of the weekend, senior police official Kashif Aftab told reporters at the scene. "The bomber walked in
with the crowd and detonated his vest near the fruit stalls," he said. "Many of the wounded are in critical
condition."

Television footage showed rescue workers carrying men on stretchers through narrow lanes littered with
broken glass, overturned carts and scattered produce. Police cordoned off the area as bomb disposal officers
searched the surrounding buildings for a possible second device.

A spokesman for Lady Reading Hospital, the city's main trauma centre, said 41 bodies and 123 wounded people
had been brought in, 19 of them in critical condition. An emergency was declared at all government hospitals
in the city and residents were asked to donate blood.

By late evening the death toll had risen to 44 after three of the wounded died in surgery, the spokesman said.

The Islamic State group's regional affiliate claimed responsibility for the bombing in a statement posted on
its Telegram channels late on Friday. The claim could not be independently verified. The Pakistani Taliban,
which is behind most attacks on security forces in the province, denied any involvement.

ALSO READ: Peshawar mosque blast toll rises to 100

The prime minister's office condemned the attack and said the federal government would assist the
provincial administration. The chief minister of Khyber Pakhtunkhwa province ordered an inquiry and asked
police to submit a report within 24 hours.

Peshawar, the capital of Khyber Pakhtunkhwa, lies about 50 km (30 miles) from the Afghan border and has been
hit repeatedly by militant violence over the past two decades. In January 2023, a suicide bombing at a mosque
inside a heavily guarded police compound in the city killed more than 80 people, most of them policemen. In
December 2014, Taliban gunmen attacked an army-run school in Peshawar, killing more than 140 people, most of
them children.

Traders in the market said security had been tightened after warnings earlier this year but that searches
had become lax in recent weeks. "Everyone knew the market was a target," said Rahim Shah, a 48-year-old
shopkeeper who had minor cuts on his arms and face. "We asked for more police, but nobody listened."

Militant attacks in the province have risen since the Pakistani Taliban ended a ceasefire with the
government in late 2022. The Islamic State's regional affiliate has also carried out attacks in the area,
frequently targeting markets, mosques and political rallies.

Police said they had not yet identified the bomber, and that forensic teams were collecting remains at the
site. Investigators were reviewing footage from several CCTV cameras installed in the lanes leading to the
market, and four suspects had been detained for questioning in raids overnight.

Funeral prayers for many of the victims were held on Saturday afternoon, and shops across the old city
remained closed as a mark of mourning. Provincial officials announced compensation for the families of the
dead and the injured.

(Reporting by Staff; Editing by Desk)
"""


def _rate(fn: object, seconds: float) -> tuple[float, int]:
    call = fn  # type: ignore[assignment]
    n = 0
    start = time.perf_counter()
    while True:
        call()  # type: ignore[operator]
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from summarizer.engines import ExtractionRequest
    from summarizer.engines.rules import RulesEngine
    from summarizer.normalize.places import gazetteer

    t0 = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - t0
    engine = RulesEngine()
    request = ExtractionRequest(text=ARTICLE, reference_date=date(2024, 3, 2))
    words = len(ARTICLE.split())
    engine.extract(request)  # warm caches
    rate, n = _rate(lambda: engine.extract(request), args.seconds)
    print(f"article: {words} words; gazetteer load (once per process): {load * 1000:.0f} ms")
    print(
        f"rules engine (extract only): {rate:.1f} articles/s ({1000 / rate:.1f} ms/article, n={n}, one core)"
    )
    from summarizer import Summarizer

    summarizer = Summarizer(engine="rules", cache=False)
    summarizer.summarize(ARTICLE, published="2024-03-02", use_cache=False)
    rate2, n2 = _rate(
        lambda: summarizer.summarize(ARTICLE, published="2024-03-02", use_cache=False), args.seconds
    )
    print(
        f"full pipeline (engine=rules, cache off): {rate2:.1f} articles/s ({1000 / rate2:.1f} ms/article, n={n2})"
    )
    draft = engine.extract(request).draft
    print(
        f"check: killed={draft.killed.display() if False else (draft.killed.value if draft.killed else None)}"
        f" injured={draft.injured.value if draft.injured else None} summary={draft.summary!r}"
    )


if __name__ == "__main__":
    main()
