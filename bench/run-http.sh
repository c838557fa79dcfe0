#!/usr/bin/env bash
# The HTTP benchmarks: requests per second with wrk on 127.0.0.1, side by side in one run.
#
#   Java (Jersey on Grizzly, HttpBenchServer), one JVM per app:
#     java-plain        no feature (the baseline)
#     java-plaincookie  no feature, but /write sends a constant Set-Cookie as long as the tracker's:
#                       what the bigger response alone costs (a control, reported)
#     java-sealfloor    no feature, but /write sends a fresh seal made by hand with the JCA (keys
#                       derived once): what the bytes and the crypto alone cost (a control, reported)
#     java-tracker      the feature, verified-seal cache on (the defaults)
#     java-nocache      the feature, cache off
#   Node (Express 5 + cookie-parser, bench/node/http-app.js): node-plain, node-tracker (tracker-cookie 1.0.2)
#
# Endpoints: /read (reads an unchanged tracker) and /write (changes it on every request). Every
# request carries the same cookie (bench/http/cookie.lua). /write-chained is /write as a browser
# drives it: each request sends back the cookie the last response set (bench/http/chained.lua),
# so every request brings a seal the server wrote moments before. PATHS picks paths:
#   PATHS="/write /write-chained" bench/run-http.sh
#
#   bench/run-http.sh              # 45 s JIT warm-up per Java app and path, then 8 rounds x 3 s (~15 min)
#   QUICK=1 bench/run-http.sh      # a smoke run: short warm-up, 2 rounds x 2 s
#   HTTP_WARM=60 HTTP_ROUNDS=12 HTTP_SECONDS=3 bench/run-http.sh
#   TARGETS="java-plain java-tracker" bench/run-http.sh   # only these servers
#
# Why this shape (see BENCHMARKS.md): on this 2-core VM one app's throughput drifts by +-20 % over
# tens of seconds, and a JVM needs 30-60 s under load before its JIT settles. So each Java app has
# its own JVM (apps sharing one share JIT profiles, and alternating the load between them made the
# JIT recompile shared code), every app is warmed until compilation settles, and the measured rounds
# are short and alternate the targets (A B C ... A B C). A ratio is taken within each round, between
# runs seconds apart, and the table gives the median of those per-round ratios beside the mean
# requests/s. For the Java apps it also gives heap bytes allocated per request (HotSpot's per-thread
# counters) and GC time per request (the collectors' own times; with G1 its pauses), both asked for
# over each server's stdin before and after each run. Results land in
# target/bench/ (http.tsv, http.md). Load is bounded: fixed durations, 32 connections, loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

if [[ "${QUICK:-}" == 1 ]]; then
  seconds=${HTTP_SECONDS:-2}; rounds=${HTTP_ROUNDS:-2}; warm=${HTTP_WARM:-5}; node_warm=2
else
  seconds=${HTTP_SECONDS:-3}; rounds=${HTTP_ROUNDS:-8}; warm=${HTTP_WARM:-45}; node_warm=10
fi
connections=32
threads=2
read -r -a paths <<< "${PATHS:-/read /write /write-chained}"
all_targets="java-plain java-plaincookie java-sealfloor java-tracker java-nocache node-plain node-tracker"
read -r -a targets <<< "${TARGETS:-$all_targets}"
has_target() { [[ " ${targets[*]} " == *" $1 "* ]]; }

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null
fi
if [[ " ${targets[*]} " == *" node-"* && ! -d bench/node/node_modules/tracker-cookie ]]; then
  echo "== npm ci (bench/node)" >&2
  (cd bench/node && npm ci --no-audit --no-fund --silent)
fi

echo "== compiling the bench app" >&2
mvn -q -B -Pbench -Dskip.npm -DskipTests test-compile
cp=$(mvn -q -B -Pbench -Dskip.npm exec:exec -Dexec.executable=echo -Dexec.args=%classpath \
  -Dexec.classpathScope=test -Dstyle.color=never | sed "s/\x1b\[[0-9;]*m//g" | grep /classes | tail -1)

# A fixed benchmark password, the same on both sides (a secret in no other place).
export TRACKER_PASSWORD=${TRACKER_PASSWORD:-Cedhg8SrStwK_qTLKv3GbhG8VfVEnGs_9ZcxefNCjEs}

