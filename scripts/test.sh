#!/usr/bin/env bash
# Installs everything the tests need on a Debian/Ubuntu machine and runs the whole suite.
# Debian packages: only the missing ones, via apt (sudo when not root).
# Python: a venv in .venv with the project and its test extras.
# Every server the tests use (PostgreSQL, Kamailio, baresip, gnome-keyring, Xvfb)
# is started by the tests themselves on 127.0.0.1 and stopped after.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  python3 python3-venv
  postgresql                                   # team database (tests start their own server)
  gnome-keyring dbus libsecret-tools           # a real Secret Service for keyring tests
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
  kamailio baresip linphone-cli                # SIP registrar/proxy and far-end phones
  pulseaudio                                   # null sink/source for QtMultimedia audio tests
)

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for candidate in python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] <= (3,12)))'; then
      PY=$candidate; break
    fi
  done
fi
[ -n "$PY" ] || { echo "Python 3.11 or 3.12 is needed (the pjsua2 wheel stops at 3.12)." >&2; exit 1; }

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"

echo "== ruff"; .venv/bin/ruff check app sip integrations ui tests bench
echo "== mypy"; .venv/bin/mypy
echo "== pytest"
# Servers the tests start must be there; a missing one fails rather than skips.
export SWITCHBOARD_REQUIRE_SERVERS=1
exec .venv/bin/python -m pytest "$@"
