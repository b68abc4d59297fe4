#!/bin/sh
# Put Press Reader in the applications menu: a .desktop file and icon for this user, pointing at
# the folder this script is in. Run it once after unpacking (and again if the folder moves).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/press-reader.png" "$icons/press-reader.png"
sed -e "s|^Exec=.*|Exec=\"$here/press-reader\"|" -e "s|^Icon=.*|Icon=$icons/press-reader.png|" \
    -e '/^# /d' "$here/press-reader.desktop" > "$apps/press-reader.desktop"
chmod +x "$apps/press-reader.desktop"
echo "Press Reader is in the applications menu ($apps/press-reader.desktop)."
