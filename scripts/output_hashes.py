"""Print the SHA-256 of every briefing built from the fixtures, to prove a refactor changed no byte.

    python scripts/output_hashes.py > before.txt
    (change the code)
    python scripts/output_hashes.py | diff before.txt -

Builds, as whole CLI processes with a fixed SOURCE_DATE_EPOCH: the sample briefing (as
`make demo` does), each tuning fixture alone, all tuning fixtures together, and 100
copies of the sample whose titles differ. A change meant to keep the output (a move, a
rename, a faster path) must print the same lines; one meant to change it shows where.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "peru-us-organized-crime.txt"


def build(out: Path, *args: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714000000"}
    run = subprocess.run([sys.executable, "-m", "reporter", "build", *args, "--out", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"build {' '.join(args)} failed: {run.stderr.strip()}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        fixtures = sorted(p for p in FIXTURES.iterdir() if p.is_file())
        build(top / "sample", str(SAMPLE), "--marking", "TLP:AMBER", "--prepared-for", "Security policy team",
              "--prepared-by", "reporter")
        for p in fixtures:
            build(top / f"fixture-{p.name}", str(p))
        build(top / "all-fixtures", *map(str, fixtures))
        copies = top / "in100"
        copies.mkdir()
        text = SAMPLE.read_text(encoding="utf-8")
        for i in range(1, 101):
            (copies / f"a{i:03d}.txt").write_text(f"Copy {i:03d}: {text}", encoding="utf-8")
        build(top / "100-copies", *sorted(map(str, copies.iterdir())))
        for path in sorted(top.rglob("*")):
            if path.suffix in (".docx", ".pdf"):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                print(f"{digest}  {path.relative_to(top)}")


if __name__ == "__main__":
    main()
