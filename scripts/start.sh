#!/usr/bin/env bash
# npm start: install dependencies if needed, then serve the app on http://127.0.0.1:5173
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec npx vite --host 127.0.0.1 --port 5173 --strictPort
