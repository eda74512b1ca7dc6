#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/drafter/ (run from anywhere).
# Uses the interpreter named by $PYTHON, else the project's venv (.venv, made by
# scripts/setup.sh, which installs the bundle extra); never whatever `python` the shell finds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${1:-$root/dist}"
work="${2:-$root/build/pyinstaller}"
py="${PYTHON:-$root/.venv/bin/python}"
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: $py has no PyInstaller: run scripts/setup.sh (or set PYTHON to an interpreter with the bundle extra)" >&2
  exit 2
fi
cd "$root"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/drafter.spec
echo "bundle: $dist/drafter/drafter"
