#!/usr/bin/env bash
# npm test: installs what it needs, then typecheck, lint, bundle budget, unit tests and Playwright tests.
# Every stage runs even if an earlier one fails; the last line sums the tests: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1
echo "━━ set-up took $SECONDS s"

out=$(mktemp -d)
failed_stages=()
timings=("set-up $SECONDS s")
stage() {
  local name=$1
  shift
  echo
  echo "━━ $name"
  local started=$SECONDS
  if ! "$@"; then failed_stages+=("$name"); fi
  echo "━━ $name took $((SECONDS - started)) s"
  timings+=("$name $((SECONDS - started)) s")
}

stage typecheck npm run -s typecheck
stage lint npx biome check --error-on-warnings .
stage "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
stage "browser tests" env PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test
stage "bundle budget" node scripts/bundle-budget.mjs

echo; echo "Stage times: $(IFS=';'; echo "${timings[*]}")"
node scripts/summary.mjs "$out/vitest.json" "$out/playwright.json" "${failed_stages[@]}"
status=$?
rm -rf "$out"
exit $status
