"""Tolls: the main incident's killed, injured, hospitalized and missing figures.

A stated figure comes first: the latest or highest figure for each role wins (an explicit update such as "rose to 14" over the
first report; a figure the article says was replaced never); one later increment ("two more died")
adds to it; earlier and conflicting figures become uncertainties. Figures for another event
become ``other_incidents``; a party's claim becomes a "disputed figure" note. Where no figure is
stated, the victims are counted one by one from the people the report mentions and their fate
(:mod:`summarizer.normalize.people`): "a woman was killed and two others were wounded".
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...normalize.casualties import Mention
from ...normalize.dates import find_date_phrases
from ...normalize.people import PeopleTally, count_people
from ...schema import DraftBackground, DraftCount, DraftDate, DraftItem, Qualifier
from .context import ROLES, SEPARATE, Context
from .suspects import first_names
from .text import Sentence
from .wire import wire_toll_mentions

__all__ = ["disputed_notes", "other_incidents", "people_tolls", "tolls"]

_NOBODY = lazy_compile(r"\bno\s+one|\bnobody|\bno\s+casualt|\bharmed\b|\bno\s+injur", re.I)


# the attackers' own dead are no victims: "14 GUERRILLAS WERE KILLED IN THE CLASH", "a paid assassin
# was killed by his own grenade", "police killed six kidnappers"
_ATTACKER_NP = lazy_compile(
    r"(?:(?:a|an|one|the|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|several|some|"
    r"many|dozens|scores|about|approximately|around|nearly|almost|over|more|than|at|least|up|to)\s+)*"
    r"(?:(?!(?:was|were|is|are|had|has|have|by|in|of|who|and|or|killed|died|dead|wounded|injured|at|on|"
    r"during|when|while|the|a|an|their|his|her|civilians?|people|persons)\b)[\w'’.-]+\s+){0,3}?"
    r"(?:guerrillas?|guerillas?|rebels?|subversives?|terrorists?|narcoterrorists?|insurgents?|militants?|"
    r"kidnappers?|gunm[ae]n|attackers?|assailants?|bombers?|hitm[ae]n|assassins?|(?:guerrilla|rebel)\s+members?)\b"
    # "the guerrilla movement's leader", "rebel commander X": who the noun qualifies is the victim
    r"(?![\w'’-]|\s+(?:movements?|groups?|organi[sz]ations?|fronts?|army|armies|columns?|commandos?|units?|"
    r"leaders?|chiefs?|commanders?|spokesm[ae]n|founders?|ideologists?|camps?|forces?)\b)",
    re.IGNORECASE,
)


# soldiers fallen in a battle are combatants, not an attack's victims: "THREE SOLDIERS WERE KILLED
# IN A CLASH WITH REBELS", "FOUR ARMY MEMBERS DIED IN COMBAT"
_SOLDIERS_NP = lazy_compile(
    r"(?:(?:a|an|one|the|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|several|some|"
    r"many|dozens|scores|about|approximately|around|nearly|almost|over|more|than|at|least|up|to|other|another)\s+)*"
    r"(?:soldiers?|troops?|servicem[ae]n|army\s+members?|members?\s+of\s+the\s+(?:army|armed\s+forces))\b",
    re.IGNORECASE,
)
_SOLDIER_WORD = lazy_compile(r"\b(?:soldiers?|troops?|servicem[ae]n)\b", re.IGNORECASE)
_COMBAT = lazy_compile(
    r"\b(?:clash(?:es|ed)?|combat|fighting|fights?|confrontations?|battles?|skirmish(?:es)?|firefights?|"
    r"encounters?|engagements?)\b",
    re.IGNORECASE,
)


def attackers_toll(ctx: Context, m: Mention) -> bool:
    """Does the figure count the attackers' own dead or hurt ("seven rebels", "a guerrilla")?"""
    return bool(_ATTACKER_NP.match(ctx.text, m.start, m.start + 90))


