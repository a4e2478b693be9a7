"""The Spark executor: the per-article work of a run spread over a Spark cluster, Parquet out.

Each task reads its own input files, so article text never passes through the driver. The
records read are then dealt out evenly over the partitions (one huge JSONL file still keeps every
core busy) and analysed in batches; each Python worker loads spaCy once and keeps it for the
tasks it runs. Every input record gives one row, and the row's (file_no, record_no) is its place
in the input, so whoever reads the Parquet restores the input order whatever partitions Spark
made. Like run/local.py, the executor knows no stage: pipeline.py hands it the reader, the batch
function and the shape of the rows.

A failed task is retried by Spark; an interrupted job leaves no Parquet behind (Spark writes
into a temporary folder and moves the files at the end), and running it again redoes it whole.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..config import Options
from ..errors import BadOption, StorylineError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Item = Any  # what the reader yields (RawDocument | Rejected): the executor only passes it on
Reader = Callable[[str, Options], Iterable[Item]]
Analyse = Callable[[list[Item], Options], Sequence[tuple[Any, ...]]]


def spark_session(master: str, app_name: str = "storyline") -> SparkSession:
    """A Spark session on this master (local[N] runs Spark in this machine's processes).

    The Python workers run this same interpreter, so they import this same storyline and spaCy
    model; a cluster's nodes need storyline installed the same way (README, "Spark"). On a local
    master Spark binds to the loopback address only and opens no web UI: nothing listens on the
    network."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise StorylineError("Spark runs need PySpark and Java 17+: pip install 'storyline[spark]' "
                             "(and apt install openjdk-17-jre-headless)") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else Spark warns it picked an address
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.log.level", "ERROR"))
    if master.startswith("local"):
        builder = (builder.config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1"))
    try:
        return builder.getOrCreate()
    except Exception as exc:  # Java missing or too old shows up here, as a Py4J or runtime error
        raise StorylineError(f"Spark could not start ({_first_line(exc)}); it needs Java 17+ on the PATH "
                             "or in JAVA_HOME") from exc


def run_files(files: Sequence[str | Item], read: Reader, analyse: Analyse, schema: str, options: Options,
              out: str, master: str = "local[*]", partitions: int | None = None) -> None:
    """Read each file (a task per file), analyse the records in batches of options.batch_size
    spread over `partitions` partitions, and write the rows to a Parquet folder at `out`.

    An entry of files that is not a path (a Rejected found while listing the inputs) passes
    through `analyse` as it is. Each row is (file_no, record_no, *analyse's tuple); `schema` is
    the Spark DDL of the whole row. An existing folder at `out` is replaced."""
    if not files:
        raise BadOption("no article files to analyse in the given inputs")
    spark = spark_session(master)
    sc = spark.sparkContext
    n = partitions or max(2 * sc.defaultParallelism, 1)

    def read_one(entry: tuple[int, str | Item]) -> Iterator[tuple[int, int, Item]]:
        file_no, what = entry
        if not isinstance(what, str):
            yield file_no, 0, what
            return
        for record_no, item in enumerate(read(what, options)):
            yield file_no, record_no, item

    def analyse_partition(rows: Iterable[tuple[int, int, Item]]) -> Iterator[tuple[Any, ...]]:
        it = iter(rows)
        while chunk := list(islice(it, options.batch_size)):
            results = analyse([item for _, _, item in chunk], options)
            for (file_no, record_no, _), result in zip(chunk, results, strict=True):
                yield (file_no, record_no, *result)

    entries = list(enumerate(files))
    rdd = (sc.parallelize(entries, max(1, min(len(entries), n)))
           .flatMap(read_one)
           .repartition(n)
           .mapPartitions(analyse_partition))
    try:
        spark.createDataFrame(rdd, schema=schema).write.mode("overwrite").parquet(out)
    except Exception as exc:  # a Java stack trace helps nobody at the command line: its first line does
        raise StorylineError(f"the Spark job writing {out} failed: {_first_line(exc)}") from exc


# The last line of a Python traceback, as a failed task's error carries it inside Java's.
_PYTHON_ERROR = re.compile(r"^(?:[\w.]+\.)?\w*(?:Error|Exception|Failed|NotFound|Interrupt)\b:?.*")


def _first_line(exc: Exception) -> str:
    """What an error says in one line: the Python error a failed task raised when the error
    carries one (Py4J errors wrap a Python traceback in a Java stack trace), else its first line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    python = [line for line in lines if _PYTHON_ERROR.match(line) and not line.startswith(("org.", "java.", "scala."))]
    return (python[-1] if python else lines[0] if lines else type(exc).__name__)[:300]
