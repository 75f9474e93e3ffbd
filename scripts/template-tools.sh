# Sourced by the scripts: the template checkers from PyPI, pinned, in the same .venv as moto
# (installed together with moto's pin, so one resolver run keeps them compatible), and the fast
# template check that scripts/test runs. checkov has a venv of its own, .venv-checkov: it pins a
# boto3 that the SAM CLI's pin excludes. No AWS credentials are needed for any of it.

CFN_LINT_VERSION="1.58.0"
SAM_CLI_VERSION="1.170.0"
CHECKOV_VERSION="3.3.30"

ensure_template_tools() {
  local venv=".venv"
  if [ -x "$venv/bin/cfn-lint" ] && [ -x "$venv/bin/sam" ] &&
    "$venv/bin/python" - "$CFN_LINT_VERSION" "$SAM_CLI_VERSION" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version
sys.exit(version("cfn-lint") != sys.argv[1] or version("aws-sam-cli") != sys.argv[2])
PY
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 is needed to install cfn-lint and the SAM CLI for the template checks." >&2
    echo "       Install Python 3, or set FLIGHTPLAN_SKIP_TEMPLATE_CHECK=1 to leave them out." >&2
    return 1
  fi
  echo "Installing cfn-lint==$CFN_LINT_VERSION and aws-sam-cli==$SAM_CLI_VERSION into $venv ..."
  [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION" "cfn-lint==$CFN_LINT_VERSION" "aws-sam-cli==$SAM_CLI_VERSION"
}

# The SAM CLI without telemetry, with a region and no profile: nothing here talks to AWS.
sam_cli() {
  SAM_CLI_TELEMETRY=0 AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
    .venv/bin/sam "$@"
}

ensure_checkov() {
  local venv=".venv-checkov"
  if [ -x "$venv/bin/checkov" ] &&
    "$venv/bin/python" -c "import sys; from importlib.metadata import version; sys.exit(version('checkov') != '$CHECKOV_VERSION')" 2>/dev/null; then
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 is needed to install checkov for the template checks." >&2
    echo "       Install Python 3, or set FLIGHTPLAN_SKIP_TEMPLATE_CHECK=1 to leave them out." >&2
    return 1
  fi
  echo "Installing checkov==$CHECKOV_VERSION into $venv ..."
  [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
}

# checkov's CloudFormation checks, offline. Fails on any finding the template does not suppress
# (Metadata: checkov: skip, each with its reason). checkov exits 0 on a file it cannot parse, so
# the summary must also show that checks ran and nothing failed to parse.
scan_template() {
  ensure_checkov
  echo "checkov $CHECKOV_VERSION: template.yaml"
  local report summary
  if ! report=$(.venv-checkov/bin/checkov --file template.yaml --framework cloudformation \
    --compact --quiet --skip-download 2>&1); then
    echo "$report" >&2
    return 1
  fi
  summary=$(grep -E '^Passed checks: [1-9][0-9]*, Failed checks: 0, Skipped checks: [0-9]+$' <<<"$report") || {
    echo "$report" >&2
    echo "error: checkov ran no check on template.yaml, or could not parse it" >&2
    return 1
  }
  echo "$summary"
}

# cfn-lint (zero findings; suppressions live in the template with their reason),
# `sam validate --lint` and checkov (no unsuppressed finding). Several seconds.
lint_template() {
  ensure_template_tools
  echo "cfn-lint $CFN_LINT_VERSION: template.yaml"
  .venv/bin/cfn-lint template.yaml
  echo "sam validate --lint (SAM CLI $SAM_CLI_VERSION)"
  sam_cli validate --lint --region us-east-1 --template-file template.yaml
  scan_template
}
