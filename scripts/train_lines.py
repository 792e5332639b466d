"""Train the line model and write briefgen/ingest/data/line_model.json (see briefgen/ingest/training.py).

python scripts/train_lines.py [--check]

With --check, writes nothing and exits 1 when the shipped file differs from a fresh training run.
"""

from __future__ import annotations

import argparse
import json
import sys

from briefgen.ingest import training


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    model = training.train()
    if args.check:
        shipped = json.loads(training.MODEL.read_text(encoding="utf-8"))
        same = shipped == model
        print("line model is up to date" if same else "line model differs from a fresh run", file=sys.stderr)
        return 0 if same else 1
    training.write(model)
    print(f"wrote {training.MODEL} ({model['trained_on']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
