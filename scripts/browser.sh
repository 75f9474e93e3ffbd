# Sourced by scripts/test: the dashboard's browser tests (DashboardBrowserIT) drive Chromium through
# its chromedriver. Finds both, or stops with how to install them (as java-home.sh does for the JDK).

check_browser() {
  local browser="${FLIGHTPLAN_CHROMIUM:-/usr/bin/chromium}"
  local driver="${FLIGHTPLAN_CHROMEDRIVER:-/usr/bin/chromedriver}"
  if [ -x "$browser" ] && [ -x "$driver" ]; then
    return 0
  fi
  echo "error: the dashboard's browser tests need Chromium and its chromedriver; $browser or $driver is missing." >&2
  echo "       On Debian or Ubuntu: sudo apt-get install -y chromium chromium-driver" >&2
  echo "       Elsewhere: install both and set FLIGHTPLAN_CHROMIUM and FLIGHTPLAN_CHROMEDRIVER to their paths." >&2
  return 1
}
