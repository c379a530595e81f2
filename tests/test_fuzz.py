"""A bounded fuzz run per reader (text, Markdown, JSON, YAML, HTML, DOCX) with hypothesis.

Each reader's loop runs in a child process under a memory ceiling (``RLIMIT_AS``) and a
CPU ceiling (``RLIMIT_CPU``): exit 0 or 2 only, no traceback, nothing left behind. The
examples are derandomized, so a run is repeatable and its cost fixed (a few seconds each).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

MEMORY = 1024 * 1024 * 1024
CPU = 120
EXAMPLES = int(os.environ.get("REPORTER_FUZZ_EXAMPLES", "25"))


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU, CPU))


@pytest.mark.parametrize("reader", ["text", "markdown", "json", "yaml", "html", "docx"])
def test_a_reader_ends_in_exit_0_or_2_and_leaves_nothing(reader, tmp_path):
    child = Path(__file__).with_name("fuzz_child.py")
    result = subprocess.run([sys.executable, str(child), reader, str(EXAMPLES)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=600, preexec_fn=_limit,
                            env={**os.environ, "REPORTER_JOBS": "1", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
