#!/usr/bin/env bash
# Refreshes the Russian and Ukrainian catalogues from the UI sources (and the core's
# operator messages, app/messages.py, raised in app/ and integrations/) and compiles
# them. Translate new strings in resources/translations/*.ts (Qt Linguist:
# pyside6-linguist), then run this again to rebuild the shipped .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
"$BIN/pyside6-lupdate" -no-obsolete ui/*.py ui/*/*.py app/*.py \
  integrations/*.py integrations/email/*.py \
  -ts resources/translations/switchboard_ru.ts resources/translations/switchboard_uk.ts
for lang in ru uk; do
  "$BIN/pyside6-lrelease" "resources/translations/switchboard_${lang}.ts" \
    -qm "resources/translations/switchboard_${lang}.qm"
done
