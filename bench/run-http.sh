#!/usr/bin/env bash
# The HTTP part of issue 7: requests per second with wrk on 127.0.0.1, side by side in one run.
#
#   Java (Jersey on Grizzly, HttpBenchServer, one JVM):  plain (no feature), tracker (the
#     feature, verified-seal cache on), nocache (the feature, cache off)
#   Node (Express 5 + cookie-parser, bench/node/http-app.js): plain, tracker (tracker-cookie 1.0.2)
#
# Endpoints: /read (reads an unchanged tracker) and /write (changes it on every request). Every
# request carries the same cookie (bench/http/cookie.lua), as one visitor's browser would.
#
#   bench/run-http.sh              # 2 rounds x 10 s per target after a 3 s warm-up, ~6 minutes
#   QUICK=1 bench/run-http.sh      # 1 round x 3 s, a smoke run
#   HTTP_SECONDS=20 HTTP_ROUNDS=3 bench/run-http.sh
#   TARGETS="java-plain java-tracker" bench/run-http.sh   # only these servers
#
# Rounds alternate the targets (A B C ... A B C), so a burst of load from elsewhere on a shared
# machine hits all of them alike; the table gives the mean of the rounds. For the Java targets it
# also gives the heap bytes allocated per request (all server threads, HotSpot's counters, asked
# for over the server's stdin before and after each run). Results land in
# target/bench/ (http.tsv, http.md). Load is bounded: fixed durations, 32 connections, loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

if [[ "${QUICK:-}" == 1 ]]; then
  seconds=${HTTP_SECONDS:-3}; rounds=${HTTP_ROUNDS:-1}; warm=2
else
  seconds=${HTTP_SECONDS:-10}; rounds=${HTTP_ROUNDS:-2}; warm=${HTTP_WARM:-3}
fi
connections=32
threads=2

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null
fi
if [[ ! -d bench/node/node_modules/tracker-cookie ]]; then
  echo "== npm ci (bench/node)" >&2
  (cd bench/node && npm ci --no-audit --no-fund --silent)
fi

echo "== compiling the bench app" >&2
mvn -q -B -Pbench -Dskip.npm -DskipTests test-compile
cp=$(mvn -q -B -Pbench -Dskip.npm exec:exec -Dexec.executable=echo -Dexec.args=%classpath \
  -Dexec.classpathScope=test -Dstyle.color=never | sed "s/\x1b\[[0-9;]*m//g" | grep /classes | tail -1)

# A fixed benchmark password, the same on both sides (a secret in no other place).
export TRACKER_PASSWORD=${TRACKER_PASSWORD:-tracker-cookie-benchmark-password-0123456789}

