"""Merged events: reports of one real event in different articles become one record, with the
outlets that report it and the conflicts between them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.config import Options
from storyline.model import Actor, Count, DateValue, EventReport, Place
from storyline.pipeline import ingest, rebuild_events
from storyline.query import list_conflicts, readable_date, records, tally, timeline
from storyline.resolve.events import DATE_SLACK_DAYS, Report, merge, same_event, update_events
from storyline.store.duckdb import Store

REPORTS = Path(__file__).resolve().parent / "fixtures" / "merging" / "reports.jsonl"


def _report(rid: str, article: str, *, type_: str = "CONSULT", day: str | None = "2025-03-10",
            stated: bool = True, published: str | None = "2025-03-11", outlet: str | None = None,
            status: str = "occurred", mode: str | None = None, place: Place | None = None,
            actors: tuple[tuple[str, str], ...] = (("e-envoy", "mediator"), ("e-a", "participant"),
                                                   ("e-b", "participant")),
            passage: tuple[str, ...] = ("e-envoy", "e-a", "e-b")) -> Report:
    """A report as merging sees it, dated `day` (stated in the text unless stated=False), its
    passage naming the entity ids in `passage`. An actor id starting "name:" is left unresolved."""
    date = DateValue(day, day, day, "day") if day else None
    return Report(
        id=rid, article_id=article, published=published, outlet=outlet or f"outlet of {article}", type=type_,
        mode=mode, status=status, date=date, place=place,
        actors=tuple(Actor(None if eid.startswith("name:") else eid, eid.split(":")[-1].removeprefix("e-").title(),
                           role) for eid, role in actors),  # type: ignore[arg-type]
        topic=None, report=EventReport(article, 10, 14, 0, 40, status, "on Monday" if stated and day else None),
        passage=frozenset(passage),
    )


# ----------------------------------------------------------------------------- one pair


def test_merging_same_event_within_the_slack_and_apart_beyond_it() -> None:
    a = _report("e1", "a1", day="2025-03-10")
    assert same_event(a, _report("e2", "a2", day="2025-03-11"))
    assert same_event(a, _report("e2", "a2", day=f"2025-03-{10 + DATE_SLACK_DAYS:02d}"))
    assert not same_event(a, _report("e2", "a2", day="2025-03-17"))  # next week's round
    assert not same_event(a, _report("e2", "a1", day="2025-03-10"))  # same article: the extractor's call


def test_merging_a_plan_told_after_the_day_is_another_event() -> None:
    held = _report("e1", "a1", day="2025-03-10")
    # told the day after the meeting, "will discuss" (no day of its own) is the next round
    assert not same_event(held, _report("e2", "a2", day=None, published="2025-03-11", status="planned"))
    assert not same_event(_report("e2", "a2", day=None, published="2025-03-11", status="planned"), held)
    # told before it, the plan is that meeting; so is a plan whose text states the day
    assert same_event(held, _report("e2", "a2", day=None, published="2025-03-09", status="planned"))
    assert same_event(held, _report("e2", "a2", day="2025-03-10", published="2025-03-11", status="planned"))


def test_merging_two_stated_months_are_two_events() -> None:
    may = replace(_report("e1", "a1", day=None), date=DateValue("2025-05", "2025-05-01", "2025-05-31", "month"),
                  report=EventReport("a1", 10, 14, 0, 40, "occurred", "this month"))
    june = replace(_report("e2", "a2", day=None, published="2025-08-04"),
                   date=DateValue("2025-06", "2025-06-01", "2025-06-30", "month"),
                   report=EventReport("a2", 10, 14, 0, 40, "occurred", "two months ago"))
    # a day apart at the turn of the month, but each text states its month: two meetings
    assert not same_event(may, june) and not same_event(june, may)
    assert same_event(may, replace(june, date=may.date))


def test_merging_a_month_with_one_actor_in_common_does_not_join_a_day() -> None:
    day = _report("e1", "a1", day="2025-05-09", published="2025-05-10", actors=(("e-a", "source"), ("e-b", "target")),
                  passage=("e-a", "e-b", "e-c"))
    month = replace(_report("e2", "a2", day=None, published="2025-05-12", actors=(("e-b", "target"),),
                            passage=("e-a", "e-b", "e-c")),
                    date=DateValue("2025-05", "2025-05-01", "2025-05-31", "month"),
                    report=EventReport("a2", 10, 14, 0, 40, "occurred", "this month"))
    # "this month" reaches over every day of May: one shared actor is not enough to join
    assert not same_event(day, month)
    # the day stated in both texts is
    assert same_event(day, replace(month, date=day.date, report=day.report, article_id="a2"))


def test_merging_needs_the_same_type_format_doers_and_enough_actors() -> None:
    a = _report("e1", "a1", mode="trilateral")
    assert not same_event(a, _report("e2", "a2", type_="ACCUSE"))
    assert not same_event(a, _report("e2", "a2", mode="bilateral"))
    assert same_event(a, _report("e2", "a2", mode=None))  # one outlet does not say the format
    # one shared actor of three is not enough; a one-actor report sharing its actor is
    assert not same_event(a, _report("e2", "a2", actors=(("e-envoy", "mediator"), ("e-c", "participant"))))
    assert same_event(a, _report("e2", "a2", actors=(("e-envoy", "mediator"),)))
    accuse = _report("e3", "a1", type_="ACCUSE", actors=(("e-a", "source"), ("e-b", "target")))
    assert same_event(accuse, _report("e4", "a2", type_="ACCUSE", actors=(("e-a", "source"), ("e-b", "target"))))
    assert not same_event(accuse, _report("e4", "a2", type_="ACCUSE", actors=(("e-b", "source"), ("e-a", "target"))))


def test_merging_undated_reports_use_their_articles_days_and_unknown_days_never_merge() -> None:
    a = _report("e1", "a1", day=None, published="2025-03-11")
    assert same_event(a, _report("e2", "a2", day=None, published="2025-03-13"))
    assert not same_event(a, _report("e2", "a2", day=None, published="2025-04-20"))
    # with no day at all, only the evidence of undated_alike merges them (here no passage)
    nowhen = {"day": None, "published": None, "passage": ()}
    assert not same_event(_report("e1", "a1", **nowhen), _report("e2", "a2", **nowhen))  # type: ignore[arg-type]


def test_merging_dated_reports_need_one_story_and_one_thing_more_than_a_shared_name() -> None:
    # "the president accused someone" in two articles a few days apart: one name in common
    def accuse(rid: str, article: str, day: str | None, **kw: object) -> Report:
        fields: dict[str, object] = {"type_": "ACCUSE", "mode": "allege", "published": "2025-03-12",
                                     "actors": (("e-president", "source"),), "passage": ("e-president", "e-senate"),
                                     **kw}
        return _report(rid, article, day=day, **fields)  # type: ignore[arg-type]

    a = accuse("e1", "a1", None)
    assert not same_event(a, accuse("e2", "a2", None, published="2025-03-14"))
    # both texts state the day: that agreement is the thing more
    assert same_event(accuse("e1", "a1", "2025-03-10"), accuse("e2", "a2", "2025-03-11"))
    # or a second actor in common
    two = (("e-president", "source"), ("e-senate", "target"))
    assert same_event(accuse("e1", "a1", None, actors=two), accuse("e2", "a2", None, actors=two))
    # never passages that tell two stories, however much else agrees
    assert not same_event(accuse("e1", "a1", "2025-03-10", actors=two),
                          accuse("e2", "a2", "2025-03-10", actors=two, passage=("e-president", "e-court")))
    # nor another doer named, even unresolved ("the mayor" accuses the senate, "the governor" too)
    mayor = (("name:mayor", "source"), ("e-senate", "target"))
    governor = (("name:governor", "source"), ("e-senate", "target"))
    assert not same_event(accuse("e1", "a1", "2025-03-10", actors=mayor),
                          accuse("e2", "a2", "2025-03-10", actors=governor))


def test_merging_a_meeting_by_the_envoy_who_hosted_it() -> None:
    # "the first trilateral meeting hosted by the envoy" (no day stated, no place) and "the envoy,
    # who hosted Tuesday's trilateral in Lindholm": one name in common, the mediator, and the mode
    envoy = (("e-envoy", "mediator"),)
    stated = _report("e1", "a1", mode="trilateral", actors=envoy, place=Place("Lindholm", None))
    unstated = _report("e2", "a2", mode="trilateral", actors=envoy, stated=False, day="2025-03-11")
    assert same_event(stated, unstated)
    assert not same_event(stated, replace(unstated, mode="bilateral"))
    assert not same_event(stated, replace(unstated, mode=None))  # a shared name and nothing more
    chair = (("e-envoy", "participant"),)
    assert not same_event(replace(stated, actors=_report("x", "a1", actors=chair).actors),
                          replace(unstated, actors=_report("y", "a2", actors=chair).actors))


def test_merging_a_report_that_names_no_one_joins_the_same_format_place_and_day() -> None:
    # "the agreement, reached at yesterday's trilateral meeting in Lindholm": no actor at all
    lindholm = Place("Lindholm", None)
    named = _report("e1", "a1", mode="trilateral", place=lindholm)
    nobody = _report("e2", "a2", mode="trilateral", place=lindholm, actors=())
    assert same_event(named, nobody) and same_event(nobody, named)
    assert not same_event(named, replace(nobody, mode=None))  # "a meeting in Lindholm": which?
    assert not same_event(named, replace(nobody, place=Place("Kasgrad", None)))
    assert not same_event(named, replace(nobody, date=DateValue("2025-03-11", "2025-03-11", "2025-03-11", "day")))
    unstated = _report("e2", "a2", mode="trilateral", place=lindholm, actors=(), stated=False)
    assert not same_event(named, unstated)  # the article's day is no day the text states
    # a summit holds many bilaterals in one city on one day; a month many rounds
    assert not same_event(replace(named, mode="bilateral"), replace(nobody, mode="bilateral"))
    month = DateValue("2025-03", "2025-03-01", "2025-03-31", "month")
    assert not same_event(replace(named, date=month), replace(nobody, date=month))
    # two reports that each name someone still need those names in common
    assert not same_event(named, replace(nobody, actors=_report("x", "a2", actors=(("e-c", "participant"),)).actors))


def test_merging_the_format_a_text_names_wins_over_the_mode_a_verb_suggests() -> None:
    # "the envoy hosted the negotiators" (a visit) and "the trilateral" in as many outlets
    hosted = [_report(f"e{i}", f"a{i}", mode="visit") for i in (1, 2)]
    named = [_report(f"e{i}", f"a{i}", mode="trilateral") for i in (3, 4)]
    for group in (hosted + named, named + hosted, [hosted[0], named[0], hosted[1]]):
        event, _, _ = merge(group, {})
        assert event.mode == "trilateral"
    assert merge(hosted, {})[0].mode == "visit"


# Undated reports: nothing places them in time (no date in the text, no publication day).
STORY = ("e-police", "e-velk", "e-rovers")  # the names both passages give
ARREST = (("e-police", "source"), ("e-velk", "target"))


def _undated(rid: str, article: str, **kw: object) -> Report:
    """An arrest report of an undated article (keyword arguments as _report's)."""
    fields: dict[str, object] = {"type_": "COERCE", "mode": "arrest", "actors": ARREST, "passage": STORY, **kw}
    return _report(rid, article, day=None, published=None, **fields)  # type: ignore[arg-type]


def test_merging_undated_reports_merge_on_evidence_a_repeat_rarely_shares() -> None:
    a = _undated("e1", "a1")
    assert same_event(a, _undated("e2", "a2"))  # two actors in common, passages of one story
    # one in common, the one arrested, and the same named mode ("Velk was arrested")
    assert same_event(a, _undated("e2", "a2", actors=(("e-velk", "target"),)))
    # one in common and the same place
    lindholm = Place("Lindholm", None)
    assert same_event(_undated("e1", "a1", mode=None, actors=(("e-velk", "target"),), place=lindholm),
                      _undated("e2", "a2", mode=None, actors=(("e-velk", "target"),), place=lindholm))


def test_merging_undated_reports_stay_apart_without_that_evidence() -> None:
    a = _undated("e1", "a1")
    assert not same_event(a, _undated("e2", "a2", passage=("e-velk",)))  # passages of two stories
    assert not same_event(a, _undated("e2", "a2", passage=()))  # nothing known of the passage
    assert not same_event(a, _undated("e2", "a2", status="planned"))  # a plan, not the arrest
    assert not same_event(a, _undated("e2", "a2", mode="seize"))
    # the one arrested in common, but another doer, even unresolved ("the Nationals")
    assert not same_event(a, _undated("e2", "a2", actors=(("name:customs", "source"), ("e-velk", "target"))))
    # a lone doer in common is what a repeat shares: a company releases an update every month
    release = {"type_": "RETREAT", "mode": "release", "actors": (("e-rovers", "source"),)}
    assert not same_event(_undated("e1", "a1", **release), _undated("e2", "a2", **release))
    # the one arrested in common without a named mode
    velk = {"mode": None, "actors": (("e-velk", "target"),)}
    assert not same_event(_undated("e1", "a1", **velk), _undated("e2", "a2", **velk))


def test_merging_undated_reports_with_no_actor_in_common_merge_on_one_story() -> None:
    # "a man was arrested" in both, told in passages that name mostly the same people
    told = ("e-police", "e-rovers", "e-coach", "e-club", "e-league")
    man = {"actors": (("name:man", "target"),), "passage": told}
    a = _undated("e1", "a1", **man)
    assert same_event(a, _undated("e2", "a2", **man))
    assert same_event(a, _undated("e2", "a2", actors=(), passage=(*told[:4], "e-mayor")))
    # three names in common: an article recalling the team's other arrest names as many
    assert not same_event(a, _undated("e2", "a2", **{**man, "passage": told[:3]}))
    # four in common among many: the same few politicians are named in a month of news
    crowded = (*told[:4], "e-p1", "e-p2", "e-p3", "e-p4", "e-p5", "e-p6")
    assert not same_event(a, _undated("e2", "a2", **{**man, "passage": crowded}))
    # the mode must be named and the same, and the ones arrested not named apart
    assert not same_event(_undated("e1", "a1", **{**man, "mode": None}), _undated("e2", "a2", **{**man, "mode": None}))
    assert not same_event(_undated("e1", "a1", **{**man, "actors": (("e-velk", "target"),)}),
                          _undated("e2", "a2", **{**man, "actors": (("e-brenn", "target"),)}))


def test_merging_undated_reports_merge_on_the_same_place_and_the_same_one_harmed() -> None:
    # "a woman was killed in Queens" in both, passages naming nobody in common
    queens, bronx = Place("Queens", None), Place("Bronx", None)
    woman = {"type_": "ASSAULT", "mode": None, "actors": (("name:woman", "target"),), "place": queens}
    assert same_event(_undated("e1", "a1", **woman, passage=("e-nypd",)), _undated("e2", "a2", **woman, passage=()))
    assert not same_event(_undated("e1", "a1", **woman), _undated("e2", "a2", **{**woman, "place": bronx}))
    man = {**woman, "actors": (("name:man", "target"),)}
    assert not same_event(_undated("e1", "a1", **woman), _undated("e2", "a2", **man))
    # the same place and victim, but another doer named
    driver = {**woman, "actors": (("name:woman", "target"), ("name:driver", "source"))}
    gunman = {**woman, "actors": (("name:woman", "target"), ("name:gunman", "source"))}
    assert not same_event(_undated("e1", "a1", **driver), _undated("e2", "a2", **gunman))


def test_merging_an_undatable_report_never_joins_a_dated_one() -> None:
    # through it two dated rounds months apart would become one connected group
    dated = _report("e2", "a2", type_="COERCE", mode="arrest", actors=ARREST, passage=STORY)
    assert not same_event(_undated("e1", "a1"), dated)
    # a date the text states places an undated article's report: it is compared by that day
    stated = _report("e3", "a3", type_="COERCE", mode="arrest", actors=ARREST, published=None, passage=STORY)
    assert same_event(stated, dated) and not same_event(_undated("e1", "a1"), stated)


# ----------------------------------------------------------------------------- one record


def test_merging_record_lists_reports_outlets_and_disputed_status() -> None:
    held = _report("e9", "a1", outlet="Veldora Today")
    failed = _report("e3", "a2", status="failed", outlet="Lindholm Post")
    again = _report("e5", "a3", outlet="Veldora Today", published="2025-03-12")
    event, members, conflicts = merge([held, failed, again], {"e-a": "Anna A"})
    assert event.id == "e3"  # the smallest member's id, whatever the order
    assert event.n_sources == 2 and len(event.reports) == 3
    assert sorted(members) == [("e3", "a2"), ("e5", "a3"), ("e9", "a1")]
    assert event.status == "disputed"
    [status] = conflicts
    assert status.field == "status" and event.conflicts == (status.id,)
    assert {v.value: v.article_ids for v in status.values} == {"occurred": ("a1", "a3"), "failed": ("a2",)}
    assert "Anna A" in {a.name for a in event.actors}


def test_merging_called_off_then_held_after_all_is_no_dispute() -> None:
    called_off = _report("e1", "a1", status="cancelled", day="2025-03-10", published="2025-03-01")
    held = _report("e2", "a2", status="occurred", day="2025-03-10", published="2025-03-10")
    event, _, conflicts = merge([called_off, held], {})
    # cancelled nine days before, held on the day: it took place; the conflict still shows
    assert event.status == "occurred" and [c.field for c in conflicts] == ["status"]
    # told as cancelled after the day, against a report that it took place: disputed
    late = replace(called_off, published="2025-03-11")
    assert merge([late, held], {})[0].status == "disputed"


def test_merging_expectations_give_way_and_unstated_days_never_conflict() -> None:
    planned = _report("e1", "a1", status="planned", published="2025-03-08")
    held = _report("e2", "a2", status="occurred")
    event, _, conflicts = merge([planned, held], {})
    assert event.status == "occurred" and conflicts == []
    # dated only by their articles' days, which differ: no conflict
    event, _, conflicts = merge([_report("e1", "a1", day="2025-03-10", stated=False),
                                 _report("e2", "a2", day="2025-03-11", stated=False)], {})
    assert conflicts == []


def test_merging_date_conflict_names_each_day_and_its_articles() -> None:
    event, _, conflicts = merge([_report("e1", "a1", day="2025-03-10"), _report("e2", "a2", day="2025-03-11"),
                                 _report("e3", "a3", day="2025-03-11")], {})
    [date] = conflicts
    assert date.field == "date"
    assert event.date is not None and event.date.value == "2025-03-11"  # what most articles say
    assert [(v.value["value"], v.article_ids) for v in date.values] == [("2025-03-10", ("a1",)),
                                                                         ("2025-03-11", ("a2", "a3"))]


def test_merging_place_conflict_unless_one_is_the_others_country() -> None:
    brussels = Place("Brussels", "BEL")
    _, _, conflicts = merge([_report("e1", "a1", place=brussels), _report("e2", "a2", place=Place("Belgium", "BEL"))],
                            {})
    assert conflicts == []
    event, _, conflicts = merge([_report("e1", "a1", place=brussels), _report("e2", "a2", place=Place("Paris", "FRA")),
                                 _report("e3", "a3", place=brussels)], {})
    assert [c.field for c in conflicts] == ["place"] and event.place == brussels


def _counted(rid: str, article: str, *counts: tuple[str, float, str, str | None, str]) -> Report:
    """A report giving these counts: (what, value, unit, mod, text)."""
    return replace(_report(rid, article), counts=tuple(
        Count(what, value, unit, mod, text, article, 20, 20 + len(text))  # type: ignore[arg-type]
        for what, value, unit, mod, text in counts))


def test_merging_count_conflict_when_two_figures_cannot_both_be_right() -> None:
    three = ("duration", 3, "hours", None, "three hours")
    about_four = ("duration", 4, "hours", "APPROX", "about four hours")
    almost_four = ("duration", 4, "hours", "LESS_THAN", "almost four hours")
    event, _, conflicts = merge([_counted("e1", "a1", three), _counted("e2", "a2", about_four),
                                 _counted("e3", "a3", about_four)], {})
    [count] = conflicts
    assert count.field == "count" and count.id in event.conflicts
    assert [(v.value["text"], v.article_ids) for v in count.values] == [("three hours", ("a1",)),
                                                                         ("about four hours", ("a2", "a3"))]
    assert [c.text for c in event.counts] == ["about four hours"]  # what most reports give
    # "about four" and "almost four" can both be right; so can "at least 12" and "15"
    _, _, conflicts = merge([_counted("e1", "a1", about_four), _counted("e2", "a2", almost_four)], {})
    assert conflicts == []
    _, _, conflicts = merge([_counted("e1", "a1", ("killed", 12, "people", "EQUAL_OR_MORE", "at least 12 people")),
                             _counted("e2", "a2", ("killed", 15, "people", None, "15 people"))], {})
    assert conflicts == []
    # units compare: 90 minutes is an hour and a half, not "about an hour"
    _, _, conflicts = merge([_counted("e1", "a1", ("duration", 90, "minutes", None, "90 minutes")),
                             _counted("e2", "a2", ("duration", 1, "hours", "APPROX", "about an hour"))], {})
    assert [c.field for c in conflicts] == ["count"]


@pytest.mark.parametrize(("one", "other"), [
    (("duration", 1, "hours", "LESS_THAN", "less than an hour"), ("duration", 45, "minutes", None, "45 minutes")),
    (("arrested", 100, "people", "LESS_THAN", "fewer than 100"), ("arrested", 50, "people", None, "50")),
    (("duration", 1.33, "hours", None, "an hour and 20 minutes"), ("duration", 80, "minutes", None, "80 minutes")),
    (("duration", 8.77, "minutes", None, "8 minutes 46 seconds"), ("duration", 526, "seconds", None, "526 seconds")),
    (("duration", 2, "months", None, "two months"), ("duration", 60, "days", None, "60 days")),
    (("duration", 52, "weeks", None, "52 weeks"), ("duration", 1, "years", None, "a year")),
])
def test_merging_figures_that_can_both_be_right_are_no_conflict(one: tuple[str, float, str, str | None, str],
                                                                other: tuple[str, float, str, str | None, str]) -> None:
    assert merge([_counted("e1", "a1", one), _counted("e2", "a2", other)], {})[2] == []


def test_merging_a_growing_toll_keeps_the_latest_figure() -> None:
    early = replace(_counted("e1", "a1", ("killed", 12, "people", None, "12 people")), published="2025-03-11")
    later = replace(_counted("e2", "a2", ("killed", 15, "people", None, "15 people")), published="2025-03-12")
    event, _, conflicts = merge([later, early], {})
    assert [c.value for c in event.counts] == [15] and [c.field for c in conflicts] == ["count"]


def test_merging_each_kind_of_count_its_own_conflict() -> None:
    event, _, conflicts = merge([
        _counted("e1", "a1", ("killed", 12, "people", None, "12 people"), ("injured", 30, "people", None, "30")),
        _counted("e2", "a2", ("killed", 15, "people", None, "15 people"), ("injured", 30, "people", None, "30 people")),
    ], {})
    assert [(c.field, [v.value["what"] for v in c.values]) for c in conflicts] == [("count", ["killed", "killed"])]
    assert {c.what: c.value for c in event.counts} == {"injured": 30, "killed": 15}  # ties: the later report


def test_merging_actors_conflict_when_reports_name_rival_hosts() -> None:
    # the type and affiliation each host's own article gives it
    kinds = {"e-envoy": ("PERSON", "NC"), "e-rival": ("PERSON", "USA"), "e-concord": ("ORG", "NC"),
             "e-washington": ("ORG", "USA"), "e-a": ("GPE", "VEL"), "e-b": ("GPE", "KAR"),
             "e-cohost": ("PERSON", "NC"), "e-nobody": ("PERSON", None), "e-city": ("GPE", "USA")}
    names = {"e-envoy": "Ingrid Halvorsen", "e-rival": "Ray Rival", "e-washington": "State Department"}
    parties = (("e-a", "participant"), ("e-b", "participant"))

    def hosted(rid: str, article: str, *hosts: str, also: tuple[tuple[str, str], ...] = ()) -> Report:
        report = _report(rid, article, actors=(*((h, "mediator") for h in hosts), *also, *parties),
                         passage=("e-a", "e-b", *hosts))
        return replace(report, kinds=tuple((e, *kinds[e]) for e in sorted(report.keys) if e in kinds))

    def fields(*reports: Report) -> list[str]:
        return [c.field for c in merge(list(reports), names)[2]]

    # two people said to have hosted it, for different bodies: who says which
    event, _, conflicts = merge([hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-rival"),
                                 hosted("e3", "a3", "e-envoy")], names)
    [actors] = conflicts
    assert actors.field == "actors" and actors.id in event.conflicts
    assert [(v.value["text"], v.article_ids) for v in actors.values] == [("Ingrid Halvorsen", ("a1", "a3")),
                                                                          ("Ray Rival", ("a2",))]
    # a body for another state is a rival host; the envoy's own organisation is not
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-washington")) == ["actors"]
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-concord")) == []
    # a host the other report names in another role is no disagreement
    both = hosted("e2", "a2", "e-rival", also=(("e-envoy", "participant"),))
    assert fields(hosted("e1", "a1", "e-envoy"), both) == []
    # nor one its article gives no type or affiliation for, nor a place, nor a co-host of one body
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-unknown")) == []
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-nobody")) == []
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-city")) == []
    assert fields(hosted("e1", "a1", "e-envoy"), hosted("e2", "a2", "e-cohost")) == []


# ----------------------------------------------------------------------------- in the store


def _merged(store: Store) -> set[tuple[str, str, int, tuple[str, ...], tuple[str, ...]]]:
    """Each merged event: id, status, sources, its members, its conflict fields."""
    members: dict[str, list[str]] = {}
    for r in store.query("SELECT event_id, member_id FROM event_members ORDER BY ALL"):
        members.setdefault(r["event_id"], []).append(r["member_id"])
    fields = {r["event_id"]: r["f"] for r in store.query(
        "SELECT event_id, list(field ORDER BY field) AS f FROM conflicts GROUP BY ALL")}
    return {(r["id"], r["status"], r["n_sources"], tuple(members[r["id"]]), tuple(fields.get(r["id"], [])))
            for r in store.query("SELECT * FROM merged_events")}


def _ingest_lines(db: Path, lines: list[str], tmp: Path) -> Store:
    """Ingest JSONL lines one article per batch, as a growing store receives them."""
    store = Store(str(db))
    for i, line in enumerate(lines):
        part = tmp / f"{db.stem}-{i}.jsonl"
        part.write_text(line + "\n", encoding="utf-8")
        ingest([str(part)], store, Options())
    return store


@pytest.mark.model
def test_merging_three_outlets_one_meeting_and_the_next_round_apart(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "m.duckdb"))
    ingest([str(REPORTS)], store, Options())
    consults = [e for e in records(store, "events") if e["type"] == "CONSULT"]
    first = next(e for e in consults if e["n_sources"] == 3)
    assert first["status"] == "disputed" and len(first["reports"]) == 3
    assert first["date"]["value"] == "2025-03-10"  # two outlets say Monday, one Tuesday
    assert [e["date"]["value"] for e in consults if e is not first] == ["2025-04-28"]  # seven weeks on: apart
    by_field = {c["field"]: c for c in list_conflicts(store)}
    assert set(by_field) == {"date", "status"}
    # each report reads its actors' type and affiliation from its own article (for host conflicts)
    details = store.event_details([r["id"] for r in store.query("SELECT id FROM events")])
    assert any(kind[0] == "PERSON" for d in details for kind in d["kinds"].values())
    said = {v["value"]: v["outlets"] for v in by_field["status"]["values"]}
    assert said == {"failed": ["Lindholm Post"], "occurred": ["Veldora Today", "Karst Herald"]}
    # stories and timelines list merged events, each once, with every outlet that reports it
    story = next(records(store, "stories"))
    event_ids = {e["id"] for e in records(store, "events")}
    assert set(story["event_ids"]) <= event_ids
    _, events = timeline(store, story["id"])
    row = next(e for e in events if e["id"] == first["id"])
    assert row["outlets"] == ["Karst Herald", "Lindholm Post", "Veldora Today"] and row["published"] == "2025-03-11"
    store.close()


