from __future__ import annotations

from datetime import date
from decimal import Decimal

from summarizer.checker import check_report
from summarizer.schema import (
    ArticleMeta,
    Category,
    Count,
    Evidence,
    Incident,
    IncidentDate,
    IncidentReport,
    Neutrality,
    Provenance,
    Qualifier,
)

ARTICLE = (
    "At least 60 people were killed and 145 others injured when a bomb exploded at a market on Friday, "
    "officials said. Two suspects were arrested."
)


def _ev(quote: str) -> list[Evidence]:
    start = ARTICLE.index(quote)
    return [Evidence(quote=quote, start=start, end=start + len(quote))]


def _report(
    killed: Count,
    summary: str = "A bomb killed at least 60 people at a market.",
    day: date = date(2024, 3, 1),
) -> IncidentReport:
    first = ARTICLE.split(". ")[0] + "."
    return IncidentReport(
        is_incident=True,
        incident=Incident(
            category=Category.violent_attack,
            killed=killed,
            injured=Count(value=145, as_stated="145 others", evidence=_ev(first)),
            date=IncidentDate(as_stated="on Friday", iso=day, resolved_from="relative", evidence=_ev(first)),
        ),
        summary=summary,
        neutrality=Neutrality(neutral=True),
        article=ArticleMeta(chars=len(ARTICLE), sha256="x", published=date(2024, 3, 2)),
        provenance=Provenance(
            engine="test",
            model="m",
            prompt_name="p",
            prompt_version="1",
            prompt_hash="h",
            summarizer_version="0",
        ),
    )


def _bad() -> IncidentReport:
    first = ARTICLE.split(". ")[0] + "."
    return _report(
        Count(value=6, qualifier=Qualifier.exact, as_stated="at least 60 people", evidence=_ev(first))
    )


def test_strict_corrects_and_warns() -> None:
    out = check_report(_bad(), ARTICLE, "strict")
    assert out.incident is not None and out.incident.killed is not None
    assert (out.incident.killed.value, out.incident.killed.qualifier) == (60, Qualifier.at_least)
    codes = [(w.code, w.field) for w in out.warnings]
    assert ("checker_mismatch", "incident.killed") in codes


def test_flag_keeps_value_but_warns_and_flags() -> None:
    out = check_report(_bad(), ARTICLE, "flag")
    assert out.incident is not None and out.incident.killed is not None
    assert out.incident.killed.value == 6
    assert any(w.code == "checker_mismatch" and w.field == "incident.killed" for w in out.warnings)
    assert any("incident.killed" in u.text for u in out.uncertainties)


def test_off_does_nothing() -> None:
    report = _bad()
    out = check_report(report, ARTICLE, "off")
    assert out is report and not out.warnings


def test_correct_report_has_no_mismatch() -> None:
    first = ARTICLE.split(". ")[0] + "."
    good = _report(
        Count(value=60, qualifier=Qualifier.at_least, as_stated="at least 60 people", evidence=_ev(first))
    )
    out = check_report(good, ARTICLE, "strict")
    assert out.warnings == []
    assert out.incident == good.incident


def test_increment_in_a_second_evidence_part_adds_up() -> None:
    article = "The toll rose to 14 on Saturday. Two more died in hospital on Sunday, officials said."
    parts = ["The toll rose to 14 on Saturday.", "Two more died in hospital on Sunday, officials said."]
    ev = [Evidence(quote=p, start=article.index(p), end=article.index(p) + len(p)) for p in parts]
    report = _report(Count(value=16, as_stated="14 ... Two more", evidence=ev))
    out = check_report(report, article, "strict")
    assert out.incident is not None and out.incident.killed is not None
    assert out.incident.killed.value == 16
    assert not [w for w in out.warnings if w.field == "incident.killed"]


def test_date_mismatch_is_corrected_in_strict() -> None:
    first = ARTICLE.split(". ")[0] + "."
    good = Count(value=60, qualifier=Qualifier.at_least, as_stated="at least 60 people", evidence=_ev(first))
    out = check_report(_report(good, day=date(2024, 3, 2)), ARTICLE, "strict")
    assert out.incident is not None and out.incident.date is not None
    assert out.incident.date.iso == date(2024, 3, 1)
    assert any(w.field == "incident.date" for w in out.warnings)