# a figure with no noun of its own counts the people of the figure before it: "3 SOLDIERS WERE
# KILLED AND 6 WOUNDED", "ONE SOLDIER DIED AND FIVE OTHERS WERE WOUNDED"
_BARE_FIGURE = lazy_compile(
    r"(?:(?:about|approximately|around|nearly|almost|over|more\s+than|at\s+least|another|other)\s+)*"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)(?:\s+(?:others?|more))?",
    re.IGNORECASE,
)


def _combatants(ctx: Context, m: Mention, main: list[Mention]) -> bool:
    """Does the figure count soldiers fallen in a battle ("THREE SOLDIERS WERE KILLED IN A CLASH
    WITH REBELS", "... AND 6 WOUNDED")? They are combatants, not an attack's victims."""
    sentence = ctx.by_index.get(m.sentence)
    if sentence is None or _COMBAT.search(sentence.text) is None:
        return False
    if _SOLDIERS_NP.fullmatch(ctx.text, m.start, m.end) or (
        " and " in m.as_stated.lower() and _SOLDIER_WORD.search(m.as_stated)
    ):
        return True  # "THREE SOLDIERS", "SIX GUERRILLAS AND ONE SOLDIER WERE KILLED"
    if not _BARE_FIGURE.fullmatch(ctx.text, m.start, m.end):
        return False
    before = [o for o in main if o.sentence == m.sentence and o.end <= m.start]
    return bool(before) and _SOLDIERS_NP.fullmatch(ctx.text, before[-1].start, before[-1].end) is not None


def victim_mentions(ctx: Context, main: list[Mention]) -> list[Mention]:
    """The main incident's figures less those that count the attackers or soldiers fallen in a
    battle."""
    return [m for m in main if not attackers_toll(ctx, m) and not _combatants(ctx, m, main)]


_ALSO_WINDOW = 3  # sentences after a wire report's event sentence read for "X was also killed"


def _toll_mentions(ctx: Context, event: Sentence | None) -> list[Mention]:
    """The figures the toll is read from. Wire copy strings several acts together: its toll is the
    event sentence's; where that sentence tells no death, the report's first sentence may ("A U.S.
    CITIZEN DIED AT THE HOSPITAL EARLY THIS MORNING" before "THE CITIZEN WAS SHOT LAST NIGHT ...")."""
    main = victim_mentions(ctx, ctx.mentions.main)
    if not ctx.wire:
        return main
    picked = wire_toll_mentions(main, event, ctx)
    if event is not None and any(m.weak and not m.increment for m in picked):
        # "X WAS MURDERED TODAY ... THE DRIVER OF THE VEHICLE WAS ALSO KILLED IN THE ATTACK": a
        # victim added by "also" in the next sentences, before another act is told
        for s in ctx.article.sentences:
            if s.index <= event.index or s.index > event.index + _ALSO_WINDOW:
                continue
            if SEPARATE.match(s.text) or ctx.is_background(s):
                break
            picked += [m for m in main if m.sentence == s.index and m.increment and m.weak]
    lead = ctx.body[0] if ctx.body else None
    if event is None or lead is None or lead.index == event.index or ctx.is_background(lead):
        return picked
    told = {m.role for m in picked}
    return picked + [
        m
        for m in main
        if m.sentence == lead.index and m.role == "killed" and m.value > 0 and "killed" not in told
    ]


def tolls(ctx: Context, event: Sentence | None) -> tuple[dict[str, DraftCount | None], list[DraftItem]]:
    """The toll per role, and notes on the figures that lost."""
    main = _toll_mentions(ctx, event)
    counts: dict[str, DraftCount | None] = dict.fromkeys(ROLES)
    notes: list[DraftItem] = []
    for role in ROLES:
        counts[role], role_notes = _aggregate(role, main, ctx.by_index)
        if counts[role] is None:
            counts[role] = _another_group(role, main, ctx.by_index)
        notes.extend(role_notes)
    inj = counts["injured"]
    if counts["killed"] is None and inj is not None and inj.value == 0 and _NOBODY.search(inj.as_stated):
        # "no one was hurt": nobody was killed either
        counts["killed"] = DraftCount(
            value=0, qualifier=Qualifier.exact, as_stated=inj.as_stated, quote=inj.quote
        )
    return counts, notes


