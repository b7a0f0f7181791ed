"""The MUC-4 -> gold JSONL converter (evals/muc4.py): an inline sample, then the real test sets."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evals_muc4_under_test", ROOT / "evals" / "muc4.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


muc4 = _load()


def _muc4_dir() -> Path | None:
    candidates = [ROOT.parent / "shared" / "muc4", Path("/work/shared/muc4")]
    if os.environ.get("MUC4_DIR"):
        candidates.insert(0, Path(os.environ["MUC4_DIR"]))
    return next((c for c in candidates if (c / "tst1").is_dir()), None)


MUC4_DIR = _muc4_dir()

TEXTS = """\
TST9-MUC4-0001

   SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) -- [REPORT] [TEXT] URBAN
GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] LAST
NIGHT EXPLODED A BOMB AT THE ESCALON POLICE POST IN SAN SALVADOR, KILLING
TWO POLICEMEN AND WOUNDING SERGEANT JUAN PEREZ AND A CIVILIAN.  THE FMLN
CLAIMED RESPONSIBILITY.

   THE ARMY ALSO SAID THAT REBELS HAVE KILLED SEVERAL PEASANTS IN RECENT
WEEKS.


TST9-MUC4-0002

   BOGOTA, 4 JAN 90 -- [TEXT] THE COLOMBIAN GOVERNMENT TODAY ANNOUNCED A
NEW ECONOMIC PLAN.
"""

KEYS = """\
0.  MESSAGE: ID                     TST9-MUC4-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 JAN 90 - 03 JAN 90
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         "BOMB"
7.  INCIDENT: INSTRUMENT TYPE       BOMB: "BOMB"
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             "URBAN GUERRILLAS" / "GUERRILLAS"
10. PERP: ORGANIZATION ID           "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
12. PHYS TGT: ID                    "ESCALON POLICE POST" / "POLICE POST"
13. PHYS TGT: TYPE                  LAW ENFORCEMENT FACILITY: "ESCALON POLICE POST" / "POLICE POST"
14. PHYS TGT: NUMBER                1: "ESCALON POLICE POST" / "POLICE POST"
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    SOME DAMAGE: "ESCALON POLICE POST" / "POLICE POST"
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   "JUAN PEREZ"
19. HUM TGT: DESCRIPTION            "SERGEANT": "JUAN PEREZ"
                                    "POLICEMEN"
                                    "CIVILIAN"
20. HUM TGT: TYPE                   LAW ENFORCEMENT: "JUAN PEREZ"
                                    LAW ENFORCEMENT: "POLICEMEN"
                                    CIVILIAN: "CIVILIAN"
21. HUM TGT: NUMBER                 1: "JUAN PEREZ"
                                    2: "POLICEMEN"
                                    1: "CIVILIAN"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "POLICEMEN"
                                    INJURY: "JUAN PEREZ"
                                    INJURY: "CIVILIAN"
24. HUM TGT: TOTAL NUMBER           -

