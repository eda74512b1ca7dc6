#!/usr/bin/env bash
# Build dist/drafter_<version>_amd64.deb (for 统信UOS, 麒麟 and Debian/Ubuntu on amd64) from the
# one-folder bundle, with dpkg-deb only:
#   /opt/drafter/                          the bundle (drafter, drafter-app, _internal/)
#   /usr/bin/drafter -> /opt/drafter/drafter
#   /usr/share/applications/drafter.desktop            Office entry, opens draft files
#   /usr/share/icons/hicolor/scalable/apps/drafter.svg the app's icon (ui/drafter.svg)
#   /usr/share/mime/packages/drafter.xml               the draft file type
#
#   bash packaging/build-deb.sh [BUNDLE_DIR [OUT_DIR]]
#
# Without BUNDLE_DIR, packaging/build.sh builds the bundle into dist/drafter first.
# arm64 (鲲鹏/飞腾) is not built here: see docs/packaging-arm64.md.
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
  echo "build-deb.sh: this builds the amd64 package; this machine is $arch (see docs/packaging-arm64.md)" >&2
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
install -m 755 "$here/postinst" "$here/postrm" "$pkg/DEBIAN/"

size_kb="$(du -sk --apparent-size "$pkg" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" \
  "$here/control.in" >"$pkg/DEBIAN/control"

mkdir -p "$out"
deb="$out/drafter_${version}_${arch}.deb"
# gzip: every dpkg 统信UOS and 麒麟 ship reads it (zstd needs dpkg ≥ 1.21.18).
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >/dev/null
echo "package: $deb"
