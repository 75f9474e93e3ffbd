# Builds the Lambda deployment package for `sam build` (BuildMethod: makefile in template.yaml).
# SAM calls `make build-<FunctionLogicalId>` once per function with ARTIFACTS_DIR set; the
# functions (api, controller, alarm, and the tick's shard worker) share one package, so Maven runs once and the other targets only copy. (SAM's own
# Maven builder cannot build a multi-module project.)
#
# Without SAM: `make package` builds functions/target/flightplan-functions-lambda.zip.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c

PACKAGE_ZIP := functions/target/flightplan-functions-lambda.zip

# Everything the package is built from: when none of it is newer than the zip, Maven is skipped.
SOURCES := pom.xml core/pom.xml infra/pom.xml functions/pom.xml functions/src/assembly/lambda.xml \
	functions/src/proguard/lambda.pro \
	$(shell find core/src/main infra/src/main functions/src/main -type f 2>/dev/null)

.PHONY: package build-ApiFunction build-ControllerFunction build-AlarmFunction build-TickWorkerFunction

package: $(PACKAGE_ZIP)

$(PACKAGE_ZIP): $(SOURCES)
	. scripts/java-home.sh && pick_java_home && ./mvnw -B -q -ntp -pl functions -am package -DskipTests
	touch $@

build-ApiFunction build-ControllerFunction build-AlarmFunction build-TickWorkerFunction: $(PACKAGE_ZIP)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 1; }
	rm -rf "$(ARTIFACTS_DIR)/lib"
	mkdir -p "$(ARTIFACTS_DIR)"
	. scripts/java-home.sh && pick_java_home && cd "$(ARTIFACTS_DIR)" && "$$JAVA_HOME/bin/jar" -xf "$(CURDIR)/$(PACKAGE_ZIP)"