# "another 17 people were hurt", "an additional five were wounded": a group told after another role's
_ANOTHER_BEFORE = lazy_compile(r"\b(?:another|an\s+additional)\s+$", re.IGNORECASE)


def _another_group(role: str, main: list[Mention], by_index: dict[int, Sentence]) -> DraftCount | None:
    """A role whose only figure is "another N", told after another role's figure: "killing 14 people.
    Another 17 people were hurt" is 17 hurt (the dead are the others). Not where the role has a figure
    or a victim of its own ("a man was killed ... another two died" is no total)."""
    mine = [m for m in main if m.role == role]
    if not mine or any(not m.increment for m in mine):
        return None
    for m in mine:
        sentence = by_index.get(m.sentence)
        if (
            m.weak
            or sentence is None
            or not _ANOTHER_BEFORE.search(sentence.text[: m.start - sentence.start])
        ):
            continue
        before = [
            o
            for o in main
            if o.role != role
            and o.role in {"killed", "injured"}
            and not o.weak
            and o.value > 0
            and o.start < m.start
        ]
        if before:
            return DraftCount(
                value=m.value, qualifier=m.qualifier, as_stated=m.as_stated, quote=sentence.text
            )
    return None


def disputed_notes(ctx: Context) -> list[DraftItem]:
    return [
        DraftItem(
            text=f"disputed figure: {m.as_stated} {m.role} (a party's claim)",
            quote=ctx.by_index[m.sentence].text,
        )
        for m in ctx.mentions.disputed[:2]
    ]


def _aggregate(
    role: str, main: list[Mention], by_index: dict[int, Sentence]
) -> tuple[DraftCount | None, list[DraftItem]]:
    cands = [m for m in main if m.role == role]
    if not cands:
        return None, []
    numeric = [m for m in cands if not m.weak]
    if not numeric:
        firsts = [m for m in cands if not m.increment]
        best = max(firsts or cands, key=lambda m: (m.value, -m.start))
        # "X WAS MURDERED ... THE DRIVER WAS ALSO KILLED": one told victim, then one more
        added = [m for m in cands if m.increment and firsts]
        quote = " ... ".join(by_index[i].text for i in sorted({best.sentence, *(m.sentence for m in added)}))
        return DraftCount(
            value=best.value + sum(m.value for m in added),
            qualifier=best.qualifier,
            as_stated=" ... ".join([best.as_stated, *(m.as_stated for m in added)]),
            quote=quote,
        ), []
    picked = _best_figure(numeric)
    if picked is None:
        return None, []
    best, has_update = picked
    value, as_stated, quote = _with_increment(best, numeric, has_update, by_index)
    notes = _other_figures(role, best, value, numeric, by_index)
    return DraftCount(value=value, qualifier=best.qualifier, as_stated=as_stated, quote=quote), notes[:2]


def _best_figure(numeric: list[Mention]) -> tuple[Mention, bool] | None:
    """The toll's figure, and whether the article gives an explicit update."""
    # a figure the article says was replaced ("had put the toll at two") is not the toll
    pool = [m for m in numeric if not m.superseded] or numeric
    updates = [m for m in pool if m.update]
    plain = [m for m in pool if not m.increment]
    if updates:
        best = max(updates, key=lambda m: (m.value, m.start))
        hedged = [m for m in plain if m.value == best.value and m.qualifier != "exact" and not m.subset]
        if best.qualifier == "exact" and hedged:
            best = hedged[0]  # "at least 14 people were killed" ... "the toll had risen to 14"
        return best, True
    if plain:
        return max(plain, key=lambda m: (m.value, _qualifier_rank(m.qualifier), -m.start)), False
    return None


