# Sourced by the scripts: the moto server (AWS-compatible, from PyPI) that the integration tests
# use for CloudWatch, SNS, SQS and Lambda. Installed into .venv on first use, started on a free
# port of 127.0.0.1, stopped when the calling script exits. DynamoDB Local needs nothing here:
# the tests start it in their own JVM.

MOTO_VERSION="5.2.5"

ensure_moto() {
  local venv=".venv"
  if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 is needed to install moto for the integration tests." >&2
    echo "       Install Python 3, or set FLIGHTPLAN_TEST_AWS_ENDPOINT to a running AWS-compatible server." >&2
    return 1
  fi
  echo "Installing moto[server]==$MOTO_VERSION into $venv ..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts moto and exports FLIGHTPLAN_TEST_AWS_ENDPOINT; keeps an endpoint that is already set.
start_moto() {
  if [ -n "${FLIGHTPLAN_TEST_AWS_ENDPOINT:-}" ]; then
    echo "Using the AWS-compatible endpoint in FLIGHTPLAN_TEST_AWS_ENDPOINT: $FLIGHTPLAN_TEST_AWS_ENDPOINT"
    return 0
  fi
  ensure_moto
  local port log
  port=$(free_port)
  mkdir -p target
  log="target/moto-server.log"
  .venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  MOTO_PID=$!
  trap stop_moto EXIT
  local url="http://127.0.0.1:$port"
  for _ in $(seq 1 60); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen('$url/moto-api/', timeout=1)" 2>/dev/null; then
      export FLIGHTPLAN_TEST_AWS_ENDPOINT="$url"
      echo "moto $MOTO_VERSION is serving on $url (log: $log)"
      return 0
    fi
    if ! kill -0 "$MOTO_PID" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  echo "error: moto did not start on $url; its log:" >&2
  cat "$log" >&2 || true
  return 1
}

stop_moto() {
  if [ -n "${MOTO_PID:-}" ] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
}
