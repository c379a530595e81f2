#!/usr/bin/env python3
"""Validate briefing PDFs as PDF/UA-1 and PDF/A-2a with veraPDF, when it is installed.

veraPDF (https://verapdf.org, a Java program) is the reference validator for both standards.
Without it this script says so and runs the offline checks the test suite uses
(tests/pdf_checks.py, which needs pikepdf): the machine-checkable conditions the writer
relies on, not the whole standards.

Usage: python scripts/check_pdf_standards.py FILE.pdf [...] [--verapdf PATH] [--require-verapdf]
Exit status: 0 all files pass, 1 a file fails, 2 a file is missing or veraPDF is required but not found.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAVOURS = (("ua1", "PDF/UA-1"), ("2a", "PDF/A-2a"))


def find_verapdf(given: str | None) -> str | None:
    for candidate in (given, os.environ.get("VERAPDF"), "verapdf"):
        if candidate:
            found = shutil.which(candidate)
            if found:
                return found
    return None


def run_verapdf(exe: str, path: Path) -> list[str]:
    """Failures veraPDF reports for each flavour (empty: compliant)."""
    failures = []
    for flavour, label in FLAVOURS:
        proc = subprocess.run([exe, "--flavour", flavour, "--format", "text", "--verbose", str(path)],
                              capture_output=True, text=True)
        out = proc.stdout
        if proc.returncode not in (0, 1) or not re.search(r"^(PASS|FAIL)\b", out, re.M):
            failures.append(f"{label}: veraPDF did not run ({proc.stderr.strip()[:200] or proc.returncode})")
        elif re.search(r"^FAIL\b", out, re.M):
            rules = [line.strip() for line in out.splitlines() if line.strip() and not line.startswith(("PASS", "FAIL"))]
            failures.append(f"{label}: not compliant" + "".join(f"\n    {r}" for r in rules[:20]))
    return failures


def run_offline(path: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import pikepdf

        import pdf_checks
    except ImportError as exc:
        return [f"the offline checks need pikepdf ({exc}); pip install pikepdf"]
    with pikepdf.open(path) as pdf:
        return pdf_checks.problems(pdf)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--verapdf", help="the veraPDF command (default: $VERAPDF or verapdf on the PATH)")
    ap.add_argument("--require-verapdf", action="store_true", help="fail when veraPDF is not installed")
    args = ap.parse_args()
    for path in args.files:
        if not path.is_file():
            print(f"check_pdf_standards: {path}: no such file", file=sys.stderr)
            return 2
    exe = find_verapdf(args.verapdf)
    if exe is None:
        print("veraPDF is not installed (https://verapdf.org/software/): the standards were NOT validated; "
              "running the offline checks of tests/pdf_checks.py instead.")
        if args.require_verapdf:
            return 2
    status = 0
    for path in args.files:
        failures = run_verapdf(exe, path) if exe else run_offline(path)
        if failures:
            status = 1
            print(f"FAIL {path}")
            for f in failures:
                print(f"  {f}")
        else:
            print(f"PASS {path} ({'veraPDF: ' + ', '.join(l for _, l in FLAVOURS) if exe else 'offline checks'})")
    return status


if __name__ == "__main__":
    sys.exit(main())
