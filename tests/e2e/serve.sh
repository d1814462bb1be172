#!/usr/bin/env bash
# Starts the Partner Portal backend for the Playwright tests (playwright.config.ts
# runs this as its webServer) on a fresh, empty data folder with the demo data.
#
# Needs, before `npm run test:e2e`:
#   - the backend installed in .venv (the `partner-portal` command);
#   - `npm run build`: the backend serves the built SPA from frontend/dist.
#
# The server is started with `exec` so that Playwright's stop signal reaches it
# directly; that leaves no shell behind to remove the data folder, so once the
# server runs, the folder stays in the system temp folder. It is removed only
# when migrating or seeding fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

port="${PARTNER_PORTAL_E2E_PORT:-8765}"

if [[ ! -f frontend/dist/index.html ]]; then
  echo "serve.sh: frontend/dist/index.html is missing; run 'npm run build' first." >&2
  exit 1
fi

PARTNER_PORTAL_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/partner-portal-e2e.XXXXXX")"
export PARTNER_PORTAL_DATA_DIR
export PARTNER_PORTAL_ENV=development
# Links in the email the tests read (invitations, password resets) point at this server.
export PARTNER_PORTAL_PUBLIC_URL="http://127.0.0.1:${port}"
echo "serve.sh: data folder ${PARTNER_PORTAL_DATA_DIR}" >&2
trap 'rm -rf -- "${PARTNER_PORTAL_DATA_DIR}"' EXIT

.venv/bin/partner-portal migrate
.venv/bin/partner-portal seed-demo

trap - EXIT
exec .venv/bin/partner-portal serve --host 127.0.0.1 --port "${port}"
