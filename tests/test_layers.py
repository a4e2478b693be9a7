"""The layer contracts of design/architecture.md hold: `lint-imports` over [tool.importlinter]."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# lint-imports is installed beside the interpreter running the tests (the venv's bin/ or Scripts/).
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports" + (".exe" if sys.platform == "win32" else ""))
# Building the import graph takes about a second; a hung run must not hang the suite.
TIMEOUT_SECONDS = 120


def test_layers_import_contracts_are_kept() -> None:
    if not LINT_IMPORTS.exists():
        pytest.skip(f"import-linter is not installed ({LINT_IMPORTS} is missing): pip install -e '.[dev]'")
    # --no-cache: leave no .import_linter_cache behind in the working tree.
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"an import breaks a layer contract:\n{result.stdout}\n{result.stderr}"