@pytest.mark.model
def test_merging_does_not_depend_on_order_and_rebuild_gives_the_same(tmp_path: Path) -> None:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    forward = _ingest_lines(tmp_path / "f.duckdb", lines, tmp_path)
    backward = _ingest_lines(tmp_path / "b.duckdb", lines[::-1], tmp_path)
    built = _merged(forward)
    assert built == _merged(backward)
    assert rebuild_events(forward) == len(built)
    assert _merged(forward) == built
    forward.forget_merged_events()  # as if a run had stopped between storing a batch and merging it
    assert len(forward.pending_events()) == forward.query("SELECT count(*) AS n FROM events")[0]["n"]
    update_events(forward)
    assert _merged(forward) == built and forward.pending_events() == []
    forward.close()
    backward.close()


# Two outlets on one trilateral: the second names no one at the meeting, only where and when.
PORT_MAREN = [
    {"published": "2025-05-14", "source": "Harbour Times", "url": "https://harbour.example/trilateral",
     "text": "The envoy Maria Conti hosted a trilateral meeting of the negotiators of Aurelia and Tessel in "
             "Port Maren on Tuesday. Tessel's foreign minister Pavel Dorn led his country's delegation. Conti "
             "said the two sides had agreed to open a second ferry line."},
    {"published": "2025-05-14", "source": "Tessel Daily", "url": "https://tessel.example/ferry",
     "text": "Tessel's foreign minister Pavel Dorn said on Wednesday that the deal on a second ferry line, "
             "reached at yesterday's trilateral meeting in Port Maren, was only a first step. Dorn thanked the "
             "envoy, Maria Conti, for her patience."},
]


