# Sourced by the scripts: the template checkers from PyPI, pinned, in the same .venv as moto
# (installed together with moto's pin, so one resolver run keeps them compatible), and the fast
# template check that scripts/test runs. No AWS credentials are needed for any of it.

CFN_LINT_VERSION="1.58.0"
SAM_CLI_VERSION="1.170.0"

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

# cfn-lint (zero findings; suppressions live in the template with their reason) and
# `sam validate --lint`. A few seconds.
lint_template() {
  ensure_template_tools
  echo "cfn-lint $CFN_LINT_VERSION: template.yaml"
  .venv/bin/cfn-lint template.yaml
  echo "sam validate --lint (SAM CLI $SAM_CLI_VERSION)"
  sam_cli validate --lint --region us-east-1 --template-file template.yaml
}
