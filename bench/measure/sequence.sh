#!/usr/bin/env bash
# RSS after a W1, W2, W3 sequence like bench/run-http's, in one JVM, for each set of JVM options, alternating.
# usage: bench/measure/sequence.sh [--port P] [--seconds "W1 W2 W3"] [--detail DIR] [--bare] ROUNDS JAR label="JVM OPTIONS" ...
#   --bare: JAR is bench's roster-bench.jar and the server its bare endpoint (on bench/work/bodies, which
#   bench/run-http captures), to see what the same options do there.
#   every server gets -Xmx1g first, then the label's options (an empty string for none; NAME=VALUE words among them,
#   say MALLOC_ARENA_MAX=2, go to the environment instead). --detail DIR also writes, per
#   label and round, a GC log, a class histogram and an NMT summary after W3 (NMT on: costs a little RSS itself).
# Works in bench/work of the worktree it is run from (needs sqlite-100000.db and sqlite-100000/ids.txt).
set -euo pipefail
port=18415 seconds="30 60 30" detail= bare=no
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --detail) detail=$(realpath -m "$2"); shift 2 ;;
    --bare) bare=yes; shift ;;
    *) break ;;
  esac
done
rounds=$1 jar=$(realpath "$2"); shift 2
read -r s1 s2 s3 <<<"$seconds"
cd "$(dirname "$0")/../work"
base=/c/demo/auth/scim/v2
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$1/status; }
for round in $(seq 1 "$rounds"); do
  for pair in "$@"; do
    label=${pair%%=*} opts=${pair#*=}
    rm -f seq-$port.db seq-$port.db-wal seq-$port.db-shm; cp sqlite-100000.db seq-$port.db
    rm -rf seq-$port-state; cp -r sqlite-100000 seq-$port-state; chmod -R u+w seq-$port-state
    extra=() envs=() jvm=()
    for word in $opts; do
      if [[ $word == -* ]]; then jvm+=("$word"); else envs+=("$word"); fi
    done
    if [ -n "$detail" ]; then
      mkdir -p "$detail"
      extra=(-XX:NativeMemoryTracking=summary "-Xlog:gc*:file=$detail/$label-$round-gc.log")
    fi
    if [ $bare = yes ]; then
      token=bare-endpoint-token
      env "${envs[@]}" java -Xmx1g "${jvm[@]}" "${extra[@]}" -cp "$jar" dev.roster.bench.BareEndpoint "$port" \
        "$token" bodies > seq-$port.log 2>&1 &
      pid=$!
      trap 'kill $pid 2>/dev/null' EXIT
      until grep -q "listening on" seq-$port.log; do sleep 0.5; kill -0 $pid; done
    else
      env ROSTER_ADMIN_PASSWORD=bench "${envs[@]}" java -Xmx1g "${jvm[@]}" "${extra[@]}" -jar "$jar" --port "$port" \
        --db seq-$port.db > seq-$port.log 2>&1 &
      pid=$!
      trap 'kill $pid 2>/dev/null' EXIT
      until grep -q "listening on" seq-$port.log; do sleep 0.5; kill -0 $pid; done
      token=
      for attempt in $(seq 1 30); do
        token=$(curl -s -X POST -H 'Content-Type: application/json' -u admin:bench \
          http://127.0.0.1:$port/c/demo/admin/api/scim-token \
          | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' 2>/dev/null) && break
        sleep 1
      done
      [ -n "$token" ] || { echo "$label round $round: no token" >&2; exit 1; }
    fi
    url=http://127.0.0.1:$port
    started=$(rss $pid)
    r1=$(wrk -t2 -c32 -d${s1}s --timeout 10s -s ../wrk/w1-lookup.lua $url -- $base "$token" 100000 | awk '/Requests\/sec/ {print int($2)}')
    a1=$(rss $pid)
    r2=$(wrk -t2 -c32 -d${s2}s --timeout 10s -s ../wrk/w2-flip.lua $url -- $base "$token" seq-$port-state/ids.txt seq-$port-state 0 | awk '/Requests\/sec/ {print int($2)}')
    a2=$(rss $pid)
    r3=$(wrk -t2 -c32 -d${s3}s --timeout 10s -s ../wrk/w3-page.lua $url -- $base "$token" | awk '/Requests\/sec/ {print int($2)}')
    a3=$(rss $pid)
    cpu=$(awk '{print int(($14+$15)/100)}' /proc/$pid/stat)
    # the GC's share of the process's CPU: G1's and Serial's threads by name (GC Thread#n, G1 Conc#n, G1 Refine#n,
    # G1 Service, VM Thread, which runs the pauses of SerialGC)
    gc=$(for task in /proc/$pid/task/*; do
           name=$(cat "$task/comm"); ticks=$(awk '{print $14+$15}' "$task/stat" 2>/dev/null || echo 0)
           case "$name" in "GC Thread"*|"G1 "*|"VM Thread") echo "gc $ticks" ;; *) echo "other $ticks" ;; esac
         done | awk '$1 == "gc" {g += $2} {t += $2} END {printf "%.1f", t ? 100 * g / t : 0}')
    echo "$label round $round: RSS MiB start $started, after W1 $a1, W2 $a2, W3 $a3; req/s W1 $r1 W2 $r2 W3 $r3; CPU s $cpu, GC threads $gc %; opts: $opts"
    if [ -n "$detail" ]; then
      # before the histogram: its full GC shrinks the heap
      jcmd $pid GC.heap_info > "$detail/$label-$round-heap.txt" 2>&1 || true
      jcmd $pid VM.native_memory summary > "$detail/$label-$round-nmt.txt" 2>&1 || true
      jcmd $pid GC.class_histogram > "$detail/$label-$round-histo.txt" 2>&1 || true
      echo "RSS MiB after the histogram's full GC: $(rss $pid)" >> "$detail/$label-$round-heap.txt"
    fi
    kill $pid; wait $pid || true
  done
done
