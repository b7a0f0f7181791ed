"""The incident's date phrase: when the incident happened, as the article words it.

A date told with the act's distance from it comes first, wherever in the lead or the body read
("died Saturday, Dec. 22, a day after he was shot": the phrase with its distance resolves to the
act's day). Then looked for in the event sentence, the lead, the title: a possessive date first
("Sunday's attack", "Saturday's slaying"), then the phrase nearest after an event word (a phrase
that opens its clause, "Early Sunday, a man ... was shot", dates the act the clause tells however
far its word), passing over one that only dates
a toll update or a statement ("the toll rose to nine on Wednesday", "officials said Friday"; not
a statement told as an aside: "as the paper has already reported, on 5 July a bomb ..."), a day
still to come ("the elections on 27 May" in copy of 20 February) and the dateline's own date. A
lead date that only dates a discovery ("his body was found today") gives way to the act's own date
further on ("yesterday armed men kidnapped him") and is taken only when there is none. When nothing names the act's day but a sentence with the act's word tells
its hour ("around 3 a.m.", "AT 1215") under a dated dateline, the dateline's date is the act's.
When even that is missing, outside wire copy, a day the body gives a later step or a statement ("A
search continued Thursday afternoon for the other suspect") is taken: it is the nearest the article
comes to dating the act (a day still to come never is).
Resolving the phrase to a calendar date is :mod:`summarizer.normalize.dates`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...lazyre import lazy_compile
from ...normalize.dates import DAYS_AFTER, DatePhrase, coming_date, find_date_phrases, resolve_date
from ...schema import DraftDate
from .classify import EVENT_NOUN
from .context import SEPARATE, Context, text_background
from .text import Sentence

__all__ = ["incident_date"]

# the act as local news and wire copy name it besides the event nouns: "Saturday's slaying", "Sunday's
# gunfire", "Friday's rampage", "LAST NIGHT'S TERRORIST ACTION"
_ACT_NOUN = (
    EVENT_NOUN
    + r"|murder|slaying|homicide|gunfire|rampage|standoff|violence|robbery|carjacking|home\s+invasion"
    + r"|terrorist\s+(?:act|action|target)"
)
_POSSESSIVE_DATE = lazy_compile(
    r"\b(?P<when>(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+night)?|yesterday|"
    r"today|last\s+night|(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{1,2})['’]s\s+(?:[\w-]+\s+){0,3}?(?:" + _ACT_NOUN + r")s?\b",
    re.IGNORECASE,
)
_EVENT_ANCHOR = lazy_compile(
    r"\b(?:killed|killing|died|dead|injured|wounded|exploded|blew|went\s+off|struck|hit|erupted|broke\s+out|"
    r"collapsed|crashed|derailed|capsized|sank|overturned|plunged|attacked|stormed|raided|ambushed|opened\s+fire|"
    r"shot|stabbed|abducted|kidnapped|assassinated|murdered|clashed|torched|swept|razed|gutted|engulfed|"
    r"started|began|happened|occurred|took\s+place|drove|rammed|declared|fell\s+ill|drinking|consuming|"
    r"landfall|riddled|gunpoint|robbery|robbed|responded|fired|shots|gunfire|gunshots?|entered|broke\s+into|stole|argument|"
    r"assault(?:ed|ing)|murdering|fight|altercation|confrontation|dispute|found\s+(?:dead|shot|suffering|lying|unresponsive|with)|"
    + EVENT_NOUN
    + r")\b",
    re.IGNORECASE,
)


def _date_ok(p: DatePhrase, ref_year: int | None, published: date | None = None) -> bool:
    years = re.findall(r"(?:19|20)\d\d", p.text)
    if years and ref_year is not None and int(years[0]) < ref_year - 1:
        return False
    if published is not None and p.kind == "explicit":
        if coming_date(p.text, published):
            return False  # "the presidential elections on 27 May" in copy of 20 February: still to come
        if years:
            when = resolve_date(p.text, "", published).iso
            # (a day of slack: a publication date given in another time zone)
            if when is not None and when > published + timedelta(days=1):
                return False  # "the municipal elections of 12 November 1989" in copy of 8 October 1989
    return not re.search(r"\b(?:years?|months?|weeks?)\s+ago\b", p.text, re.I)


# a date that says when a toll was updated or a statement made, not when the incident happened:
# "the death toll rose to nine on Wednesday", "the council said Friday", "police confirmed this morning",
# "a seventh passenger died in hospital on Thursday"
_REPORT_BEFORE = lazy_compile(
    r"(?:\b(?:rose|risen|climbed|increased|jumped|reached|stood|stands|soared)\s+to\s+(?:at\s+least\s+|about\s+|"
    r"nearly\s+|more\s+than\s+)?[\w,.-]+(?:\s+(?:people|dead|deaths|victims))?"
    r"|\b(?:said|says|confirmed|reported|announced|added|told\s+(?:reporters|journalists|the\s+\w+)|stated|"
    r"revealed|disclosed|denied|condemned|deplored|demanded|protested|accused|urged|referred|warned|declared|"
    r"claimed|charged|explained|indicated|noted|insisted|rejected|repudiated|appealed|expressed|"
    # a claim or a threat is dated on its own: "CLAIMED RESPONSIBILITY TODAY FOR", "WAS THREATENED TODAY"
    r"claimed\s+(?:responsibility|credit)|threatened)"
    # a later death: "after a seventh passenger died in hospital on Thursday"
    r"|\b(?:died|succumbed)\s+(?:later\s+)?(?:(?:of|to)\s+(?:his|her|their)\s+(?:injuries|wounds|burns)\s+)?"
    r"(?:in|at)\s+(?:a\s+|the\s+)?(?:[\w.'’-]+\s+){0,4}?(?:hospital|medical\s+cent(?:er|re))"
    r"|\bsuccumbed\s+to\s+(?:his|her|their)\s+(?:injuries|wounds|burns)"
    r")\s*,?\s*$",
    re.IGNORECASE,
)


# a date right before a statement verb dates the statement: "police today reported that ...",
# "the army said Friday", "ACCORDING TO MILITARY SOURCES TODAY"
_REPORT_AFTER = lazy_compile(
    r"^\s*(?:(?:said|says|stated|reported|announced|confirmed|revealed|disclosed|told|added|"
    r"denied|condemned|demanded|protested|accused|urged|asked|called\s+(?:for|on)|appealed|referred|warned|"
    r"charged|claimed|acknowledged|explained|indicated|noted|declared|insisted|repudiated|rejected|"
    r"issued|released|offered|identified|ruled|expressed|deplored|blamed|rescued|arrested|captured|detained|"
    r"freed|charged|read|reaffirmed|reiterated|vowed|pledged|promised)\b)",
    re.IGNORECASE,
)
# a date a state is given at, not an act's: "By Friday afternoon, the office reported ...", "as of Monday"
_STATUS_BEFORE = lazy_compile(r"\b(?:by|as\s+of|until|till|since)\s*$", re.IGNORECASE)
_ACCORDING_BEFORE = lazy_compile(r"\baccording\s+to\s+(?:[\w.-]+\s+){0,4}$", re.IGNORECASE)

# what happened after the incident, dated on its own: an arrest, a charge, a court date, a death
# ruling, a reward, a vigil ("pleaded not guilty Tuesday", "was arrested Friday", "were closed on Monday")
_FOLLOW_UP = lazy_compile(
    r"\b(?:arrest(?:ed|s)?|custody|charg(?:ed|es)|indicted|arraign(?:ed|ment)|pleaded|pled|plea|"
    r"sentenced|convicted|acquitted|court|hearing|bond|bail|jail(?:ed)?|behind\s+bars|surrender(?:ed)?|turned\s+(?:himself|"
    r"herself)\s+in|booked|extradited|released|identified|named|ruled|autopsy|vigil|memorial|funeral|"
    r"reward|rescued|closed|locked|reopened|remain(?:s|ed)?|hospitalized|condition|search(?:ed|ing)?|"
    r"investigat(?:ed|ing|ion)|updated?|confirmed|tweeted|posted)\b",
    re.IGNORECASE,
)
# a date of something still to come: "will be released Friday", "is scheduled to appear Sunday"
_FUTURE = lazy_compile(
    r"\b(?:will|would|shall|scheduled|set\s+to|plans?\s+to|planned|expected\s+to|due\s+to|slated|next)\b",
    re.IGNORECASE,
)


# a date that names the act itself: "an early Wednesday morning shooting", "a deadly Christmas Day
# shooting", "three Wednesday night shootings"
_ATTRIBUTIVE = lazy_compile(
    r"^\s*(?:(?:deadly|fatal|early|late|morning|afternoon|evening|night|drive-by|double|triple|mass|apparent|"
    r"officer-involved|police|gang-related|road-rage|armed|attempted|car|suicide|gun|knife|bomb)\s+){0,2}"
    r"(?:" + _ACT_NOUN + r")s?\b",
    re.IGNORECASE,
)


def _attributive(s: Sentence, p: DatePhrase) -> bool:
    return bool(_ATTRIBUTIVE.match(s.text[p.end : p.end + 40]))


# a statement told as an aside, whose comma ends it: "As the paper has already reported, on 5 July a
# bomb ...", "as police said," (the date after the comma is the act's, not the statement's)
_AS_REPORTED = lazy_compile(
    r"\bas\s+(?:[\w.'’-]+\s+){0,4}?(?:(?:has|have|had|was)\s+)?(?:already\s+|previously\s+|earlier\s+)?"
    r"(?:reported|said|stated|announced|confirmed|noted|indicated)\s*,\s*$",
    re.IGNORECASE,
)


def _report_date(s: Sentence, p: DatePhrase) -> bool:
    if _attributive(s, p):
        return False
    before = s.text[max(0, p.start - 60) : p.start]
    if _REPORT_BEFORE.search(before) and not _AS_REPORTED.search(before):
        return True
    if _ACCORDING_BEFORE.search(before) or _STATUS_BEFORE.search(before):
        return True
    return bool(_REPORT_AFTER.match(s.text[p.end : p.end + 30]))


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (-1 when none)."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


_TIME_CLAUSE = lazy_compile(
    r"\b(?:after|since|before|until)\s+(?!\d|about|around|approximately|noon|midnight|dawn|dusk)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = lazy_compile(r";|\s(?:and|but|after|before|when|while|following)\s", re.IGNORECASE)
# "and" between two names ("the Brown Deer and Milwaukee police") joins no clauses
_NAMES_AND = lazy_compile(r"[A-Z][\w.-]*\s(?i:and)\s[A-Z]")


def _last_act(text: str) -> int:
    """Where the last word of an act ends in ``text`` (-1 when none)."""
    return max(_last(_EVENT_ANCHOR, text), _last(_WIRE_ANCHOR, text))


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` starts."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _clause_before(s: Sentence, p: DatePhrase) -> str:
    """The words of the phrase's clause before it (back to a sentence or clause break)."""
    before = s.text[max(0, p.start - 80) : p.start]
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK.finditer(before)
        if not _NAMES_AND.fullmatch(before[_word_start(before, m.start()) : m.end() + 1])
    ]
    return before[breaks[-1] :] if breaks else before


