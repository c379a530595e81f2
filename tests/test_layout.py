"""The package's layout is the pipeline's: each layer imports only the layers below it.

model < ingest < analysis < compose < writers, readers < pipeline < deliver < cli, with the
shared edge modules (errors, file I/O, dates, the house style) under all of them. The
imports are read with ``ast``, those inside functions and ``TYPE_CHECKING`` blocks too: a
lazy import is still a dependency. And every module imports on its own, which catches a
cycle that only works when something else happened to be imported first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "reporter"

# Lowest first. Groups in one tuple share a rank and must not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("reporter.errors", "reporter.limits", "reporter.worker"),
    ("reporter.fileio", "reporter.dates", "reporter.style", "reporter.urls", "reporter.ooxml",
     "reporter.marking", "reporter.fonts", "reporter.scripts", "reporter.pictures"),
    ("reporter.package",),  # the one bounded reader of OOXML packages, for readers and writers alike
    ("reporter.model",),
    ("reporter.ingest",),
    ("reporter.inputs",),
    ("reporter.analysis",),
    ("reporter.stories",),
    ("reporter.compose",),
    ("reporter.writers", "reporter.readers"),
    ("reporter.pipeline",),
    ("reporter.deliver",),
    ("reporter.spec",),
    ("reporter.batch",),
    ("reporter.batchworker", "reporter.cluster"),  # a batch worker's warm start (it builds a rehearsal briefing as a task, batch.build_job)
    ("reporter.batchview", "reporter.forkpool"),  # forkpool: workers forked from the command, warmed by batchworker
    ("reporter.cli",),
    ("reporter.__main__", "reporter"),  # the package's __init__: the public API, imported lazily by name
]


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _group(module: str) -> tuple[int, str]:
    """(rank, group) of a module: the longest group name it is, or lies under."""
    best = None
    for rank, groups in enumerate(LAYERS):
        for group in groups:
            under = module.startswith(group + ".") and group != "reporter"
            if (module == group or under) and (best is None or len(group) > len(best[1])):
                best = (rank, group)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def _imports(module: str, path: Path) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                names = [name] if node.module else [f"{name}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            found.update(n for n in names if n == "reporter" or n.startswith("reporter."))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("reporter"))
    # "from . import x" names a module when x is one, else the package itself
    return {n if n in MODULES else n.rpartition(".")[0] if n.rpartition(".")[0] in MODULES else n for n in found}


def test_every_module_is_in_a_layer():
    for module in MODULES:
        _group(module)


def test_no_module_imports_a_layer_above_it_or_a_neighbour_beside_it():
    wrong = []
    for module, path in MODULES.items():
        rank, group = _group(module)
        for target in sorted(_imports(module, path)):
            t_rank, t_group = _group(target)
            if t_rank > rank or (t_rank == rank and t_group != group):
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_delivery_takes_a_built_briefing_and_never_calls_the_pipeline():
    for module, path in MODULES.items():
        if module.startswith("reporter.deliver"):
            assert not {t for t in _imports(module, path) if t.startswith("reporter.pipeline")}, module


def test_the_layer_check_sees_lazy_and_type_only_imports(tmp_path):
    src = tmp_path / "probe.py"
    src.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..writers import WRITERS\n"
                   "def f():\n    from ..analysis import analyze\n")
    assert _imports("reporter.ingest.probe", src) == {"reporter.writers", "reporter.analysis"}


@pytest.mark.parametrize("chunk", range(2))
def test_every_module_imports_on_its_own(chunk):
    """Each module imported with no reporter module loaded before it (third-party modules
    stay cached between them: they cannot hide a cycle of ours)."""
    names = sorted(MODULES)[chunk::2]
    script = (
        "import importlib, sys, traceback\n"
        f"failed = []\nfor name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'reporter' or m.startswith('reporter.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n        importlib.import_module(name)\n"
        "    except Exception:\n        failed.append(name + ': ' + traceback.format_exc().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
    )
    res = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""