def test_unsupported_number_in_summary() -> None:
    first = ARTICLE.split(". ")[0] + "."
    good = Count(value=60, qualifier=Qualifier.at_least, as_stated="at least 60 people", evidence=_ev(first))
    out = check_report(
        _report(good, "A bomb killed at least 75 people; two suspects were held."), ARTICLE, "flag"
    )
    unsupported = [w for w in out.warnings if w.code == "unsupported_number"]
    assert len(unsupported) == 1 and "75" in unsupported[0].message  # "two" is in the article as a word


# Summaries an LLM might write about one article: invented ages, times, dates and counts, and
# numbers the article gives in other spellings.
_NUMBER_ARTICLE = (
    "Police said Marcus Reed, 65, was shot at about 11:15 p.m. Friday outside a store on Elm Street. "
    "Two other men were wounded and twenty-one shell casings were found. A 19-year-old was arrested."
)
_NUMBER_SUMMARIES = [
    ("Marcus Reed, 65, was shot on Friday, 27 February 2016; two other men were wounded.", []),
    ("Reed, 66, was shot at 11:15 p.m.; 21 casings were found and a 19-year-old was arrested.", ["66"]),
    ("A 17-year-old was arrested after the shooting at 10:30 p.m.", ["17", "10", "30"]),
    ("Reed was shot at 11:10pm; two men were hurt.", ["10"]),
    ("On March 3, 2016, three men were wounded.", ["3"]),
    ("On 28 February 2015 one man was shot and 2 were hurt.", ["28"]),
    ("In 2016 a man was shot; 1,200 people live nearby.", ["1,200"]),
]


def test_unsupported_summary_numbers_cover_ages_times_and_dates_each_once() -> None:
    from datetime import date

    from summarizer.checker import unsupported_summary_numbers

    published = date(2016, 2, 29)
    for summary, expected in _NUMBER_SUMMARIES:
        assert unsupported_summary_numbers(summary, _NUMBER_ARTICLE, published=published) == expected, summary
    # the title counts as the article's; a number the summary repeats is one warning
    assert unsupported_summary_numbers("66 shots, 66 shots.", _NUMBER_ARTICLE, title="66 shots fired") == []
    first = ARTICLE.split(". ")[0] + "."
    good = Count(value=60, qualifier=Qualifier.at_least, as_stated="at least 60 people", evidence=_ev(first))
    out = check_report(_report(good, "At least 60 were killed; 61 died, 61 in all."), ARTICLE, "flag")
    assert [w.message for w in out.warnings if w.code == "unsupported_number"] == [
        "the summary's number '61' does not appear in the article"
    ]


def test_the_checker_and_the_evaluation_agree_on_unsupported_numbers() -> None:
    """Two independent implementations of one rule (the evaluation must not trust the code under
    test): they must flag the same numbers."""
    from datetime import date
    from decimal import Decimal

    from summarizer.checker import unsupported_summary_numbers
    from summarizer.evaluation.matching import unsupported_numbers

    published = date(2016, 2, 29)
    for summary, _ in _NUMBER_SUMMARIES:
        checker = {
            Decimal(s.replace(",", ""))
            for s in unsupported_summary_numbers(summary, _NUMBER_ARTICLE, published=published)
        }
        evaluation = {Decimal(s) for s in unsupported_numbers(summary, _NUMBER_ARTICLE, published=published)}
        assert checker == evaluation, summary


def test_number_words_are_read_only_in_the_sentences_that_hold_them() -> None:
    from summarizer.checker import _article_numbers, _number_sentences

    text = (
        "Police closed the road on Monday. The crash happened near the bridge.\n\n"
        "Officials said three people were hurt and 1.200 residents lost power. Nobody else was hurt."
    )
    assert _number_sentences(text) == [
        "Officials said three people were hurt and 1.200 residents lost power."
    ]
    assert {3, 1200} <= _article_numbers(text, {Decimal(3)})
    assert 4 not in _article_numbers("Police closed the road. Two people were hurt.", {Decimal(4)})
