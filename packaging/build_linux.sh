#!/usr/bin/env bash
# Freezes Switchboard with PyInstaller and packs the folder as a .deb, an .rpm
# (nfpm) and a .tar.xz. Run from anywhere; output goes to dist/.
#
#   bash packaging/build_linux.sh            # everything
#   SKIP_FREEZE=1 ...                        # reuse dist/switchboard/
#   FORMATS="deb" ...                        # only some of: deb rpm tar
#
# Needs the project installed with the `package` extra in the venv given by
# PYTHON (default: .venv/bin/python): pip install -e ".[package]".
# Env: SWITCHBOARD_RELEASE (package release, default 1), DEB_COMPRESSION
# (zstd: fast; xz: ~3x slower to build, smaller), XZ_LEVEL (tarball, default 6).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-.venv/bin/python}
FORMATS=${FORMATS:-deb rpm tar}
BIN=$(dirname "$PYTHON")

VERSION=$("$PYTHON" -c 'from app.version import app_version; print(app_version())')
echo "== Switchboard $VERSION"

if [ -z "${SKIP_FREEZE:-}" ]; then
  echo "== PyInstaller"
  "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/switchboard.spec
fi
BUNDLE=$ROOT/dist/switchboard
[ -x "$BUNDLE/switchboard" ] || { echo "no frozen app in $BUNDLE" >&2; exit 1; }
echo "bundle: $(du -sh "$BUNDLE" | cut -f1)"

# The bundle runs on a glibc at least as new as the newest symbol version it uses
# (the build machine's, in practice): that goes into the packages' libc dependency.
GLIBC=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name switchboard \) -print0 |
  xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' |
  sort -u -V | tail -1)
[ -n "$GLIBC" ] || { echo "could not read the bundle's glibc needs (objdump, binutils)" >&2; exit 1; }
echo "needs glibc >= $GLIBC"
export SWITCHBOARD_GLIBC=$GLIBC
export SWITCHBOARD_VERSION=$VERSION
export SWITCHBOARD_RELEASE=${SWITCHBOARD_RELEASE:-1}
export SWITCHBOARD_BUNDLE=$BUNDLE
export SWITCHBOARD_DEB_COMPRESSION=${DEB_COMPRESSION:-zstd}
export SWITCHBOARD_RPM_COMPRESSION=${RPM_COMPRESSION:-zstd}
NFPM=${NFPM:-$BIN/nfpm}
command -v "$NFPM" >/dev/null || NFPM=nfpm

# nfpm expands ${VAR} only in a few fields: fill the whole file here.
mkdir -p build
CONFIG=build/nfpm.yaml
"$PYTHON" - packaging/linux/nfpm.yaml "$CONFIG" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"\$\{(SWITCHBOARD_[A-Z_]+)\}", lambda m: os.environ[m.group(1)], text)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY

for format in $FORMATS; do
  case $format in
    deb|rpm)
      echo "== $format"
      "$NFPM" package --config "$CONFIG" --packager "$format" --target dist/
      ;;
    tar)
      echo "== tar.xz"
      tarball=dist/switchboard-$VERSION-linux-x86_64.tar.xz
      tar -C dist -cf - switchboard | xz -T0 "-${XZ_LEVEL:-6}" > "$tarball.tmp"
      mv "$tarball.tmp" "$tarball"
      ;;
    *) echo "unknown format $format" >&2; exit 2 ;;
  esac
done
ls -l dist/*.deb dist/*.rpm dist/*.tar.xz 2>/dev/null || true
