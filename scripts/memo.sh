#!/usr/bin/env bash
# Quick start 1: install briefgen into .venv and build the readmissions memo (Markdown + PDF) under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh ""
briefgen memo --topic readmissions "$@"
