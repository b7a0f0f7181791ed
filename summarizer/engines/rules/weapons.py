"""Weapons named near the event ("a car bomb", "AK-47s", "a van into the crowd")."""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...schema import DraftItem
from .context import Context
from .text import Sentence

__all__ = ["sentence_weapons", "weapons"]

_WEAPONS = lazy_compile(
    r"\b(?:suicide\s+vests?|explosive\s+vests?|car[\s-]bombs?|truck\s+bombs?|improvised\s+explosive\s+devices?|IEDs?|"
    r"roadside\s+bombs?|rocket-propelled\s+grenades?|grenade\s+launchers?|rocket\s+launchers?|grenades?|RPGs?|"
    # a firearm named by its make or calibre: "AK-M rifle", "Uzi submachinegun", "9-mm gun"
    r"(?:AK-?M|AK-47|M-16|FAL|Galil|Uzi|\d+-?mm)\s+(?:rifles?|sub-?machine-?guns?|guns?|pistols?|weapons?)|"
    r"AK-47s?|M-16s?|assault\s+rifles?|rifles?|handguns?|pistols?|revolvers?|shotguns?|firearms?|"
    r"sub-?machine[\s-]*guns?|machine[\s-]*guns?|(?:heavy[\s-]+caliber|automatic)\s+weapons?|knives|knife|"
    r"machetes?|mortars?|rockets?|drones?|firebombs?|TNT|"
    r"(?:dynamite|explosive)\s+charges?|charges?\s+of\s+dynamite|sticks?\s+of\s+dynamite|dynamite\s+sticks?|"
    r"dynamite|explosive\s+devices?|incendiary\s+(?:bombs?|devices?)|explosives|"
    r"(?:homemade|powerful|time|pipe|petrol|gasoline|letter|parcel|package)\s+bombs?|bombs?|"
    r"landmines?|mines?|molotov\s+cocktails?|bullets?|"
    r"(?:van|truck|lorry|car)(?=\s+(?:into|through)\s+(?:a\s+|the\s+)?crowd))\b",
    re.IGNORECASE,
)
# weapons that were found or seized, not used: "police seized rifles and dynamite"
_NOT_USED = lazy_compile(
    r"\b(?:seized|seizure|confiscated|found|discovered|recovered|cache|arsenal|caches|smuggl\w*|"
    r"bought|purchased|supplied|shipment|deliver\w*|possession|manufactur\w*)\b",
    re.IGNORECASE,
)


# the weapons the pattern names after a maker or inventor: their capital stays
_PROPER_WEAPONS = ("galil", "uzi", "molotov")


def _as_common_noun(found: str) -> str:
    """ "Bomb" at the head of a headline or sentence is "bomb"; "TNT", "AK-47", "Uzi" keep their
    capitals, and so does upper-case copy ("BOMB")."""
    words = " ".join(found.split())
    head = words.split(" ")[0]
    if head[:1].isupper() and head[1:].islower() and head.lower() not in _PROPER_WEAPONS:
        return head.lower() + words[len(head) :]
    return words


def sentence_weapons(text: str) -> list[DraftItem]:
    """The distinct weapons one sentence names as used (none when it tells of a seizure)."""
    if _NOT_USED.search(text):
        return []
    out: list[DraftItem] = []
    seen: set[str] = set()
    for m in _WEAPONS.finditer(text):
        key = m.group(0).lower().rstrip("s")
        if key not in seen:
            seen.add(key)
            out.append(DraftItem(text=_as_common_noun(m.group(0)), quote=text))
    return out


def weapons(ctx: Context, event: Sentence | None) -> list[DraftItem]:
    """Up to four distinct weapons named in the event's window, each with its sentence."""
    out: list[DraftItem] = []
    seen: set[str] = set()
    for index, text, background in ctx.event_window(event):
        if background:
            continue
        for item in sentence_weapons(text):
            key = item.text.lower().rstrip("s")
            if key in seen:
                continue
            seen.add(key)
            out.append(DraftItem(text=item.text, quote=ctx.by_index[index].text))
    return out[:4]