def _follow_up_date(s: Sentence, p: DatePhrase) -> bool:
    """Does the phrase date a later step (an arrest, a charge, a hearing) rather than the act: a
    follow-up word stands between the act's last word and the phrase in its clause?"""
    if _attributive(s, p):
        return False
    if _fronted_follow_up(s, p):
        return True
    before = _clause_before(s, p)
    follow = _last(_FOLLOW_UP, before)
    if follow >= 0 and follow > _last_act(before):
        return True
    # "ONLY 8 DAYS AFTER TAKING OFFICE ON 1 JUNE": a clause of time that names no act dates
    # something else
    window = s.text[max(0, p.start - 80) : p.start]
    sub = list(_TIME_CLAUSE.finditer(window))
    return bool(sub) and _last_act(window[sub[-1].end() :]) < 0


def _future_date(s: Sentence, p: DatePhrase) -> bool:
    """Does the phrase date something still to come ("will be released Friday morning")?"""
    before = _clause_before(s, p)
    future = _last(_FUTURE, before)
    return future >= 0 and future > _last_act(before)


# where a clause opens: the sentence's start, a dateline's dash or a bracketed tag ("BOGOTA, 27 AUG
# 89 (AFP) -- [TEXT] TODAY, ..."), a reported clause ("police said that, early this morning, ...")
_CLAUSE_OPENS = lazy_compile(r"(?:^|--|\]|\bthat\s*,?)\s*$", re.IGNORECASE)
# a statement or a later step between a fronted date and the act's word: the date is theirs
# ("On Tuesday, police arrested the man who shot ...", "Today, the army said the rebels attacked")
_NOT_THE_ACT = lazy_compile(
    r"\b(?:said|says|stated|reported|announced|confirmed|revealed|disclosed|told|added|denied|condemned|"
    r"demanded|protested|accused|urged|claimed|charged|declared|warned|explained|indicated|noted|"
    r"expressed|blamed|repudiated|rejected|reaffirmed|reiterated|vowed|pledged|promised)\b",
    re.IGNORECASE,
)


