#!/usr/bin/env bash
# The server's memory by part after W2: NMT summary and RSS. usage: bench/measure/nmt.sh [--port P] [SECONDS [JAR]]
set -euo pipefail
port=18216
if [ "${1:-}" = --port ]; then port=$2; shift 2; fi
cd "$(dirname "$0")/../work"
rm -f nmt-run.db nmt-run.db-wal nmt-run.db-shm; cp sqlite-100000.db nmt-run.db
rm -rf nmt-state; cp -r sqlite-100000 nmt-state; chmod -R u+w nmt-state
ROSTER_ADMIN_PASSWORD=bench java -Xmx1g -XX:NativeMemoryTracking=summary -jar "${2:-branch.jar}" --port "$port" --db nmt-run.db > nmt-server.log 2>&1 &
pid=$!
until grep -q "listening on" nmt-server.log; do sleep 0.5; done
token=$(curl -s -X POST -H 'Content-Type: application/json' -u admin:bench \
  http://127.0.0.1:$port/c/demo/admin/api/scim-token | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
wrk -t2 -c32 -d${1:-90}s --timeout 10s -s ../wrk/w2-flip.lua http://127.0.0.1:$port -- /c/demo/auth/scim/v2 \
  "$token" nmt-state/ids.txt nmt-state 0 | grep requests
grep VmRSS /proc/$pid/status
jcmd $pid VM.native_memory summary | grep -E "committed|Total" | head -30
kill $pid; wait $pid || true
