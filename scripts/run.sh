#!/usr/bin/env bash
# Installs Switchboard on a Debian/Ubuntu desktop and starts it on the embedded
# default: a SQLite file in your user data folder and the built-in demo line
# (Call > Call the demo line), so a test call needs no PBX.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
ensure_debs "${RUNTIME_DEBS[@]}"
ensure_venv ""
exec .venv/bin/switchboard "$@"
