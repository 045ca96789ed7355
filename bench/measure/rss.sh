#!/usr/bin/env bash
# RSS of the server under W2 (PATCH active of random users), sampled every 30 s, jars alternating.
# usage: bench/measure/rss.sh [--port P] ROUNDS SECONDS label=jar ...   (jar paths absolute or relative to bench/work)
set -euo pipefail
port=18215
if [ "${1:-}" = --port ]; then port=$2; shift 2; fi
cd "$(dirname "$0")/../work"
rounds=$1 seconds=$2; shift 2
for round in $(seq 1 "$rounds"); do
  for pair in "$@"; do
    label=${pair%%=*} jar=${pair#*=}
    rm -f rss-run.db rss-run.db-wal rss-run.db-shm; cp sqlite-100000.db rss-run.db
    rm -rf rss-state; cp -r sqlite-100000 rss-state; chmod -R u+w rss-state
    ROSTER_ADMIN_PASSWORD=bench java -Xmx1g -jar "$jar" --port "$port" --db rss-run.db > rss-server.log 2>&1 &
    pid=$!
    until grep -q "listening on" rss-server.log; do sleep 0.5; done
    token=$(curl -s -X POST -H 'Content-Type: application/json' -u admin:bench \
      http://127.0.0.1:$port/c/demo/admin/api/scim-token | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    start_rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    samples=""
    wrk -t2 -c32 -d${seconds}s --timeout 10s -s ../wrk/w2-flip.lua http://127.0.0.1:$port -- /c/demo/auth/scim/v2 \
      "$token" rss-state/ids.txt rss-state 0 > rss-wrk.log 2>&1 &
    wrkpid=$!
    for t in $(seq 30 30 "$seconds"); do sleep 30; samples="$samples $(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)"; done
    wait $wrkpid || true
    reqs=$(grep -Eo '[0-9]+ requests in' rss-wrk.log | grep -Eo '^[0-9]+')
    echo "$label round $round: RSS MiB at start $start_rss, every 30 s of W2:$samples; $reqs PATCHes"
    kill $pid; wait $pid || true
  done
done
