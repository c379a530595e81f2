"""Regenerate templates/reference.docx from templates/house-style.toml.

Run after changing the house style: ``python scripts/make_reference_docx.py``.
The output is byte-identical on re-run, so git shows a diff only when the style changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter.fileio import write_bytes_atomic  # noqa: E402
from reporter.style import load_house_style  # noqa: E402
from reporter.writers.docx_reference import build_reference  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", type=Path, default=ROOT / "templates" / "house-style.toml")
    parser.add_argument("--lang", default="en-GB", help="default document language (BCP 47)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "templates" / "reference.docx")
    args = parser.parse_args(argv)
    data = build_reference(load_house_style(args.style.resolve()), args.lang)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
