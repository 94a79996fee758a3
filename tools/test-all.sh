#!/usr/bin/env bash
# Every test ThucHoc has, in the order CI runs them. Needs PostgreSQL on
# 127.0.0.1:5432 (trust auth, user postgres), Redis on 127.0.0.1:6379 and
# Debian's Chromium at /usr/bin/chromium (.ci/run installs and starts them).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC
# CI always runs every task for real; locally Nx may replay unchanged results.
nx() { npx nx "$@" --outputStyle=static ${CI:+--skip-nx-cache}; }

echo "== lint (module boundaries included) and formatting"
nx run-many -t lint
npx prettier --check .
echo "== unit tests"
nx run-many -t test
echo "== build"
nx run-many -t build -p api worker web
echo "== API end-to-end (real PostgreSQL + Redis, own database per run)"
nx run api-e2e:e2e
echo "== smoke run on the embedded engines"
nx run smoke-e2e:e2e
echo "== browser journeys (Playwright, Debian Chromium)"
if ! nx run web-e2e:e2e; then
  # The product the journeys ran against logs every request: its end shows
  # what the server saw of a failed step (screenshots are in test-results/).
  echo "== last lines of the product's log (test-results/web-e2e-api.log)"
  node tools/log-tail.mjs test-results/web-e2e-api.log 150
  exit 1
fi