pids=()
declare -A port in_fd
cleanup() {
  for fd in "${in_fd[@]}"; do
    eval "exec $fd>&-" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

port_of() { # ports-file key
  for _ in $(seq 1 120); do
    if grep -q "^{" "$1"; then
      grep "^{" "$1" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8"))[process.argv[1]]);' "$2"
      return
    fi
    sleep 0.5
  done
  echo "server did not start; see ${1%.ports}-server.log" >&2
  exit 1
}

# Each server exits when its stdin (a fifo held open here) closes. Java servers start one after
# another: each writes the cookie file (a fresh seal; all open under the same password).
for t in "${targets[@]}"; do
  [[ $t == java-* ]] || continue
  app=${t#java-}
  rm -f "$out/$t.in" "$out/$t.ports"
  mkfifo "$out/$t.in"
  java -cp "$cp" io.trackercookie.bench.HttpBenchServer "$out/cookie.txt" "$app" \
    < "$out/$t.in" > "$out/$t.ports" 2> "$out/$t-server.log" &
  pids+=($!)
  exec {fd}> "$out/$t.in"
  in_fd[$t]=$fd
  port[$t]=$(port_of "$out/$t.ports" "$app")
done
if [[ " ${targets[*]} " == *" node-"* ]]; then
  rm -f "$out/node.in" "$out/node.ports"
  mkfifo "$out/node.in"
  node bench/node/http-app.js < "$out/node.in" > "$out/node.ports" 2> "$out/node-server.log" &
  pids+=($!)
  exec {fd}> "$out/node.in"
  in_fd[node]=$fd
  port[node-plain]=$(port_of "$out/node.ports" plain)
  port[node-tracker]=$(port_of "$out/node.ports" tracker)
fi

# Sanity: each tracked endpoint reads the cookie (visits=42) and /write answers 43.
for t in java-tracker java-nocache node-tracker; do
  has_target "$t" || continue
  body=$(curl -s -H "Cookie: persistent-information=$(cat "$out/cookie.txt")" "http://127.0.0.1:${port[$t]}/read")
  [[ "$body" == "visits=42" ]] || { echo "$t /read answered '$body', expected visits=42" >&2; exit 1; }
  body=$(curl -s -H "Cookie: persistent-information=$(cat "$out/cookie.txt")" "http://127.0.0.1:${port[$t]}/write")
  [[ "$body" == "visits=43" ]] || { echo "$t /write answered '$body', expected visits=43" >&2; exit 1; }
done

# The floor's seal is a real one: the tracker app opens it and reads the visits it wrote.
if has_target java-sealfloor && has_target java-tracker; then
  floor_cookie=$(curl -s -D - -o /dev/null -H "Cookie: persistent-information=$(cat "$out/cookie.txt")" \
    "http://127.0.0.1:${port[java-sealfloor]}/write" | sed -n 's/^Set-Cookie: persistent-information=\([^;]*\);.*/\1/p')
  body=$(curl -s -H "Cookie: persistent-information=$floor_cookie" "http://127.0.0.1:${port[java-tracker]}/read")
  [[ "$body" == "visits=43" ]] || { echo "the tracker read '$body' from sealfloor's seal, expected visits=43" >&2; exit 1; }
fi

export COOKIE_FILE="$out/cookie.txt"
run_wrk() { # target path seconds -> "requests/s requests"
  local script=bench/http/cookie.lua url_path=$2
  if [[ $2 == /write-chained ]]; then
    script=bench/http/chained.lua url_path=/write
  fi
  wrk -t"$threads" -c"$connections" -d"$3"s -s "$script" "http://127.0.0.1:${port[$1]}$url_path" \
    | awk '/ requests in / {n = $1} /^Requests\/sec:/ {r = $2} /Non-2xx/ {print "non-2xx: " $0 > "/dev/stderr"}
           END {print r, n}'
}
java_stats() { # target -> "bytes gc-ms": allocated so far by that Java server's threads, GC time so far
  local before file=$out/$1.ports
  before=$(grep -c '^stats ' "$file" || true)
  echo stats >&"${in_fd[$1]}"
  for _ in $(seq 1 100); do
    if (( $(grep -c '^stats ' "$file" || true) > before )); then
      grep '^stats ' "$file" | tail -1 | awk '{print $2, $4}'
      return
    fi
    sleep 0.05
  done
  echo 0 0
}

echo "== warm-up: $warm s per Java app and path, $node_warm s per Node app and path" >&2
for path in "${paths[@]}"; do
  for t in "${targets[@]}"; do
    run_wrk "$t" "$path" "$([[ $t == java-* ]] && echo "$warm" || echo "$node_warm")" >/dev/null
  done
done

: > "$out/http.tsv"
for round in $(seq 1 "$rounds"); do
  for path in "${paths[@]}"; do
    for t in "${targets[@]}"; do
      per_request=n/a
      gc_us=n/a
      [[ $t == java-* ]] && read -r a0 g0 <<< "$(java_stats "$t")"
      read -r rps requests < <(run_wrk "$t" "$path" "$seconds")
      if [[ $t == java-* ]]; then
        read -r a1 g1 <<< "$(java_stats "$t")"
        per_request=$(( (a1 - a0) / (requests > 0 ? requests : 1) ))
        gc_us=$(awk -v ms=$((g1 - g0)) -v n="$requests" 'BEGIN {printf "%.3f", (n > 0 ? ms * 1000 / n : 0)}')
      fi
      echo "round $round  $t $path  $rps req/s  $per_request B/request  GC $gc_us µs/request" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$path" "$rps" "$per_request" "$gc_us" >> "$out/http.tsv"
    done
  done
done

{
  echo "### HTTP (wrk, $threads threads, $connections connections, 127.0.0.1, one JVM per Java app, $warm s warm-up, $rounds rounds x $seconds s per target)"
  echo
  node bench/http-report.js "$out/http.tsv" "$all_targets"
} | tee "$out/http.md"