def _fronted_clause(s: Sentence, p: DatePhrase) -> tuple[str, int] | None:
    """When the phrase opens its clause, set off by a comma ("Early Sunday, a man was shot"): the
    rest of the clause and where its first act's word stands in it (-1 when none)."""
    if not _CLAUSE_OPENS.search(s.text[: p.start]) or not re.match(r"\s*,", s.text[p.end :]):
        return None
    rest = s.text[p.end :]
    cut = re.search(r";", rest)
    if cut:
        rest = rest[: cut.start()]
    act = min(
        (
            m.start()
            for pattern in (_EVENT_ANCHOR, _WIRE_ANCHOR)
            for m in pattern.finditer(rest)
            if m.group(0).lower() != "found"  # a discovery is not the act
        ),
        default=-1,
    )
    return rest, act


def _fronted_act(s: Sentence, p: DatePhrase) -> bool:
    """Does the phrase open its clause and date the act the clause goes on to tell ("THIS
    AFTERNOON, ON THE BERMEJA RIVER, ..., A SMALL FLAGSHIP WAS INTERCEPTED BY A VESSEL WHICH
    FIRED")? A fronted adverb of time scopes over its whole clause, however long the subject
    between it and the act's word; not when a statement, a later step or a coming one is told
    first ("On Tuesday, police arrested the man accused in the stabbing")."""
    fronted = _fronted_clause(s, p)
    # (not when another date in the clause may be the act's own: "On Tuesday, the man shot Sunday")
    if fronted is None or fronted[1] < 0 or find_date_phrases(fronted[0]):
        return False
    between = fronted[0][: fronted[1]]
    return not (_NOT_THE_ACT.search(between) or _FOLLOW_UP.search(between) or _FUTURE.search(between))