@pytest.mark.model
def test_merging_a_report_naming_no_one_at_the_meeting_joins_it_in_either_order(tmp_path: Path) -> None:
    lines = [json.dumps(a) for a in PORT_MAREN]
    built = []
    for name, order in (("f", lines), ("b", lines[::-1])):
        store = _ingest_lines(tmp_path / f"{name}.duckdb", order, tmp_path)
        [meeting] = [e for e in records(store, "events") if e["type"] == "CONSULT"]
        assert (meeting["mode"], meeting["date"]["value"], meeting["n_sources"]) == ("trilateral", "2025-05-13", 2)
        assert meeting["topic"] is None  # "a meeting of the negotiators": who met, not what about
        built.append(_merged(store))
        store.close()
    assert built[0] == built[1]


# Three undated articles (plain text files): two report one arrest, the third another arrest by
# the same police of a team-mate, on the same charge.
UNDATED = {
    "velk-1.txt": "Rovers striker arrested\n\nKarst Border Police arrested Lindholm Rovers striker Dario Velk "
                  "on suspicion of smuggling cigarettes.\n\nLindholm Rovers said Dario Velk would miss the cup final.",
    "velk-2.txt": "Velk held over smuggling\n\nDario Velk was arrested on suspicion of smuggling cigarettes, "
                  "Karst Border Police said.\n\nThe Lindholm Rovers striker was released on bail.",
    "brenn.txt": "Rovers defender arrested\n\nKarst Border Police arrested Lindholm Rovers defender Tomas Brenn "
                 "on suspicion of smuggling cigarettes.\n\nLindholm Rovers said Tomas Brenn would miss the cup final.",
}


