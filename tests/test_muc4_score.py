"""The MUC-4 template scorer: hand-made key fragments with known scores, the assignment solver,
the report -> template mapping, and an end-to-end run on a few real DEV texts."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest

from summarizer.evaluation.muc4.assign import max_assignment
from summarizer.evaluation.muc4.keys import SLOT_LABELS, MucFormatError, parse_keys, parse_texts
from summarizer.evaluation.muc4.mapping import incident_type, principal_type, report_templates
from summarizer.evaluation.muc4.score import (
    Filler,
    MucTemplate,
    aggregate,
    key_templates,
    normalize,
    score_document,
)
from summarizer.schema import (
    ArticleMeta,
    Category,
    Incident,
    IncidentReport,
    Item,
    Neutrality,
    Perpetrator,
    Provenance,
    ResponsibilityClaim,
    Victim,
)

ROOT = Path(__file__).resolve().parents[1]
MUC4_DIR = next(
    (p for p in (ROOT.parent / "shared" / "muc4", Path("/work/shared/muc4")) if (p / "dev").is_dir()), None
)


def template(msg: str = "TST9-MUC4-0001", **slots: str) -> str:
    """A key template: ``slot_9='"GUNMEN"'``-style fills, ``-`` elsewhere."""
    lines = []
    for number, label in SLOT_LABELS.items():
        default = {0: msg, 1: "1", 4: "ATTACK", 5: "ACCOMPLISHED"}.get(number, "-")
        value = slots.get(f"slot_{number}", default).split("\n")
        lines.append(f"{number}.".ljust(4) + label.ljust(32) + value[0])
        lines.extend(" " * 36 + more for more in value[1:])
    return "\n".join(lines) + "\n\n"


def keys(*templates: str) -> list[MucTemplate]:
    return key_templates(parse_keys("".join(templates)))


def response(kind: str = "ATTACK", **slots: list[str]) -> MucTemplate:
    return MucTemplate((kind,), slots={s: [Filler((v,)) for v in values] for s, values in slots.items()})


def entity(doc: Any) -> tuple[float, int, int]:
    e = doc.entity
    return e.correct, e.pred, e.key


# --------------------------------------------------------------------------------------------
# reader


def test_reader_parses_alternatives_optional_and_continuations() -> None:
    text = template(
        slot_6='"BOMB"\n? "DYNAMITE"',
        slot_9='"URBAN GUERRILLAS" / "GUERRILLAS"',
        slot_10='"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"',
        slot_18='"JUAN PEREZ"',
        slot_19='"SERGEANT": "JUAN PEREZ"',
    )
    (t,) = keys(text)
    assert t.incident_type == ("ATTACK",)
    assert t.fillers("Weapon") == [Filler(("BOMB",)), Filler(("DYNAMITE",), optional=True)]
    assert t.fillers("PerpInd") == [Filler(("URBAN GUERRILLAS", "GUERRILLAS"))]
    assert t.fillers("PerpOrg") == [Filler(("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"))]
    # Victim is HUM TGT: NAME only (descriptions are not victims, as in GTT's data)
    assert t.fillers("Victim") == [Filler(("JUAN PEREZ",))]
    assert t.fillers("stage") == [Filler(("ACCOMPLISHED",))]


def test_reader_skips_the_empty_template_and_keeps_optional_ones() -> None:
    empty = template(**{f"slot_{n}": "*" for n in range(1, 25)})
    assert keys(empty) == []
    (t,) = keys(template(slot_1="2 (OPTIONAL)", slot_4="BOMBING / ATTACK"))
    assert t.optional and t.incident_type == ("BOMBING", "ATTACK")


def test_reader_drops_mentions_absent_from_the_text_and_merges_twins() -> None:
    text = "Gunmen shot the mayor. Guerrillas later burned a bus."
    fragment = template(slot_9='"GUNMEN" / "ARMED MEN"\n"COMMANDO"') + template(
        slot_1="2", slot_9='"GUNMEN" / "ARMED MEN"', slot_19='"BUS DRIVER"'
    )
    found = key_templates(parse_keys(fragment), text)
    # "ARMED MEN" and "COMMANDO" are not in the text; the two templates are then equal on the
    # type and the five entity slots and merge into one
    assert len(found) == 1
    assert found[0].fillers("PerpInd") == [Filler(("GUNMEN",))]


def test_reader_errors_are_clear() -> None:
    with pytest.raises(MucFormatError, match="unexpected key line"):
        parse_keys("garbage line\n")
    articles = parse_texts("DEV-MUC3-0001 (NOSC)\n\n   LIMA, 3 JAN 90 -- [TEXT] A BOMB EXPLODED.\n")
    assert articles[0].msg_id == "DEV-MUC3-0001" and articles[0].published == "1990-01-03"


# --------------------------------------------------------------------------------------------
# assignment


def test_max_assignment_matches_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(0, 5), rng.randint(0, 5)
        weights = [[float(rng.choice([0, 0, 1, 2, 3, 5])) for _ in range(cols)] for _ in range(rows)]
        best = 0.0
        for perm in itertools.permutations(range(max(rows, cols)), rows) if rows <= cols else []:
            best = max(best, sum(weights[i][j] for i, j in enumerate(perm) if j < cols))
        if rows > cols:
            for perm in itertools.permutations(range(rows), cols):
                best = max(best, sum(weights[i][j] for j, i in enumerate(perm)))
        pairs = max_assignment(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert sum(weights[i][j] for i, j in pairs) == best


# --------------------------------------------------------------------------------------------
# scorer: known scores


KEY = template(
    slot_6='"BOMB"',
    slot_9='"URBAN GUERRILLAS" / "GUERRILLAS"',
    slot_10='"FMLN"',
    slot_12='"POLICE POST"',
    slot_18='"JUAN PEREZ"',
    slot_4="BOMBING",
)


def test_perfect_match() -> None:
    r = response(
        "BOMBING",
        PerpInd=["the guerrillas"],
        PerpOrg=["FMLN"],
        Target=["Police Post"],
        Victim=["Juan Perez"],
        Weapon=["a bomb"],
    )
    doc = score_document([r], keys(KEY))
    assert entity(doc) == (5, 5, 5)
    assert doc.slots["incident_type"].f1 == 1.0
    assert doc.pairs == [(0, 0)]


def test_partial_match() -> None:
    r = response("BOMBING", PerpInd=["urban guerrillas"], Target=["police station"], Weapon=["bomb", "rifle"])
    doc = score_document([r], keys(KEY))
    # correct: PerpInd, Weapon "bomb"; spurious: police station, rifle; missing: FMLN, target, victim
    assert entity(doc) == (2, 4, 5)
    assert doc.entity.precision == 0.5 and doc.entity.recall == 0.4
    assert doc.missing["PerpOrg"] == ["FMLN"] and doc.spurious["Weapon"] == ["rifle"]


def test_two_fillers_for_one_entity_count_once() -> None:
    r = response("BOMBING", PerpInd=["urban guerrillas", "guerrillas"])
    doc = score_document([r], keys(KEY))
    assert doc.slots["PerpInd"].correct == 1 and doc.slots["PerpInd"].pred == 2


def test_missing_template() -> None:
    doc = score_document([], keys(KEY))
    assert entity(doc) == (0, 0, 5)
    assert doc.slots["incident_type"].key == 1
    assert doc.key_relevant and not doc.pred_relevant


def test_spurious_template_on_an_irrelevant_text() -> None:
    doc = score_document([response(PerpInd=["soldiers"], Weapon=["rifles"])], [])
    assert entity(doc) == (0, 2, 0)
    assert doc.pred_relevant and not doc.key_relevant


def test_incident_type_must_agree() -> None:
    r = response("KIDNAPPING", PerpOrg=["FMLN"])
    assert entity(score_document([r], keys(KEY))) == (0, 1, 5)
    assert entity(score_document([r], keys(KEY), require_type=False)) == (1, 1, 5)
    # a key listing alternatives accepts either type
    (alt,) = keys(KEY.replace("BOMBING", "BOMBING / ATTACK"))
    assert entity(score_document([response("ATTACK", PerpOrg=["FMLN"])], [alt])) == (1, 1, 5)


def test_optional_fills_cost_nothing_when_missed_and_count_when_found() -> None:
    key = template(slot_9='? "TERRORIST"', slot_10='"FMLN"')
    assert entity(score_document([response(PerpOrg=["FMLN"])], keys(key))) == (1, 1, 1)
    assert entity(score_document([response(PerpInd=["terrorist"], PerpOrg=["FMLN"])], keys(key))) == (2, 2, 2)


def test_optional_template_costs_nothing_when_missed() -> None:
    key = KEY + template(slot_1="2 (OPTIONAL)", slot_10='"ARMY"')
    doc = score_document([response("BOMBING", PerpOrg=["FMLN"])], keys(key))
    assert entity(doc) == (1, 1, 5)
    doc = score_document([response("BOMBING", PerpOrg=["FMLN"]), response(PerpOrg=["army"])], keys(key))
    assert entity(doc) == (2, 2, 6)


def test_multiple_templates_are_assigned_optimally() -> None:
    first = template(slot_10='"FMLN"', slot_12='"BRIDGE"')
    second = template(slot_1="2", slot_10='"FMLN"', slot_18='"MARIO LOPEZ"')
    a = response(PerpOrg=["FMLN"], Victim=["Mario Lopez"])
    b = response(PerpOrg=["FMLN"], Target=["bridge"])
    doc = score_document([a, b], keys(first, second))
    assert doc.pairs == [(0, 1), (1, 0)]
    assert entity(doc) == (4, 4, 4)
    # one response for two incidents: paired with the better key template, the other is missed
    doc = score_document([b], keys(first, second))
    assert entity(doc) == (2, 2, 4)


def test_date_and_location_slots() -> None:
    key = template(slot_2="17 FEB 90 - 18 FEB 90", slot_3="EL SALVADOR: SAN SALVADOR (CITY)")
    (k,) = keys(key)
    exact = response(date=["1990-02-18"], location=["San Salvador"])
    doc = score_document([exact], [k])
    assert doc.slots["date"].correct == 1 and doc.slots["location"].correct == 1
    vague = response(date=["1990-02-20"], location=["El Salvador"])
    doc = score_document([vague], [k])
    # a containing place is worth half (partial credit); a wrong day nothing
    assert doc.slots["date"].correct == 0 and doc.slots["location"].correct == 0.5


def test_normalization_and_aggregate() -> None:
    assert normalize("The  Farabundo Marti, [FMLN]") == "farabundo marti fmln"
    docs = [
        score_document([response("BOMBING", PerpOrg=["FMLN"])], keys(KEY)).as_json(),
        score_document([], []).as_json(),
        score_document([response(Weapon=["rifle"])], []).as_json(),
    ]
    total = aggregate(docs)
    assert total["entity"]["correct"] == 1 and total["entity"]["pred"] == 2 and total["entity"]["key"] == 5
    assert total["entity"]["f1"] == pytest.approx(2 * 0.5 * 0.2 / 0.7, abs=1e-4)
    rel = total["relevance"]
    assert (rel["tp"], rel["fp"], rel["fn"], rel["tn"]) == (1, 1, 0, 1)


# --------------------------------------------------------------------------------------------
# mapping


def _report(incident: Incident | None, is_incident: bool = True) -> IncidentReport:
    return IncidentReport(
        is_incident=is_incident,
        incident=incident,
        summary="s",
        neutrality=Neutrality(neutral=True),
        article=ArticleMeta(chars=1, sha256="x"),
        provenance=Provenance(
            engine="rules",
            model="m",
            prompt_name="p",
            prompt_version="1",
            prompt_hash="h",
            summarizer_version="0",
        ),
    )


def test_incident_types_from_category_and_words() -> None:
    assert incident_type(Category.violent_attack, "car bombing") == "BOMBING"
    assert incident_type(Category.violent_attack, "kidnapping") == "KIDNAPPING"
    assert incident_type(Category.violent_attack, "assassination") == "ATTACK"
    assert incident_type(Category.fire, "arson attack") == "ARSON"
    assert incident_type(Category.fire, "house fire") is None
    assert incident_type(Category.natural_disaster, "flood") is None


def _weapons(*names: str) -> list[Item]:
    return [Item(text=n) for n in names]


def test_type_follows_the_principal_act() -> None:
    # a generic attack told with explosives alone is a bombing (grenades and mines are explosives)
    assert principal_type("ATTACK", "armed attack", _weapons("dynamite")) == "BOMBING"
    assert principal_type("ATTACK", "armed attack", _weapons("hand grenades")) == "BOMBING"
    assert principal_type("ATTACK", "", _weapons("car-bomb")) == "BOMBING"
    # an armed assault stays an attack even when explosives are among its weapons
    assert principal_type("ATTACK", "armed attack", _weapons("machineguns", "explosive devices")) == "ATTACK"
    assert principal_type("ATTACK", "armed attack", _weapons("bomb", "bullets")) == "ATTACK"
    # an act named as gunfire or an assassination is an attack
    assert principal_type("ATTACK", "assassination", _weapons("dynamite")) == "ATTACK"
    assert principal_type("ATTACK", "shooting", _weapons("bombs")) == "ATTACK"
    # a bombing told with grenades stays one; one told with rifles and mortars alone is an attack
    assert principal_type("BOMBING", "bombing", _weapons("grenade")) == "BOMBING"
    assert principal_type("BOMBING", "bombing", _weapons("mortars", "rifles")) == "ATTACK"
    assert principal_type("KIDNAPPING", "kidnapping", _weapons("dynamite")) == "KIDNAPPING"
    assert principal_type("ATTACK", "armed attack", []) == "ATTACK"


def test_report_to_template() -> None:
    inc = Incident(
        category=Category.violent_attack,
        subtype="bombing",
        perpetrators=[
            Perpetrator(name="urban guerrillas", kind="unknown"),
            Perpetrator(name="FMLN", kind="group"),
        ],
        responsibility_claims=[ResponsibilityClaim(claimant="FMLN")],
        targets=[Item(text="police post")],
        victims=[Victim(name="Juan Perez", description="sergeant"), Victim(description="a civilian")],
        weapons=[Item(text="bomb")],
        stage="attempted",
    )
    (t,) = report_templates(_report(inc))
    assert t.incident_type == ("BOMBING",)
    assert [f.alternatives[0] for f in t.fillers("PerpOrg")] == ["FMLN"]  # the claimant is not repeated
    assert [f.alternatives[0] for f in t.fillers("Victim")] == ["Juan Perez"]
    assert t.fillers("stage") == [Filler(("ATTEMPTED",))]
    assert t.fillers("perp_confidence") == [Filler(("CLAIMED OR ADMITTED",))]
    doc = score_document([t], keys(KEY))
    assert entity(doc) == (5, 5, 5)
    assert report_templates(_report(None, is_incident=False)) == []


def test_one_organization_filler_per_organization() -> None:
    inc = Incident(
        category=Category.violent_attack,
        subtype="armed attack",
        perpetrators=[
            Perpetrator(name="gunmen", kind="unknown"),
            Perpetrator(name="PATRIOTIC FRONT", kind="group"),
            Perpetrator(name="PATRIOTIC FRONT URBAN COMMANDOS", kind="group"),
            Perpetrator(name="MEMBERS OF THE NAVY", kind="state"),
            Perpetrator(name="NAVY", kind="state"),
        ],
    )
    (t,) = report_templates(_report(inc))
    assert [f.alternatives[0] for f in t.fillers("PerpOrg")] == ["PATRIOTIC FRONT", "NAVY"]
    assert [f.alternatives[0] for f in t.fillers("PerpInd")] == [
        "gunmen",
        "PATRIOTIC FRONT URBAN COMMANDOS",
        "MEMBERS OF THE NAVY",
    ]
    # two organizations whose names share words but hold neither the other stay apart
    inc = Incident(
        category=Category.violent_attack,
        perpetrators=[
            Perpetrator(name="NATIONAL FRONT", kind="group"),
            Perpetrator(name="NATIONAL LIBERATION ARMY", kind="group"),
        ],
    )
    (t,) = report_templates(_report(inc))
    assert [f.alternatives[0] for f in t.fillers("PerpOrg")] == ["NATIONAL FRONT", "NATIONAL LIBERATION ARMY"]
    assert t.fillers("PerpInd") == []


def test_a_state_body_is_an_organization() -> None:
    inc = Incident(
        category=Category.violent_attack,
        perpetrators=[
            Perpetrator(name="THE NATIONAL POLICE", kind="unknown"),
            Perpetrator(name="ARMY PATROL", kind="unknown"),
            Perpetrator(name="MILITARY REGIME", kind="individual"),
        ],
    )
    (t,) = report_templates(_report(inc))
    assert [f.alternatives[0] for f in t.fillers("PerpInd")] == ["ARMY PATROL"]
    assert [f.alternatives[0] for f in t.fillers("PerpOrg")] == ["THE NATIONAL POLICE", "MILITARY REGIME"]


def test_a_hedge_is_no_part_of_a_perpetrator_description() -> None:
    inc = Incident(
        category=Category.violent_attack,
        perpetrators=[
            Perpetrator(name="ALLEGED URBAN COMMANDOS", kind="unknown"),
            Perpetrator(name="suspected gunmen", kind="unknown"),
            Perpetrator(name="PRESUMED", kind="individual"),
        ],
    )
    (t,) = report_templates(_report(inc))
    assert [f.alternatives[0] for f in t.fillers("PerpInd")] == ["URBAN COMMANDOS", "gunmen", "PRESUMED"]


def test_a_kidnapping_has_no_physical_target() -> None:
    inc = Incident(
        category=Category.violent_attack,
        subtype="kidnapping",
        targets=[Item(text="HOTEL")],
        victims=[Victim(name="ANA ROSA PAZ")],
    )
    (t,) = report_templates(_report(inc))
    assert t.incident_type == ("KIDNAPPING",)
    assert t.fillers("Target") == []
    assert [f.alternatives[0] for f in t.fillers("Victim")] == ["ANA ROSA PAZ"]


def test_one_target_filler_per_physical_target() -> None:
    inc = Incident(
        category=Category.violent_attack,
        subtype="bombing",
        targets=[
            Item(text="RESIDENCE"),
            Item(text="RESIDENCE OF THE FARM MINISTER"),
            Item(text="SOUTHERN OIL PIPELINE"),
            Item(text="PIPELINES"),
            Item(text="OIL TANKS"),
            Item(text="POLICE STATION"),
            Item(text="BUS STATION"),
        ],
    )
    (t,) = report_templates(_report(inc))
    assert [f.alternatives[0] for f in t.fillers("Target")] == [
        "RESIDENCE OF THE FARM MINISTER",
        "SOUTHERN OIL PIPELINE",
        "OIL TANKS",
        "POLICE STATION",
        "BUS STATION",
    ]


def _perp_ind(*names: str) -> list[str]:
    inc = Incident(
        category=Category.violent_attack, perpetrators=[Perpetrator(name=n, kind="unknown") for n in names]
    )
    (t,) = report_templates(_report(inc))
    return [f.alternatives[0] for f in t.fillers("PerpInd")]


def test_the_bare_words_for_an_armed_side_are_one_filler() -> None:
    assert _perp_ind("rebels", "URBAN GUERRILLAS", "gunmen") == ["URBAN GUERRILLAS", "gunmen"]
    assert _perp_ind("guerrillas", "terrorists") == ["guerrillas"]
    assert _perp_ind("terrorists", "two men") == ["terrorists", "two men"]


# --------------------------------------------------------------------------------------------
# end to end on real DEV texts


@pytest.mark.skipif(MUC4_DIR is None, reason="MUC-4 data not present")
def test_eval_muc4_end_to_end(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    assert MUC4_DIR is not None
    texts = MUC4_DIR / "dev" / "dev-muc3-0001-0100"
    key = MUC4_DIR / "dev" / "key-dev-0001.muc4"
    more_keys = MUC4_DIR / "dev" / "key-dev-0101.muc4"
    more_texts = MUC4_DIR / "dev" / "dev-muc3-0101-0200"
    out = tmp_path / "run"
    # several files after one option, as a shell glob gives them
    args = ["eval", "muc4", "--texts", str(texts), str(more_texts), "--keys", str(key), str(more_keys)]
    args += ["--engine", "rules", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--limit", "12", "-q", "--no-cache", "-c", "2"])
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["counts"]["texts"] == 12 and metrics["counts"]["ok"] == 12
    for slot in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon"):
        assert set(metrics[slot]) >= {"precision", "recall", "f1"}
    assert 0.0 <= metrics["entity_f1"] <= 1.0
    assert metrics["entity"]["key"] > 0  # DEV-MUC3-0001 alone has key fillers
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows][:2] == ["DEV-MUC3-0001", "DEV-MUC3-0002"]
    assert (out / "report.md").read_text().startswith("# MUC-4 template evaluation")
    assert "<table>" in (out / "report.html").read_text()
    # resumable: a re-run scores the stored reports again and gives the same figures
    again = CliRunner().invoke(app, [*args, "--limit", "12", "-q", "--no-cache"])
    assert again.exit_code == 0, again.output
    assert json.loads((out / "metrics.json").read_text())["entity"] == metrics["entity"]
    assert "(12 done earlier)" in again.output
    # a text without a key is a clear error, not a traceback
    bad = CliRunner().invoke(
        app, ["eval", "muc4", "--texts", str(texts), "--keys", str(tmp_path / "none"), "--out", str(out)]
    )
    assert bad.exit_code == 2 and "cannot read" in bad.output