def _fronted_follow_up(s: Sentence, p: DatePhrase) -> bool:
    """Does a phrase that opens its clause date a later step told before the act's word ("On
    Tuesday, detectives arrested the man accused in the stabbing ...")?"""
    fronted = _fronted_clause(s, p)
    if fronted is None:
        return False
    rest, act = fronted
    return bool(_FOLLOW_UP.search(rest if act < 0 else rest[:act]))


# a discovery right before the date: "the bodies were found today", "was discovered Monday"
_DISCOVERY = lazy_compile(r"\b(?:found|discovered)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _found_date(s: Sentence, p: DatePhrase) -> bool:
    """Does the phrase date a discovery ("his body was found today") rather than the act?"""
    return bool(_DISCOVERY.search(s.text[max(0, p.start - 25) : p.start]))


def _pick_phrase(
    s: Sentence,
    ref_year: int | None,
    skip_before: int = -1,
    max_distance: int | None = None,
    *,
    no_report: bool = False,
    published: date | None = None,
    defer_found: bool = False,
) -> DatePhrase | None:
    phrases = [
        p
        for p in find_date_phrases(s.text)
        if _date_ok(p, ref_year, published)
        and s.start + p.start >= skip_before
        and not _future_date(s, p)
        and not (no_report and (_report_date(s, p) or _follow_up_date(s, p)))
        and not (defer_found and _found_date(s, p))
    ]
    if not phrases:
        return None

    # the phrase nearest after an event word wins ("collapsed near Bindura on Sunday" beats
    # "rescue teams were last night battling")
    def distance(p: DatePhrase) -> int:
        if _fronted_act(s, p):
            return 0
        best = 10_000
        anchors = list(_EVENT_ANCHOR.finditer(s.text))
        if max_distance is not None:
            anchors += list(_WIRE_ANCHOR.finditer(s.text))
        for m in anchors:
            if m.end() <= p.start:
                best = min(best, p.start - m.end())
            elif m.start() >= p.end:
                best = min(best, (m.start() - p.end) * 2 + 20)
        return best

    def found_only(p: DatePhrase) -> bool:
        """Does the phrase date a discovery ("BODIES WERE FOUND TODAY") rather than the act?"""
        return bool(_DISCOVERY.search(s.text[max(0, p.start - 25) : p.start]))

    if len(phrases) > 1:
        acts = [p for p in phrases if not found_only(p)]
        if acts and len(acts) < len(phrases):
            phrases = [p for p in acts if distance(p) <= (max_distance or _INCIDENT_DATE_DISTANCE)] or phrases
    best = min(phrases, key=lambda p: (distance(p), p.start))
    if max_distance is not None and distance(best) > max_distance:
        return None
    return best


_WIRE_ANCHOR = lazy_compile(
    r"\b(?:destroyed|robbed|hurled|threw|thrown|defused|deactivated|downed|disappear\w*|dynamited|burned|set\s+fire|"
    r"machinegunned|fired|occupied|seized|hijacked|detonated|planted|kidnapp\w*|murder\w*|assassinat\w*|"
    r"massacre\w*|bomb\w*|explosi\w*|dynamite|attack\w*|shook|found|perpetrated|committed|crimes?|terrorist\s+act(?:ion)?s?)\b",
    re.IGNORECASE,
)
_WIRE_DATE_DISTANCE = 250
_LATER_SENTENCES = 12  # body sentences after the lead read for the date
_INCIDENT_DATE_DISTANCE = 120  # beyond it (or with no event word in the sentence) the date is not the act's


# a four-digit number that is no year: "the 2000 block of First Avenue", "AT 1915 [2115 GMT]"
_NOT_A_YEAR = lazy_compile(
    r"\b(?:19|20)\d\d\b(?=\s*(?:block|hours\b|\[|\(\d|local\s+time|gmt))|(?<=\bat\s)(?:19|20)\d\d\b"
    r"|(?<=\bapproximately\s)(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_OTHER_TIME = lazy_compile(
    r"\b(?:years?\s+ago|anniversary|decades?|last\s+(?:year|month)|(?:a|one)\s+(?:year|month)\s+(?:earlier|before)|"
    r"separately|elsewhere|meanwhile|earlier\s+this\s+(?:month|year)|in\s+(?:a|an|the)\s+(?:similar|separate|"
    r"earlier|previous|prior|another|unrelated)\b)",
    re.IGNORECASE,
)


# a later step dated by a past time: "charged last month", "arrested last week"
_STEP_TIME = lazy_compile(
    r"\b(?P<step>charged|arrested|indicted|arraigned|booked|jailed|identified|named)\s+"
    r"(?:last\s+(?:month|week)|earlier\s+this\s+(?:month|year))\b",
    re.IGNORECASE,
)


def _other_event(ctx: Context, s: Sentence) -> bool:
    """Is the sentence about another event? One marked only by a date of the last year or this one
    ("Around 4 a.m. on December 12, 2015, police were called ..." in a January 2016 follow-up) or by
    a number that is no year ("the 2000 block") is the incident's own account."""
    if not ctx.is_background(s):
        return False
    text = s.text
    if _STEP_TIME.search(text):
        # "was charged last month with assaulting an officer on Jan. 28": the month dates the charge
        text = _STEP_TIME.sub(lambda m: m.group("step"), text)
        if not text_background(text, ctx.ref_year):
            return False
    if SEPARATE.match(text) or ctx.ref_year is None or _OTHER_TIME.search(text):
        return True
    false = {m.start() for m in _NOT_A_YEAR.finditer(text)}
    years = [(m.start(), int(m.group(0))) for m in re.finditer(r"\b(?:19|20)\d\d\b", text)]
    if not years:
        return True  # background by another cue
    return any(y < ctx.ref_year - 1 for at, y in years if at not in false)


# a later step's date with the act's distance from it: "died Saturday, Dec. 22, a day after he was
# shot", "a report on January 18 (one day after Cottrell was killed)", "two days after the shooting"
_ACT_AFTER = lazy_compile(
    r"(?P<rel>" + DAYS_AFTER + r")\s+(?:"
    r"(?:being|getting)\s+(?:\w+ly\s+)?(?:shot|stabbed|wounded|attacked|beaten)"
    # the one shot, in up to four words, no statement among them ("after police said he was shot")
    r"|(?:(?!(?:said|says|told|reported|announced|learned)\b)[\w'’.-]+\s+){1,4}?(?:was|were|had\s+been|got)\s+(?:\w+ly\s+)?(?:shot|stabbed|wounded|killed|"
    r"attacked|beaten|struck|murdered|gunned\s+down)"
    r"|(?:the|a|an|that|this|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:" + EVENT_NOUN + r")s?"
    r")\b",
    re.IGNORECASE,
)


def _act_after(ctx: Context, sentences: list[Sentence]) -> DraftDate | None:
    """A date that tells how long after the act it came ("died Tuesday, Jan. 4, three days after he
    was shot"): the date with its distance, which resolves to the act's own day."""
    for s in sentences:
        if _other_event(ctx, s):
            continue
        for p in find_date_phrases(s.text):
            m = _ACT_AFTER.match(s.text, p.end)
            if m and _date_ok(p, ctx.ref_year, ctx.published):
                return DraftDate(as_stated=s.text[p.start : m.end("rel")], quote=s.text)
    return None


def _date_sentences(ctx: Context, event: Sentence | None) -> list[Sentence]:
    ordered: list[Sentence] = []
    if event is not None:
        ordered.append(event)
    ordered.extend(s for s in ctx.lead if s not in ordered and not s.title)
    ordered.extend(s for s in ctx.article.title_sentences if s not in ordered)
    return ordered


def incident_date(ctx: Context, event: Sentence | None) -> DraftDate | None:
    art = ctx.article
    ordered = _date_sentences(ctx, event)
    later = [s for s in ctx.body if s not in ordered and not _other_event(ctx, s)]
    # (not in wire copy: its bodies run on with other days' events, quoted communiques and
    # signatures, and MUC-4 measures it worse)
    later = later[: 0 if ctx.wire else _LATER_SENTENCES]
    after = _act_after(ctx, ordered + later)
    if after is not None:
        return after
    for s in ordered:
        if _other_event(ctx, s):
            continue
        m = _POSSESSIVE_DATE.search(s.text)
        if m:
            return DraftDate(as_stated=m.group("when"), quote=s.text)
    candidates = [s for s in ordered if not (_other_event(ctx, s) and s is not event)]
    # a date of the incident itself first; one that only dates a toll update, a statement or a later
    # step ("the toll rose to nine on Wednesday", "officials said Friday", "POLICE TODAY REPORTED",
    # "was arrested Friday") when there is no other
    first_distance = _WIRE_DATE_DISTANCE if ctx.wire else _INCIDENT_DATE_DISTANCE
    for s in candidates:
        p = _pick_phrase(
            s,
            ctx.ref_year,
            art.dateline_end,
            first_distance,
            no_report=True,
            published=ctx.published,
            defer_found=True,
        )
        if p is not None:
            return DraftDate(as_stated=p.text, quote=s.text)
    # past the lead: a possessive date ("Thursday's shooting was the seventh ..."), then a date next
    # to the act's word ("The incident happened Saturday night", "About 5 p.m. Tuesday, deputies
    # responded ... and found a man with a gunshot wound")
    for s in later:
        m = _POSSESSIVE_DATE.search(s.text)
        if m:
            return DraftDate(as_stated=m.group("when"), quote=s.text)
    for s in later:
        p = _pick_phrase(
            s,
            ctx.ref_year,
            art.dateline_end,
            first_distance,
            no_report=True,
            published=ctx.published,
        )
        if p is not None:
            return DraftDate(as_stated=p.text, quote=s.text)
    for no_report in (True,) if ctx.wire else (True, False):
        for s in candidates:
            # the dateline's date is not the event's; in wire copy a date far from the act's word is
            # when it was reported ("THE PARTY TODAY DEMANDED AN INVESTIGATION OF THE MURDER")
            p = _pick_phrase(
                s,
                ctx.ref_year,
                art.dateline_end,
                _WIRE_DATE_DISTANCE if ctx.wire else None,
                no_report=no_report,
                published=ctx.published,
            )
            if p is not None:
                return DraftDate(as_stated=p.text, quote=s.text)
    # a full date told further down ("LeGrier called 911 in the early morning of Dec. 26"), when the
    # lead dates nothing: not a statement's, a later step's or a coming one
    for s in later:
        for p in find_date_phrases(s.text):
            if (
                p.kind == "explicit"
                and _date_ok(p, ctx.ref_year, ctx.published)
                and not _future_date(s, p)
                and not _report_date(s, p)
                and not _follow_up_date(s, p)
            ):
                return DraftDate(as_stated=p.text, quote=s.text)
    dated = _dateline_day(ctx, later)
    if dated is not None or ctx.wire:
        return dated
    for s in later:
        p = _pick_phrase(s, ctx.ref_year, art.dateline_end, None, no_report=False, published=ctx.published)
        if p is not None:
            return DraftDate(as_stated=p.text, quote=s.text)
    return None


# the time of day by the clock: "around 3 a.m.", "shortly before 11:30 a.m.", "at 12:55 a.m."
_CLOCK = lazy_compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)", re.IGNORECASE)

