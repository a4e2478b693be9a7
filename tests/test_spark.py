"""The Spark executor: `storyline spark analyse` on a real local Spark (Java, PySpark), then
`storyline spark load`, must give the very store `storyline ingest` gives for the same inputs.

Skipped when PySpark or Java is missing, except in CI (.ci/run installs both), where that fails.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import STORE_TABLES, store_rows
from storyline.cli import app
from storyline.config import Options
from storyline.errors import BadOption, InputNotFound, StoreError
from storyline.ingest import input_files, read_inputs
from storyline.model import ArticleResult, Rejected, from_dict, to_dict
from storyline.pipeline import analyse_on_spark, annotate, ingest, load_analyses
from storyline.store.duckdb import Store
from storyline.store.parquet import count_rows, read_rows

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _corpus(tmp: Path) -> Path:
    """The bundled examples plus inputs that must be rejected: a JSONL file with a malformed
    and a text-less record, a binary file and an empty one."""
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "examples", corpus / "examples")
    shutil.copytree(FIXTURES / "broken", corpus / "broken")
    shutil.copytree(FIXTURES / "stories", corpus / "stories")
    return corpus


def _needs_spark() -> None:
    missing = [what for what, ok in (("PySpark", importlib.util.find_spec("pyspark") is not None),
                                      ("Java", shutil.which("java") is not None or "JAVA_HOME" in os.environ))
               if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{' and '.join(missing)} missing; .ci/run installs them")
        pytest.skip(f"{' and '.join(missing)} missing (pip install 'storyline[spark]'; apt install "
                    "openjdk-17-jre-headless)")


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One Spark job over the corpus (3 partitions on 2 local cores), loaded into one store, and
    the same corpus ingested into another."""
    _needs_spark()
    tmp = tmp_path_factory.mktemp("spark")
    corpus = _corpus(tmp)
    out = tmp / "analysed"
    analyse_on_spark([str(corpus)], str(out), Options(), master="local[2]", partitions=3)
    loaded, ingested = tmp / "loaded.duckdb", tmp / "ingested.duckdb"
    with Store(str(loaded)) as store:
        load_analyses(str(out), store, Options())
    with Store(str(ingested)) as store:
        ingest([str(corpus)], store, Options())
    return {"corpus": corpus, "out": out, "loaded": loaded, "ingested": ingested}


@pytest.mark.model
@pytest.mark.spark
def test_spark_then_load_gives_the_store_an_ingest_gives(spark_run: dict[str, Path]) -> None:
    loaded, ingested = store_rows(spark_run["loaded"]), store_rows(spark_run["ingested"])
    assert loaded["articles"] and loaded["events"] and loaded["stories"] and loaded["rejected"]
    for table in STORE_TABLES:
        assert loaded[table] == ingested[table], table


@pytest.mark.model
@pytest.mark.spark
def test_spark_output_is_one_row_per_input_record_in_input_order(spark_run: dict[str, Path]) -> None:
    out, corpus = spark_run["out"], spark_run["corpus"]
    assert (out / "_SUCCESS").exists()
    expected = list(read_inputs([str(corpus)], Options()))
    rows = [r for chunk in read_rows(str(out), chunk=5) for r in chunk]
    assert [r["origin"] for r in rows] == [i.origin for i in expected]
    kinds = count_rows(str(out))
    rejected_on_reading = sum(isinstance(i, Rejected) for i in expected)
    assert kinds["rejected"] >= rejected_on_reading >= 2  # malformed JSON line, record without text, ...
    assert kinds["article"] + kinds["rejected"] == len(expected)
    reasons = [json.loads(r["record"])["reason"] for r in rows if r["kind"] == "rejected"]
    assert any("mixed.jsonl" in reason for reason in reasons)  # the reason names file and record


@pytest.mark.model
@pytest.mark.spark
def test_spark_output_is_queryable_with_duckdb_as_it_is(spark_run: dict[str, Path]) -> None:
    con = duckdb.connect()
    titles = dict(con.execute(
        "SELECT id, title FROM read_parquet(?) WHERE kind = 'article' AND title IS NOT NULL",
        [str(spark_run["out"] / "*.parquet")]).fetchall())
    events = con.execute("SELECT sum(json_array_length(record -> '$.events')) FROM read_parquet(?)",
                         [str(spark_run["out"] / "*.parquet")]).fetchone()
    assert titles and events and events[0] > 0