def _with_increment(
    best: Mention, numeric: list[Mention], has_update: bool, by_index: dict[int, Sentence]
) -> tuple[int, str, str]:
    """Value, as-stated phrase and quote once a later "two more died" is added."""
    value = best.value
    as_stated = best.as_stated
    quote = by_index[best.sentence].text
    increments = [m for m in numeric if m.increment]
    # one "two more died" updates the toll; several are a narrative that builds up a total the
    # article already gives ("they found 17 more bodies ... eight more died in the following days")
    for inc in increments if len(increments) == 1 else []:
        if inc.start <= best.start or inc.sentence == best.sentence:
            continue
        if has_update or any(m.sentence == inc.sentence and not m.increment for m in numeric):
            # an explicit toll ("rose to 23") already counts the later deaths it reports
            continue
        value += inc.value
        as_stated = f"{as_stated} ... {inc.as_stated}"
        quote = f"{quote} ... {by_index[inc.sentence].text}"
    return value, as_stated, quote


def _other_figures(
    role: str, best: Mention, value: int, numeric: list[Mention], by_index: dict[int, Sentence]
) -> list[DraftItem]:
    notes: list[DraftItem] = []
    seen = {value}
    for m in numeric:
        if m.increment or m.value in seen or (m.sentence == best.sentence and m.value == best.value):
            continue
        seen.add(m.value)
        label = "earlier figure" if m.start < best.start else "other figure"
        notes.append(DraftItem(text=f"{role}: {label} {m.as_stated}", quote=by_index[m.sentence].text))
    return notes


def _qualifier_rank(q: Qualifier) -> int:
    return {Qualifier.at_least: 3, Qualifier.more_than: 3, Qualifier.about: 2, Qualifier.up_to: 1}.get(q, 0)


def other_incidents(ctx: Context) -> list[DraftBackground]:
    """Other events the article reports figures for (another attack, last year's fire)."""
    out: list[DraftBackground] = []
    groups: dict[int, dict[str, Mention]] = {}
    for m in ctx.mentions.all:
        if not m.background or m.weak or m.subset or m.role not in {"killed", "injured"}:
            continue
        groups.setdefault(m.sentence, {}).setdefault(m.role, m)
    for index, roles in groups.items():
        quote = ctx.by_index[index].text
        words = re.sub(r"\s+", " ", quote).split()
        description = " ".join(words[:28]) + (" ..." if len(words) > 28 else "")
        out.append(
            DraftBackground(
                description=description,
                killed=_background_count(roles.get("killed"), quote),
                injured=_background_count(roles.get("injured"), quote),
                quote=quote,
            )
        )
    return out


def _background_count(m: Mention | None, quote: str) -> DraftCount | None:
    if m is None:
        return None
    return DraftCount(value=m.value, qualifier=m.qualifier, as_stated=m.as_stated, quote=quote)


PEOPLE_WINDOW = 14  # body sentences read for the cast of victims (later ones are often other stories;
# local news copy often opens with captions, update notes and witness quotes before the victim)

# a sentence that tells of other people shot on another day ("On Monday, a 19-year-old was shot")
_OTHER_DAY = lazy_compile(
    r"\b(?:a|an|another|two|three|four)\s+(?:[\w'’-]+\s+){0,2}?(?:man|woman|boy|girl|teen\w*|person|people|men|"
    r"women|\d{1,2}-year-old)"
    # "a 15-year-old boy named John Doe was shot"
    r"(?:\s+[\w'’-]+)?(?:\s*,?\s+named(?-i:(?:\s+[A-Z][\w'’.-]*){1,4}),?)?"
    r"\s+(?:was|were)\s+(?:also\s+)?(?:shot|killed|wounded|injured)"
    # "John Roe, 35, an unarmed man, was shot Dec. 23"
    r"|\b(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+\d{1,3},(?:\s+(?:a|an)\s+[^,;.]{1,60},)?"
    r"\s+(?:was|were)\s+(?:also\s+)?(?:shot|killed|wounded|injured)",
    re.IGNORECASE,
)


