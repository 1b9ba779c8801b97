#!/bin/sh
# After removal: refresh the desktop's caches. The user's own data (database,
# config, logs under ~/.local/share, ~/.config, ~/.local/state /Switchboard) is
# never touched, not even on purge: it belongs to the user, not to the package.
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
