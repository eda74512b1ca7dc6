#!/usr/bin/env bash
# Set up a machine for drafter, from a bare Debian 12 (or Ubuntu, 统信UOS, 麒麟) on:
# - system packages (apt-get, as root or through sudo): Python 3 with venv; the libraries Qt
#   needs; LibreOffice, poppler and CJK fonts, which the layout tests render with; Xvfb;
#   binutils (PyInstaller); desktop-file-utils, shared-mime-info and dpkg-deb, which the
#   .deb build and its test use;
# - a virtual environment in .venv with the package installed (editable) with its test and
#   bundle extras. Every later step (tests, packaging/build.sh) runs .venv/bin/python.
# PYTHON names another interpreter (3.11+) to make the venv with; default python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    python3 python3-venv python3-pip ca-certificates \
    libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libglib2.0-0 \
    libxrender1 libxi6 \
    libreoffice-writer-nogui poppler-utils fonts-noto-cjk xvfb xauth binutils \
    desktop-file-utils shared-mime-info dpkg >/dev/null
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,bundle]"