_WIRE_CLOCK = lazy_compile(
    r"\b(?:at|around|about|approximately|by)\s+(?:approximately\s+|about\s+|around\s+)?(?:[01]\d|2[0-3])[0-5]\d\b"
    r"(?:\s+hours)?(?!\s+(?:block|people|persons))|\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)",
    re.IGNORECASE,
)


def _dateline_day(ctx: Context, later: list[Sentence]) -> DraftDate | None:
    """An act told only by the clock under a dated dateline: the dateline's day.

    "INDIANAPOLIS (December 7, 2015) - ... officers responded to a call about a person shot around
    3 a.m." names no day for the act: the copy was filed on that day about that day. When the lead
    or the body read for the date names no day at all (the passes before found none) and a sentence
    with an act's word tells its hour, the dateline's own date is the act's. Wire copy tells the
    hour by the 24-hour clock ("A BOMB EXPLODED AT 1215 (1815 GMT)"); an hour that times no act
    ("THE POLLS CLOSED AT 1600") does not count."""
    art = ctx.article
    if art.dateline_end < 0:
        return None
    clock = _WIRE_CLOCK if ctx.wire else _CLOCK
    read = [s for s in ctx.lead_body + later if not _other_event(ctx, s)]
    if not any(clock.search(s.text) and _last_act(s.text) >= 0 for s in read):
        return None
    for s in ctx.lead_body[:1]:
        if not s.start < art.dateline_end <= s.end:
            continue
        for p in find_date_phrases(s.text):
            if (
                p.kind == "explicit"
                and s.start + p.end <= art.dateline_end
                and _date_ok(p, ctx.ref_year, ctx.published)
            ):
                return DraftDate(as_stated=p.text, quote=s.text)
    return None
