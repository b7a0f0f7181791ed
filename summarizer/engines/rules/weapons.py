"""Weapons named near the event ("a car bomb", "AK-47s", "a van into the crowd")."""

from __future__ import annotations

import re

from ...schema import DraftItem
from .context import Context
from .text import Sentence

__all__ = ["weapons"]

_WEAPONS = re.compile(
    r"\b(?:suicide\s+vests?|explosive\s+vests?|car\s+bombs?|truck\s+bombs?|improvised\s+explosive\s+devices?|IEDs?|"
    r"roadside\s+bombs?|grenades?|rocket-propelled\s+grenades?|RPGs?|AK-47s?|M-16s?|assault\s+rifles?|rifles?|"
    r"handguns?|pistols?|shotguns?|firearms?|machine\s*guns?|knives|knife|machetes?|mortars?|rockets?|drones?|"
    r"dynamite|explosives|homemade\s+bomb|pipe\s+bombs?|landmines?|petrol\s+bombs?|molotov\s+cocktails?|"
    r"(?:van|truck|lorry|car)(?=\s+(?:into|through)\s+(?:a\s+|the\s+)?crowd))\b",
    re.IGNORECASE,
)


def weapons(ctx: Context, event: Sentence | None) -> list[DraftItem]:
    """Up to four distinct weapons named in the event's window, each with its sentence."""
    out: list[DraftItem] = []
    seen: set[str] = set()
    for index, text, background in ctx.event_window(event):
        if background:
            continue
        for m in _WEAPONS.finditer(text):
            key = m.group(0).lower().rstrip("s")
            if key in seen:
                continue
            seen.add(key)
            out.append(DraftItem(text=m.group(0), quote=ctx.by_index[index].text))
    return out[:4]