def _ingest_texts(db: Path, names: list[str], tmp: Path) -> Store:
    """Ingest the UNDATED texts one per batch, in the order given."""
    store = Store(str(db))
    for name in names:
        folder = tmp / f"{db.stem}-{name}"
        folder.mkdir()
        (folder / name).write_text(UNDATED[name], encoding="utf-8")
        ingest([str(folder)], store, Options())
    return store


@pytest.mark.model
def test_merging_undated_articles_of_one_arrest_whatever_the_order(tmp_path: Path) -> None:
    names = sorted(UNDATED)
    forward = _ingest_texts(tmp_path / "f.duckdb", names, tmp_path)
    backward = _ingest_texts(tmp_path / "b.duckdb", names[::-1], tmp_path)
    built = _merged(forward)
    assert built == _merged(backward)
    arrests = forward.query("SELECT id, actors FROM events WHERE type = 'COERCE' AND mode = 'arrest'")
    velk = {r["id"] for r in arrests if "Dario Velk" in r["actors"]}
    brenn = {r["id"] for r in arrests if "Tomas Brenn" in r["actors"]}
    assert len(velk) == 2 and len(brenn) == 1
    members = {m for _, _, _, ms, _ in built for m in ms if len(ms) > 1}
    assert velk <= members and not brenn & members  # one arrest in two articles; the other apart
    assert any(set(ms) == velk and n == 2 for _, _, n, ms, _ in built)
    assert rebuild_events(forward) == len(built) and _merged(forward) == built
    forward.close()
    backward.close()


