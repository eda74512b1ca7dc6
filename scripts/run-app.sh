#!/usr/bin/env bash
# Set up (scripts/setup.sh) and launch the app on its built-in example library.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
exec "$root/.venv/bin/drafter" gui "$@"
