#!/usr/bin/env bash
# Runs every test of the solution and ends with one plain line: "N passed, N failed[, N skipped]".
# Installs what the tests need on a fresh Debian machine (Chromium for the browser tests, PostgreSQL for the second
# pass of the integration suite and the several-instances tests) when it is missing, and starts a throw-away
# PostgreSQL cluster on a temporary directory and port for the run; it is stopped and removed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -d tests/Dashboard.BrowserTests ]; then
  echo "Installing Chromium for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium >/dev/null
fi

pg=$(bash tests/postgres-cluster.sh start) || { echo "0 passed, 1 failed"; exit 1; }
pg_dir=$(sed -n 1p <<<"$pg")
trap 'bash tests/postgres-cluster.sh stop "$pg_dir"' EXIT
export DASHBOARD_TEST_POSTGRES=$(sed -n 2p <<<"$pg")

log=$(mktemp)
# Every test, on SQLite (the default store). Built once with every core, then one test project after another: the
# browser tests share two cores badly with the integration suite's thousands of requests.
dotnet build Dashboard.sln --nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  dotnet test Dashboard.sln --nologo --no-build -m:1 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
fi

# The integration suite again, on PostgreSQL, but for the test classes that run once (see Support/TestRuns.cs): the
# drills that kill processes or fill a disk under a SQLite file, the tests of the HTTP edge, and the several-instances
# and store-move tests, which choose their databases themselves and already ran above.
DASHBOARD_TEST_PROVIDER=PostgreSQL dotnet test tests/Dashboard.Tests --nologo --no-build --filter "Runs!=Once" 2>&1 | tee -a "$log"
pg_status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then status=$pg_status; fi

# dotnet test prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
read -r passed failed skipped < <(grep -E "^(Passed|Failed)! +- Failed:" "$log" | awk -F'[:,]' \
  '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
summary="${passed:-0} passed, ${failed:-0} failed"
if [ "${skipped:-0}" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
exit "$status"