;;; a comment before the second template
0.  MESSAGE: ID                     TST9-MUC4-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  - 03 JAN 90
3.  INCIDENT: LOCATION              EL SALVADOR
4.  INCIDENT: TYPE                  ATTACK
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         -
7.  INCIDENT: INSTRUMENT TYPE       -
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             "REBELS"
10. PERP: ORGANIZATION ID           -
11. PERP: ORGANIZATION CONFIDENCE   -
12. PHYS TGT: ID                    -
13. PHYS TGT: TYPE                  -
14. PHYS TGT: NUMBER                -
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    -
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "PEASANTS"
20. HUM TGT: TYPE                   CIVILIAN: "PEASANTS"
21. HUM TGT: NUMBER                 PLURAL: "PEASANTS"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "PEASANTS"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     TST9-MUC4-0002 (NCCOSC)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
3.  INCIDENT: LOCATION              *
4.  INCIDENT: TYPE                  *
5.  INCIDENT: STAGE OF EXECUTION    *
6.  INCIDENT: INSTRUMENT ID         *
7.  INCIDENT: INSTRUMENT TYPE       *
8.  PERP: INCIDENT CATEGORY         *
9.  PERP: INDIVIDUAL ID             *
10. PERP: ORGANIZATION ID           *
11. PERP: ORGANIZATION CONFIDENCE   *
12. PHYS TGT: ID                    *
13. PHYS TGT: TYPE                  *
14. PHYS TGT: NUMBER                *
15. PHYS TGT: FOREIGN NATION        *
16. PHYS TGT: EFFECT OF INCIDENT    *
17. PHYS TGT: TOTAL NUMBER          *
18. HUM TGT: NAME                   *
19. HUM TGT: DESCRIPTION            *
20. HUM TGT: TYPE                   *
21. HUM TGT: NUMBER                 *
22. HUM TGT: FOREIGN NATION         *
23. HUM TGT: EFFECT OF INCIDENT     *
24. HUM TGT: TOTAL NUMBER           *
"""


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return list(muc4.convert([TEXTS], [KEYS]))


def test_sample_article_fields(records: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in records] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    first = records[0]
    assert first["event_id"] == "TST9-MUC4-0001:T1"
    assert first["published"] == "1990-01-03"
    assert first["outlet"] == "RADIO CADENA NACIONAL"
    assert first["title"] is None
    assert first["text"].lstrip().startswith("SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) -- [REPORT]")
    assert "TST9-MUC4-0001" not in first["text"]
    assert first["text"].endswith("RECENT\nWEEKS.")
    assert records[1]["published"] == "1990-01-04"
    assert records[1]["outlet"] is None


def test_sample_main_template_mapping(records: list[dict[str, Any]]) -> None:
    gold = records[0]["gold"]
    assert gold["category"] == "violent_attack"
    assert gold["date"] == ["1990-01-02", "1990-01-03"]
    assert gold["country"] == ["EL SALVADOR", "El Salvador"]
    assert gold["city"] == ["SAN SALVADOR", "San Salvador"]
    assert gold["venue"] == ["ESCALON POLICE POST", "POLICE POST", "ESCALON", None]
    # two policemen killed; the named sergeant and a civilian wounded
    assert gold["killed"] == {"value": 2, "qualifier": "exact"}
    assert gold["injured"] == {"value": 2, "qualifier": "exact"}
    assert gold["perpetrators"] == [
        "URBAN GUERRILLAS",
        "GUERRILLAS",
        "FARABUNDO MARTI NATIONAL LIBERATION FRONT",
        "FMLN",
    ]
    assert gold["claimed_by"] == ["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]
    place, words = gold["summary_must_include"]
    assert "SAN SALVADOR" in place and "El Salvador" in place
    assert {"bomb", "bombing", "explosion", "exploded"} <= set(words)
    assert gold["summary_must_not_include"] == []
    assert muc4.validate_gold(records[0]) == []


def test_sample_other_templates_kept(records: list[dict[str, Any]]) -> None:
    extra = records[0]["muc4"]
    assert extra["message_id"] == "TST9-MUC4-0001"
    assert extra["main_template"] == "1"
    assert extra["incident_type"] == ["BOMBING"]
    assert [t["template"] for t in extra["templates"]] == ["1", "2"]
    second = extra["templates"][1]
    assert second["optional"] is True
    assert second["type"] == ["ATTACK"]
    assert second["date_iso"] == ["1990-01-03", None]
    assert second["killed"] is None and second["killed_status"] == "uncountable"  # PLURAL
    assert second["comments"] == ["a comment before the second template"]


def test_optional_only_key_is_an_optional_incident(records: list[dict[str, Any]]) -> None:
    assert "incident_optional" not in records[0]["gold"]  # a non-optional template is the main one
    keys = KEYS.replace("TEMPLATE               1\n", "TEMPLATE               1 (OPTIONAL)\n", 1)
    record = muc4.convert([TEXTS], [keys])[0]
    assert record["muc4"]["optional_only"] is True
    gold = record["gold"]
    assert gold["category"] == "violent_attack" and gold["incident_optional"] is True
    assert gold["city"] == ["SAN SALVADOR", "San Salvador"]  # still the first template's labels
    assert muc4.validate_gold(record) == []


def test_sample_not_incident(records: list[dict[str, Any]]) -> None:
    record = records[1]
    assert record["event_id"] == "TST9-MUC4-0002"
    assert record["gold"] == {
        "category": "not_incident",
        "date": [None],
        "country": [None],
        "city": [None],
        "venue": [None],
        "killed": None,
        "injured": None,
        "perpetrators": [],
        "claimed_by": [],
        "summary_must_include": [],
        "summary_must_not_include": [],
    }
    assert muc4.validate_gold(record) == []


def test_main_writes_jsonl(tmp_path: Path) -> None:
    texts, keys, out = tmp_path / "texts", tmp_path / "keys", tmp_path / "out" / "gold.jsonl"
    texts.write_text(TEXTS)
    keys.write_text(KEYS)
    assert muc4.main(["--texts", str(texts), "--keys", str(keys), "--out", str(out)]) == 0
    lines = out.read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]


@pytest.mark.parametrize(
    ("fill", "expected"),
    [
        ("12 JAN 90", ["1990-01-12"]),
        ("- 15 JAN 90", ["1990-01-15", None]),
        ("07 JAN 90 - 09 JAN 90", ["1990-01-07", "1990-01-08", "1990-01-09"]),
        ("01 DEC 89 - 31 DEC 89", ["1989-12-01", "1989-12-31", None]),
        ("(- 13 DEC 89) / (11 DEC 89 - 13 DEC 89)", ["1989-12-11", "1989-12-12", "1989-12-13", None]),
        ("11 NOV", ["1989-11-11"]),  # year from the dateline
        ("16 NOV 00", ["1989-11-16"]),  # key typo
        ("31 NOV 89", ["1989-11-30"]),
        ("-", [None]),
    ],
)
def test_date_fills(fill: str, expected: list[str | None]) -> None:
    assert muc4.parse_date_slot(fill, muc4.dt.date(1990, 1, 20)) == expected


@pytest.mark.parametrize(
    ("fill", "value", "qualifier"),
    [
        ("7", 7, "exact"),
        ("~100", 100, "about"),
        ("5-", 5, "at_least"),
        ("23 -", 23, "at_least"),
        ("-26", 26, "up_to"),
        ("1 / PLURAL", 1, "exact"),
        ("30 / ~30", 30, "exact"),
        ("6 / 4", 4, "at_least"),
    ],
)
def test_number_fills(fill: str, value: int, qualifier: str) -> None:
    assert muc4.parse_number(fill) == muc4.Quantity(value, qualifier)


def test_number_plural() -> None:
    assert muc4.parse_number("PLURAL") == muc4.PLURAL
    assert muc4.parse_number("? PLURAL") == muc4.PLURAL


def test_location_alternatives() -> None:
    countries, cities, venues = muc4.parse_location(
        "(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR: SAN MIGUEL (DEPARTMENT))"
    )
    assert countries == ["EL SALVADOR", "El Salvador"]
    assert cities == ["SAN SALVADOR", "San Salvador", None]
    assert venues == []
    countries, cities, _ = muc4.parse_location("PERU: HUANCAYO (CITY) - HUARAZ (CITY)")
    assert cities == ["HUANCAYO", "Huancayo", "HUARAZ", "Huaraz"]
    countries, cities, _ = muc4.parse_location("COLOMBIA / VENEZUELA")
    assert countries == ["COLOMBIA", "Colombia", "VENEZUELA", "Venezuela"]
    assert cities == [None]


def _template(**slots: str) -> str:
    """A key template: ``slot_19='"X"'``-style fills, ``-`` elsewhere."""
    lines = []
    for number, label in muc4.SLOT_LABELS.items():
        default = {0: "TST9-MUC4-0009", 1: "1", 4: "ATTACK", 5: "ACCOMPLISHED"}.get(number, "-")
        value = slots.get(f"slot_{number}", default).split("\n")
        lines.append(f"{number}.".ljust(4) + f"{label}".ljust(32) + value[0])
        lines.extend(" " * 36 + more for more in value[1:])
    return "\n".join(lines) + "\n"


def _counts(key: str) -> tuple[Any, Any]:
    (template,) = muc4.parse_keys(key)
    return muc4.count_effect(template, "DEATH"), muc4.count_effect(template, "INJURY")


def test_counts_are_conservative() -> None:
    # a named victim beside a group he may belong to: no sum
    key = _template(
        slot_18='"JOSE IGNACIO ELLACURIA"',
        slot_19='"CLERGYMEN"\n"FATHER": "JOSE IGNACIO ELLACURIA"\n"MAID"',
        slot_21='6: "CLERGYMEN"\n1: "JOSE IGNACIO ELLACURIA"\n1: "MAID"',
        slot_23='DEATH: "CLERGYMEN"\nDEATH: "JOSE IGNACIO ELLACURIA"\nDEATH: "MAID"',
    )
    assert _counts(key) == ((None, "uncountable"), (None, "none"))
    # ... unless the key gives the total of targets that all died
    assert _counts(key.replace("TOTAL NUMBER           -", "TOTAL NUMBER           8"))[0] == (
        muc4.Quantity(8, "exact"),
        "count",
    )
    # killed and injured among the same five people
    key = _template(
        slot_19='"PEOPLE"',
        slot_21='5: "PEOPLE"',
        slot_23='INJURY: "PEOPLE"\nDEATH: "PEOPLE"',
    )
    assert _counts(key) == ((None, "ambiguous"), (None, "ambiguous"))
    # a repeated description pairs its numbers and effects in order
    key = _template(
        slot_19='"PEOPLE"\n? "PEOPLE"',
        slot_21='23 -: "PEOPLE"\n1000: "PEOPLE"',
        slot_23='DEATH: "PEOPLE"\nINJURY: "PEOPLE"',
    )
    assert _counts(key) == (
        (muc4.Quantity(23, "at_least"), "count"),
        (muc4.Quantity(1000, "exact"), "count"),
    )
    # an optional death only, and an undescribed wounded target
    key = _template(
        slot_19='"DRIVER"',
        slot_21='1: "DRIVER"',
        slot_23='? DEATH: "DRIVER"\nINJURY: "-"',
    )
    assert _counts(key) == ((None, "ambiguous"), (None, "uncountable"))


@pytest.mark.skipif(MUC4_DIR is None, reason="shared/muc4 (the MUC-4 corpus) is not here")
@pytest.mark.parametrize(
    ("split", "text_file", "key_file"),
    [("tst1", "tst1-muc3", "key-tst1.v7"), ("tst2", "tst2-muc4", "key-tst2.v4")],
)
def test_real_test_sets(split: str, text_file: str, key_file: str) -> None:
    assert MUC4_DIR is not None
    directory = MUC4_DIR / split
    records = muc4.convert(
        [(directory / text_file).read_text(encoding="latin-1")],
        [(directory / key_file).read_text(encoding="latin-1")],
    )
    assert len(records) == 100
    assert len({r["id"] for r in records}) == 100
    for record in records:
        assert muc4.validate_gold(record) == [], record["id"]
    assert any(r["gold"]["category"] == "not_incident" for r in records)
    assert any(r["gold"]["killed"] is not None for r in records)
    committed = ROOT / "evals" / "data" / f"muc4_{split}.jsonl"
    if committed.exists():  # the committed file is what the converter makes
        lines = committed.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == records
