#!/usr/bin/env bash
# The whole suite: type check, lint, XSS scan, unit and integration tests on SQLite and
# (when TEST_DATABASE_URL is set) PostgreSQL, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "type check"
npx tsc --noEmit
step "lint"
npx eslint .
step "XSS scan of the views"
npx xss-scan

# Unit tests live beside the code; integration tests go through the real app and a database.
unit=$(find src -name '*.test.ts' -o -name '*.test.tsx' | sort)
integration=$(find test/integration -name '*.test.ts' | sort)
browser=$(find test/browser -name '*.test.ts' | sort)

step "unit and integration tests on SQLite"
TEST_DB=sqlite npx tsx --test --test-concurrency=2 $unit $integration

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests on PostgreSQL"
  TEST_DB=postgres npx tsx --test --test-concurrency=2 $integration
else
  step "PostgreSQL skipped: set TEST_DATABASE_URL=postgres://user@host:port/postgres to run the integration tests on it"
fi

if [ -n "$browser" ]; then
  step "browser tests (Chromium)"
  TEST_DB=sqlite npx tsx --test --test-concurrency=1 $browser
fi
