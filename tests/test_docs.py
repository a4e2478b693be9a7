"""Generated documentation stays in step with the code."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI_REFERENCE_SCRIPT = ROOT / "scripts" / "cli_reference.py"


@pytest.fixture(scope="module")
def cli_reference() -> ModuleType:
    """scripts/cli_reference.py imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_storyline_cli_reference", CLI_REFERENCE_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    leaked = [name for name in module.IMPORT_TIME_SETTINGS if name in os.environ]
    if leaked:
        pytest.skip(f"{', '.join(leaked)} is set, and it changes the defaults the help shows")
    return module


def test_docs_cli_reference_is_current(cli_reference: ModuleType) -> None:
    expected = cli_reference.render()
    target = cli_reference.TARGET
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    assert current == expected, (
        f"docs/cli.md is out of date with storyline.cli; regenerate it with: {cli_reference.REGENERATE}"
    )


def test_docs_cli_reference_is_deterministic(cli_reference: ModuleType) -> None:
    first = cli_reference.render()
    assert first == cli_reference.render()
    assert all(line == line.rstrip() for line in first.splitlines())
    assert "\x1b[" not in first


def test_docs_schema_is_the_design_folders() -> None:
    """docs/schema.md is the record contract of the design folder, for readers of the repository."""
    design = ROOT.parent / "shared" / "design" / "schema.md"
    if not design.is_file():
        pytest.skip(f"{design} is absent (the design folder sits beside the repository)")
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == design.read_text(encoding="utf-8"), (
        "the record contract changed: copy ../shared/design/schema.md to docs/schema.md")