pids=()
cleanup() {
  exec 3>&- 4>&- 2>/dev/null || true
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Each server exits when its stdin (a fifo held open by this script) closes.
rm -f "$out/java.in" "$out/node.in" "$out/java.ports" "$out/node.ports"
mkfifo "$out/java.in" "$out/node.in"
java -cp "$cp" io.trackercookie.bench.HttpBenchServer "$out/cookie.txt" \
  < "$out/java.in" > "$out/java.ports" 2> "$out/java-server.log" &
pids+=($!)
exec 3> "$out/java.in"
node bench/node/http-app.js < "$out/node.in" > "$out/node.ports" 2> "$out/node-server.log" &
pids+=($!)
exec 4> "$out/node.in"

port_of() { # file key
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
declare -A port
port[java-plain]=$(port_of "$out/java.ports" plain)
port[java-tracker]=$(port_of "$out/java.ports" tracker)
port[java-nocache]=$(port_of "$out/java.ports" nocache)
port[node-plain]=$(port_of "$out/node.ports" plain)
port[node-tracker]=$(port_of "$out/node.ports" tracker)

# TARGETS="java-plain java-tracker" narrows a run (the ratios then show only what was measured).
read -r -a targets <<< "${TARGETS:-java-plain java-tracker java-nocache node-plain node-tracker}"

# Sanity: each tracked endpoint reads the cookie (visits=42) and /write answers 43.
for t in java-tracker java-nocache node-tracker; do
  [[ " ${targets[*]} " == *" $t "* ]] || continue
  body=$(curl -s -H "Cookie: persistent-information=$(cat "$out/cookie.txt")" "http://127.0.0.1:${port[$t]}/read")
  [[ "$body" == "visits=42" ]] || { echo "$t /read answered '$body', expected visits=42" >&2; exit 1; }
  body=$(curl -s -H "Cookie: persistent-information=$(cat "$out/cookie.txt")" "http://127.0.0.1:${port[$t]}/write")
  [[ "$body" == "visits=43" ]] || { echo "$t /write answered '$body', expected visits=43" >&2; exit 1; }
done

export COOKIE_FILE="$out/cookie.txt"
run_wrk() { # target path seconds -> "requests/s requests"
  wrk -t"$threads" -c"$connections" -d"$3"s -s bench/http/cookie.lua "http://127.0.0.1:${port[$1]}$2" \
    | awk '/ requests in / {n = $1} /^Requests\/sec:/ {r = $2} /Non-2xx/ {print "non-2xx: " $0 > "/dev/stderr"}
           END {print r, n}'
}
java_alloc() { # -> bytes allocated so far by the Java server's threads
  local before
  before=$(grep -c '^alloc ' "$out/java.ports" || true)
  echo alloc >&3
  for _ in $(seq 1 100); do
    if (( $(grep -c '^alloc ' "$out/java.ports" || true) > before )); then
      grep '^alloc ' "$out/java.ports" | tail -1 | cut -d' ' -f2
      return
    fi
    sleep 0.05
  done
  echo 0
}

echo "== warm-up ($warm s per target and path)" >&2
for path in /read /write; do
  for t in "${targets[@]}"; do
    run_wrk "$t" "$path" "$warm" >/dev/null
  done
done

: > "$out/http.tsv"
for round in $(seq 1 "$rounds"); do
  for path in /read /write; do
    for t in "${targets[@]}"; do
      per_request=n/a
      [[ $t == java-* ]] && a0=$(java_alloc)
      read -r rps requests < <(run_wrk "$t" "$path" "$seconds")
      if [[ $t == java-* ]]; then
        a1=$(java_alloc)
        per_request=$(( (a1 - a0) / (requests > 0 ? requests : 1) ))
      fi
      echo "round $round  $t $path  $rps req/s  $per_request B/request" >&2
      printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "$path" "$rps" "$per_request" >> "$out/http.tsv"
    done
  done
done

{
  echo "### HTTP (wrk, $threads threads, $connections connections, 127.0.0.1, $rounds x $seconds s per target, mean requests/s)"
  echo
  awk -F'\t' '
    { sum[$2 FS $3] += $4; n[$2 FS $3]++; if ($5 != "n/a") { b[$2 FS $3] += $5; nb[$2 FS $3]++ } }
    END {
      split("java-plain java-tracker java-nocache node-plain node-tracker", t, " ")
      print "| server | /read (unchanged tracker) req/s | /write (changed every request) req/s | /read B/request | /write B/request |"
      print "| --- | ---: | ---: | ---: | ---: |"
      for (i = 1; i <= 5; i++) {
        if (!n[t[i] FS "/read"] || !n[t[i] FS "/write"]) continue
        r = sum[t[i] FS "/read"] / n[t[i] FS "/read"]; w = sum[t[i] FS "/write"] / n[t[i] FS "/write"]
        mean[t[i] "/read"] = r; mean[t[i] "/write"] = w
        br = nb[t[i] FS "/read"] ? sprintf("%.0f", b[t[i] FS "/read"] / nb[t[i] FS "/read"]) : "n/a"
        bw = nb[t[i] FS "/write"] ? sprintf("%.0f", b[t[i] FS "/write"] / nb[t[i] FS "/write"]) : "n/a"
        printf "| %s | %.0f | %.0f | %s | %s |\n", t[i], r, w, br, bw
      }
      print ""
      print "| ratio | value | target |"
      print "| --- | ---: | --- |"
      row("Java: tracker /read / plain /read (cache on)", "java-tracker/read", "java-plain/read", 0.95)
      row("Java: tracker /write / plain /write", "java-tracker/write", "java-plain/write", 0.85)
      row("Java: nocache /read / plain /read (cache off)", "java-nocache/read", "java-plain/read", 0)
      row("Java: nocache /write / plain /write (cache off)", "java-nocache/write", "java-plain/write", 0)
      row("Express: tracker-cookie /read / plain /read", "node-tracker/read", "node-plain/read", 0)
      row("Express: tracker-cookie /write / plain /write", "node-tracker/write", "node-plain/write", 0)
      row("Java tracker /read / Express tracker-cookie /read", "java-tracker/read", "node-tracker/read", 0)
      row("Java tracker /write / Express tracker-cookie /write", "java-tracker/write", "node-tracker/write", 0)
    }
    function row(name, a, b, min,   v) {
      if (!(a in mean) || !(b in mean) || mean[b] == 0) return
      v = mean[a] / mean[b]
      printf "| %s | %.2f | %s |\n", name, v, (min == 0 ? "(reported)" : (v >= min ? "met (>= " min ")" : "NOT met (>= " min ")"))
    }' "$out/http.tsv"
} | tee "$out/http.md"
