"""Wire copy: a participle of the act after a noun tells who it befell, not who did it (texts
written for these tests)."""

from __future__ import annotations

from summarizer.engines.rules.subjects import subject_perpetrators


def test_wire_a_participle_of_the_act_tells_who_it_befell() -> None:
    assert (
        subject_perpetrators(
            "MOURNERS FOLLOWED THE 12 UNION MEMBERS KILLED IN THE BOMB ATTACK ON THE OFFICE."
        )
        == []
    )
    assert subject_perpetrators("THE FOUR REBELS WOUNDED DURING THE CLASH WERE TAKEN TO A HOSPITAL.") == []
    # an act with its object after the time stays the subject's
    assert subject_perpetrators("TWO ARMED MEN KILLED ON SUNDAY A JUDGE OF THE SUPREME COURT.") == [
        "TWO ARMED MEN"
    ]


def test_wire_a_by_phrase_of_another_verb_or_of_a_step_taken_is_no_agent() -> None:
    from summarizer.engines.rules.actors import _wire_agents

    def agents(text: str) -> list[str]:
        return [m.group("agent").strip(" .") for m in _wire_agents(text)]

    assert agents("THE GUNMEN LEFT A LEAFLET THAT WAS LATER FOUND BY THE POLICE.") == []
    assert agents("HE PRAISED THE MEASURES TAKEN BY THE MINISTER OF DEFENSE IN THE CASE.") == []
    assert agents("THE JUDGE WAS KILLED LAST NIGHT BY URBAN COMMANDOS.") == ["URBAN COMMANDOS"]


def test_wire_the_sides_of_a_fight_and_those_they_lead_are_no_doers() -> None:
    from summarizer.engines.rules.actors import find_perpetrators

    def names(text: str) -> list[str]:
        return [a.name for a in find_perpetrators([(0, text, False)], [], True, set())]

    assert (
        names("THE CAR BOMB WENT OFF IN A SUBURB WHERE FIGHTING BETWEEN THE ARMY AND THE REBELS CONTINUES.")
        == []
    )
    assert names("THE SLAIN TEACHERS WERE NOT SUPPORTERS OF THE LEFTIST GUERRILLAS.") == []
    assert names("REBELS KILLED TWO SOLDIERS IN AN AMBUSH.") == ["REBELS"]