def people_tolls(
    ctx: Context, counts: dict[str, DraftCount | None], when: DraftDate | None, event: Sentence | None
) -> dict[str, DraftCount | None]:
    """Killed and injured counted from the people the report mentions, where no figure is stated
    ("A 27-year-old man was shot and killed", "He died at the hospital")."""
    titles = [s.text for s in ctx.article.title_sentences]
    headline = titles[0] if titles else ctx.title
    window = people_window(ctx, when)
    main = _toll_mentions(ctx, event)
    if ctx.wire:
        # wire copy strings several acts together: its toll is the event sentence's alone
        window = [t for t in window if event is not None and t[0] == event.index]
    tally = count_people(window, headline, _restored(ctx, window))
    if (
        ctx.wire
        and not (tally.killed or tally.injured)
        and all(counts[r] is None for r in ("killed", "injured"))
    ):
        # the event sentence tells no one's fate: the report's first sentence may ("... ATTACKED THE
        # HOME OF X, KILLING A POLICE OFFICER GUARDING THE HOUSE")
        first = [t for t in people_window(ctx, when)[:1] if event is None or t[0] != event.index]
        if first:
            lead = count_people(first, headline)
            if lead.killed or lead.injured:
                tally = lead
    stated = {m.role for m in main if not m.weak}
    killed, injured = tally.killed, tally.injured
    told = counts["killed"]
    if told is not None and told.value > killed and injured > 0:
        # "JUDGE X WAS MURDERED ... HE WAS SHOT EIGHT TIMES", "One person is dead ... the victim had
        # been shot": the one shot is the one who died (a stated figure counts only those whose fate
        # the text does not tell otherwise)
        # (a death told outside the sentences read for people, as wire copy's lead, is someone else)
        seen = {t[0] for t in window}
        told_here = any(m.role == "killed" and m.sentence in seen for m in main)
        unsure = injured if "killed" not in stated and told_here else tally.shot
        injured -= min(unsure, told.value - killed)
    out = dict(counts)
    # soldiers fallen in a battle, left out of the figures, are not counted back one by one
    fallen = {m.role: m.sentence for m in ctx.mentions.main if _combatants(ctx, m, ctx.mentions.main)}
    for role, value, at in (
        ("killed", killed, tally.killed_at),
        ("injured", injured, tally.injured_at),
    ):
        if role in fallen and role not in stated and set(tally.sources.get(role, ())) <= {fallen[role]}:
            continue
        out[role] = _with_people(ctx, out[role], role in stated, role, value, at, tally)
    if "injured" in stated and "killed" not in stated:
        out["injured"] = _less_the_dead(out["injured"], out["killed"], main, tally)
    return out


def _less_the_dead(
    injured: DraftCount | None, killed: DraftCount | None, main: list[Mention], tally: PeopleTally
) -> DraftCount | None:
    """A stated figure of the wounded less those of them the report later says died: "Two people were
    wounded ... The 19-year-old victim died" is one killed and one injured. Only where no figure of
    the dead is stated and all the dead the report tells were among the wounded."""
    if injured is None or killed is None:
        return injured
    figures = [
        m for m in main if m.role == "injured" and not m.weak and not m.increment and m.value == injured.value
    ]
    died = max((tally.died_from.get(m.sentence, 0) for m in figures), default=0)
    if died <= 0 or died > injured.value or killed.value != died or tally.killed != died:
        return injured
    return DraftCount(
        value=injured.value - died,
        qualifier=injured.qualifier,
        as_stated=injured.as_stated,
        quote=injured.quote,
    )


