#!/usr/bin/env bash
# Checks the kiosk's systemd units: systemd-analyze verify (when this machine has it), and the command lines a
# store depends on: the browser in kiosk mode on the shopper page the server serves, restarted when it exits.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
display="$here/kiosk-display.service"
browser="$here/kiosk-browser.service"
fail() { echo "check-kiosk-units: $*" >&2; exit 1; }

if command -v systemd-analyze >/dev/null; then
  # --man=no: no manual pages needed; units name users and binaries a store has (kiosk, chromium), not this machine.
  out="$(systemd-analyze verify --man=no "$display" "$browser" 2>&1 || true)"
  bad="$(grep -v -e "Failed to resolve user" -e "is not executable: No such file" -e "^$" <<<"$out" || true)"
  [ -z "$bad" ] || fail "systemd-analyze verify: $bad"
  echo "systemd-analyze verify: ok"
else
  echo "systemd-analyze not found: syntax not verified, command lines checked"
fi

exec_line() { grep -E "^ExecStart=" "$1" | head -n1 | cut -d= -f2-; }
browser_cmd="$(exec_line "$browser")"
display_cmd="$(exec_line "$display")"
for flag in --kiosk --noerrdialogs --disable-pinch --overscroll-history-navigation=0; do
  grep -q -- "$flag" <<<"$browser_cmd" || fail "the browser runs without $flag"
done
url="$(grep -oE 'http://[^ ]+' <<<"$browser_cmd" | tail -n1)"
port="$(grep -oE ':[0-9]+' <<<"$url" | tr -d :)"
grep -q -- "--urls http://0.0.0.0:$port" <<<"$display_cmd" || fail "the browser opens $url but the server listens elsewhere: $display_cmd"
grep -q "^Restart=always" "$browser" || fail "the browser is not restarted when it exits"
grep -q "^Restart=always" "$display" || fail "the server is not restarted when it exits"
grep -q "^WantedBy=multi-user.target" "$display" || fail "the server does not start at boot"
grep -q "^WantedBy=graphical-session.target" "$browser" || fail "the browser does not start with the kiosk's session"
echo "kiosk units: ok ($url)"