@pytest.mark.model
def test_merging_a_correction_ends_the_dispute(tmp_path: Path) -> None:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    store = _ingest_lines(tmp_path / "m.duckdb", lines, tmp_path)
    assert any(status == "disputed" for _, status, *_ in _merged(store))
    # the Lindholm Post corrects its page: the meeting did take place
    page = json.loads(lines[2])
    page["text"] = page["text"].replace("did not take place", "took place").replace(
        " because the Karst delegation failed to arrive", "")
    fixed = tmp_path / "fixed.jsonl"
    fixed.write_text(json.dumps(page) + "\n", encoding="utf-8")
    ingest([str(fixed)], store, Options())
    merged = _merged(store)
    assert not any(status == "disputed" for _, status, *_ in merged)
    assert any(n == 3 and fields == ("date",) for _, _, n, _, fields in merged)
    assert store.query("SELECT count(*) AS n FROM event_members")[0]["n"] == \
        store.query("SELECT count(*) AS n FROM events")[0]["n"]
    store.close()


def test_conflict_outlets_are_tallied_each_once_in_order() -> None:
    assert tally(["Guardian", "BBC", "Guardian"]) == "Guardian (2), BBC"
    assert tally(["Lindholm Post"]) == "Lindholm Post"
    assert tally([]) == ""


@pytest.mark.parametrize(("value", "shown"), [
    ("2025-06-10", "2025-06-10"), ("2025-FA", "2025 autumn"), ("198", "1980s"), ("20", "21st century"),
    ("10", "11th century"), ("FUTURE_REF", "(future)"), ("2025-W23", "2025-W23"), ("", ""),
    ("2025-07-07TMO", "2025-07-07 morning"), ("2025-07-07TNI", "2025-07-07 night"), ("2025-W31-WE", "2025-W31 weekend"),
    ("2025-07-07T14:30", "2025-07-07T14:30"),
])
def test_dates_read_as_words_where_a_value_is_cryptic(value: str, shown: str) -> None:
    assert readable_date(value) == shown
