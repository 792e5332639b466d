#!/usr/bin/env bash
# Quick start 2: install briefgen with its test dependencies into .venv, lint, type-check and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh test
ruff check briefgen tests benchmarks scripts
ruff format --check briefgen tests benchmarks scripts
mypy
pytest "$@"
