#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/drafter/ (run from anywhere).
# Needs the bundle extra: pip install -e ".[bundle]"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${1:-$root/dist}"
work="${2:-$root/build/pyinstaller}"
cd "$root"
python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/drafter.spec
echo "bundle: $dist/drafter/drafter"
