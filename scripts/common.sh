# Shared by scripts/run.sh and scripts/test.sh: Debian packages and the venv.
# shellcheck shell=bash

# Installs the Debian packages in "$@" that are missing (sudo when not root).
ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Creates .venv with Python 3.11 or 3.12 (the pjsua2 wheel stops at 3.12) and
# installs the project with the extras given as $1 (e.g. "test"), editable.
ensure_venv() {
  local extras=${1:-} py=${PYTHON:-} candidate
  if [ -z "$py" ]; then
    for candidate in python3.12 python3.11 python3; do
      if command -v "$candidate" >/dev/null &&
         "$candidate" -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] <= (3,12)))'; then
        py=$candidate; break
      fi
    done
  fi
  if [ -z "$py" ]; then
    echo "Python 3.11 or 3.12 is needed (the pjsua2 wheel stops at 3.12)." >&2
    return 1
  fi
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
}

# What Qt's xcb platform and QtMultimedia need on a desktop Debian/Ubuntu.
RUNTIME_DEBS=(
  python3 python3-venv
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
  libpulse0
)