@pytest.mark.model
@pytest.mark.spark
def test_spark_load_again_changes_nothing_and_the_cli_says_so(spark_run: dict[str, Path]) -> None:
    before = store_rows(spark_run["loaded"])
    result = CliRunner().invoke(app, ["spark", "load", str(spark_run["out"]), "--db", str(spark_run["loaded"]), "-q"])
    assert result.exit_code == 0, result.output
    assert "unchanged" in result.output
    assert store_rows(spark_run["loaded"]) == before


@pytest.mark.model
@pytest.mark.spark
def test_spark_analyse_cli_writes_parquet(tmp_path: Path) -> None:
    _needs_spark()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["spark", "analyse", str(FIXTURES / "articles"), "--out", str(out),
                                      "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 articles and 0 rejected inputs" in result.output
    assert count_rows(str(out)) == {"article": 3}


@pytest.mark.model
@pytest.mark.spark
def test_spark_analyse_cli_says_why_a_job_failed(spark_run: dict[str, Path], tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("a file where the output folder should go")
    result = CliRunner().invoke(app, ["spark", "analyse", str(FIXTURES / "articles"), "--out", str(taken / "out"),
                                      "--master", "local[2]"])
    assert result.exit_code == 2
    assert "the Spark job writing" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- without Spark


def test_spark_analyse_refuses_an_output_folder_it_would_wipe(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "articles", corpus)
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("not Spark output")
    for out, why in ((corpus, "overlaps the input"), (corpus / "out", "overlaps the input"),
                     (tmp_path, "overlaps the input"), (other, "not an earlier storyline spark output")):
        with pytest.raises(BadOption, match=why):
            analyse_on_spark([str(corpus)], str(out), Options(), master="local[1]")
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in (FIXTURES / "articles").iterdir())
    result = CliRunner().invoke(app, ["spark", "analyse", str(corpus), "--out", str(corpus)])
    assert result.exit_code == 2 and "overlaps the input" in " ".join(result.output.split())


def test_spark_errors_say_what_failed_in_one_line() -> None:
    from storyline.run.spark import _first_line

    wrapped = Exception(
        "An error occurred while calling o65.parquet.\n"
        ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 1 failed 1 times\n"
        "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2898)\n"
        "Caused by: org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
        '  File "/x/storyline/nlp.py", line 33, in load_nlp\n'
        "storyline.errors.ModelNotFound: spaCy model 'xx_nothing' is not installed\n"
        "\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException(PythonRunner.scala:1)\n")
    assert _first_line(wrapped) == "storyline.errors.ModelNotFound: spaCy model 'xx_nothing' is not installed"
    assert _first_line(Exception("plain\nmore")) == "plain"


def test_spark_a_file_gone_after_listing_is_a_rejected_input(tmp_path: Path) -> None:
    from storyline.pipeline import _read_one

    gone = tmp_path / "gone.txt"
    items = list(_read_one(str(gone), Options()))
    assert len(items) == 1 and isinstance(items[0], Rejected) and str(gone) in items[0].reason


@pytest.mark.model
def test_records_survive_the_json_of_a_parquet_row() -> None:
    results = [r for r in annotate([str(ROOT / "examples")], Options()) if isinstance(r, ArticleResult)]
    assert results
    for r in results:
        assert from_dict(ArticleResult, json.loads(json.dumps(to_dict(r)))) == r
    assert from_dict(Rejected, to_dict(Rejected("a.jsonl#2", "why"))) == Rejected("a.jsonl#2", "why")


def test_input_files_are_read_in_the_order_read_inputs_reads(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "notes.xyz").write_text("not an article format")  # skipped in a folder, as by ingest
    files = input_files([str(corpus)])
    assert all(isinstance(f, str) for f in files)
    origins = [i.origin for f in files for i in read_inputs([str(f)], Options())]
    assert origins == [i.origin for i in read_inputs([str(corpus)], Options())]
    with pytest.raises(BadOption, match="standard input"):
        input_files(["-"])
    with pytest.raises(InputNotFound):
        input_files([str(tmp_path / "nowhere")])


def test_load_refuses_what_is_not_finished_spark_output(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match=r"no \.parquet"):
        list(read_rows(str(tmp_path)))
    (tmp_path / "part-0.parquet").write_bytes(b"")
    (tmp_path / "_temporary").mkdir()
    with pytest.raises(StoreError, match="did not finish"):
        list(read_rows(str(tmp_path)))
    result = CliRunner().invoke(app, ["spark", "load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2
    assert "no such folder" in result.output