def _restored(ctx: Context, window: list[tuple[int, int, str]]) -> dict[int, str] | None:
    """Upper-case local news: the window's sentences in their restored case, where the people
    counts also read full names ("JAKELL MITCHELL WAS SHOT" as "Jakell Mitchell was shot"), an
    English word that opens a name capitalised again ("JOHN GANOBICK" as "John Ganobick")."""
    restored = ctx.restored
    if restored is None:
        return None
    cased = {index: first_names(restored[start : start + len(text)]) for index, start, text in window}
    return _surname_pairs(window, cased)


# a bare word opening a sentence before a singular verb: a surname ("TORRES GOT INTO A FIGHT AND WAS
# SHOT"), whatever English word it also is
_BARE_SUBJECT = lazy_compile(r"[\"“]?([A-Z][A-Z'’-]{2,})\s+(?:WAS|IS|HAS|HAD|GOT)\b")


def _surname_pairs(window: list[tuple[int, int, str]], cased: dict[int, str]) -> dict[int, str]:
    """The restored case with a name of English words capitalised where the text shows it to be one:
    a word that opens a sentence bare, as a surname does, and its first mention after another word,
    the first name ("POLICE SAY MARCUS TORRES ATTEMPTED ... TORRES WAS SHOT" -> "Marcus Torres").
    Function words are neither."""
    from .text import frequent_english_words

    ordinary = frequent_english_words()
    subjects = set()
    for _, _, text in window:
        m = _BARE_SUBJECT.match(text)
        if m is not None and m.group(1).lower() not in ordinary:
            subjects.add(m.group(1))
    for word in sorted(subjects):
        # the word's first mention, after its first name
        first = re.compile(rf"(?:(?<![\w'’-])([A-Z]{{3,}}) )?(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
        for index, _, text in window:
            m = first.search(text)
            if m is None:
                continue
            if m.group(1) is not None and m.group(1).lower() not in ordinary:
                r = cased[index]
                a, b = m.start(1), m.end(1) + 1
                cased[index] = r[:a] + r[a].upper() + r[a + 1 : b] + r[b].upper() + r[b + 1 :]
            break
    return cased


def people_window(ctx: Context, when: DraftDate | None) -> list[tuple[int, int, str]]:
    """The sentences that tell the main incident's victims: the body's first sentences, without
    those about another event (a background cue, "in a separate shooting", or a sentence dated
    otherwise that introduces people once the victims were already told)."""
    out: list[tuple[int, int, str]] = []
    event_date = when.as_stated.lower() if when is not None else None
    for s in ctx.body[:PEOPLE_WINDOW]:
        if ctx.is_past_event(s) or SEPARATE.match(s.text):
            continue
        if out and event_date is not None and _OTHER_DAY.search(s.text):
            phrases = [p.text.lower() for p in find_date_phrases(s.text)]
            if phrases and not any(event_date in p or p in event_date for p in phrases):
                continue
        out.append((s.index, s.start, s.text))
    if not out:
        out = [(s.index, s.start, s.text) for s in ctx.article.title_sentences]
    return out


def _with_people(
    ctx: Context,
    current: DraftCount | None,
    stated: bool,
    role: str,
    value: int,
    at: tuple[int, int, int] | None,
    tally: PeopleTally,
) -> DraftCount | None:
    """A figure the article states ("three people were killed") wins; people counted one by one
    fill in where no figure is stated, and replace a lone singular or zero statement that says less."""
    if value <= 0 or at is None:
        if (
            current is not None
            and not stated
            and current.value > 0
            and role == "injured"
            and tally.killed + tally.injured > 0
        ):
            return None  # "a man was shot" read alone, when the people counted say he died
        return current
    if current is not None and current.value > 0 and (stated or current.value >= value):
        return current
    index, start, end = at
    sentences = sorted(set(tally.sources.get(role, ())) | {index})
    quote = " ... ".join(ctx.by_index[i].text for i in sentences if i in ctx.by_index)
    as_stated = re.sub(r"\s+", " ", ctx.text[start:end]).strip()
    return DraftCount(value=value, qualifier=Qualifier.exact, as_stated=as_stated, quote=quote)
