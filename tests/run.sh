#!/usr/bin/env bash
# Runs every test of the solution and ends with one plain line: "N passed, N failed[, N skipped]".
# Installs what the tests need on a fresh Debian machine (Chromium for the browser tests) when it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -d tests/Dashboard.BrowserTests ]; then
  echo "Installing Chromium for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium >/dev/null
fi

log=$(mktemp)
dotnet test Dashboard.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
read -r passed failed skipped < <(grep -E "^(Passed|Failed)! +- Failed:" "$log" | awk -F'[:,]' \
  '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
summary="${passed:-0} passed, ${failed:-0} failed"
if [ "${skipped:-0}" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
exit "$status"
