#!/usr/bin/env bash
# Build dist/drafter_<version>_amd64.deb (for 统信UOS, 麒麟 and Debian/Ubuntu on amd64) from the
# one-folder bundle, with dpkg-deb only:
#   /opt/drafter/                          the bundle (drafter, drafter-app, _internal/)
#   /usr/bin/drafter -> /opt/drafter/drafter
#   /usr/share/applications/drafter.desktop            Office entry, opens draft files
#   /usr/share/icons/hicolor/scalable/apps/drafter.svg the app's icon (ui/drafter.svg)
#   /usr/share/mime/packages/drafter.xml               the draft file type
# (the desktop's caches pick these up through dpkg triggers: see below)
#
#   bash packaging/build-deb.sh [BUNDLE_DIR [OUT_DIR]]
#
# Without BUNDLE_DIR, packaging/build.sh builds the bundle into dist/drafter first.
# arm64 (鲲鹏/飞腾) is not built here: see docs/packaging-deb.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/packaging/deb"
out="${2:-$root/dist}"
if [ -n "${1:-}" ]; then
  bundle="$(cd "$1" && pwd)"
else
  bash "$root/packaging/build.sh" "$root/dist"
  bundle="$root/dist/drafter"
fi

arch="$(dpkg --print-architecture)"
if [ "$arch" != "amd64" ]; then
  echo "build-deb.sh: this builds the amd64 package; this machine is $arch (see docs/packaging-deb.md)" >&2
  exit 2
fi
if [ ! -x "$bundle/drafter" ] || [ ! -d "$bundle/_internal" ]; then
  echo "build-deb.sh: $bundle is not a drafter bundle (no drafter, _internal/): run packaging/build.sh" >&2
  exit 2
fi
# The version the bundle itself reports ("drafter 0.1.0"): the package cannot disagree with it.
version="$("$bundle/drafter" --version | awk '{print $2}')"
if [ -z "$version" ]; then
  echo "build-deb.sh: $bundle/drafter --version printed no version" >&2
  exit 2
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/drafter"
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/scalable/apps" "$pkg/usr/share/mime/packages" \
  "$pkg/usr/share/doc/drafter"
cp -a "$bundle" "$pkg/opt/drafter"
chmod -R u+rwX,go+rX,go-w "$pkg/opt/drafter"
ln -s /opt/drafter/drafter "$pkg/usr/bin/drafter"
install -m 644 "$here/drafter.desktop" "$pkg/usr/share/applications/drafter.desktop"
install -m 644 "$root/ui/drafter.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/drafter.svg"
install -m 644 "$here/drafter-mime.xml" "$pkg/usr/share/mime/packages/drafter.xml"
install -m 644 "$here/copyright" "$pkg/usr/share/doc/drafter/copyright"
# No postinst/postrm: shared-mime-info, desktop-file-utils and hicolor-icon-theme watch
# /usr/share/mime/packages, /usr/share/applications and the icon folders with dpkg triggers,
# and rebuild their caches (update-mime-database, update-desktop-database,
# gtk-update-icon-cache) whenever a package adds or removes files there, on install and on
# removal alike. Calling them again from maintainer scripts would only repeat that, and a
# postrm would keep the package in dpkg's "rc" state after `dpkg -r`.

# Dependencies: PyInstaller copies nearly every library into the bundle; what it leaves to
# the system is glibc, the OpenGL/EGL dispatch libraries (libglvnd) and libxcb. The bundle's
# binaries are linked against the build machine's glibc: the newest GLIBC_x.y symbol version
# they use is the oldest glibc they run on, so dpkg refuses an older system up front instead
# of the app failing at start (build on the oldest target: docs/packaging-deb.md).
glibc="$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
if [ -z "$glibc" ]; then
  echo "build-deb.sh: could not read the glibc version the bundle needs (objdump, from binutils)" >&2
  exit 2
fi
depends="libc6 (>= $glibc), libgl1, libegl1, libxcb1"

size_kb="$(du -sk --apparent-size "$pkg" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" \
  -e "s/@DEPENDS@/$depends/" "$here/control.in" >"$pkg/DEBIAN/control"

mkdir -p "$out"
deb="$out/drafter_${version}_${arch}.deb"
# gzip: every dpkg 统信UOS and 麒麟 ship reads it (zstd needs dpkg ≥ 1.21.18).
dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$deb" >/dev/null
echo "package: $deb"
