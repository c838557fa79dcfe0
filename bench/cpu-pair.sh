#!/usr/bin/env bash
# Server CPU per request, two Java bench servers side by side under load at the same time.
#
#   A_APP=plain B_APP=tracker PATHS=/read bench/cpu-pair.sh
#   A_CP="$(cat before.cp)" A_APP=tracker B_APP=tracker bench/cpu-pair.sh   # one build against another
#
# Two JVMs (HttpBenchServer, one app each) are loaded together, each by its own wrk (2 threads,
# 16 connections, same path, same duration). For each JVM the CPU it consumed while its wrk ran
# (utime + stime of the whole process from /proc/<pid>/stat, clock ticks -> µs; JIT and GC threads
# included) is divided by the requests wrk completed: µs of server CPU per request. The figure is
# cpu(A)/cpu(B) per request, taken within each round ("B/A throughput-equivalent": >= 1 means B
# costs no more CPU per request than A); the table gives its median over the rounds and its range.
# Beside it, for each JVM: heap bytes allocated per request (HotSpot's per-thread counters) and GC
# time per request (the collectors' own times: with G1 its pauses), both summed over all rounds of
# a path and divided by the requests of those rounds; asked of each server over its stdin.
#
# Why this shape: on this 2-core VM runs one after another drift and favour a position, and the
# machine may be shared. Two servers loaded at once see the same machine at the same moment, and
# CPU per request does not depend on how the two cores were split between them. Within a round
# the two wrk start in alternating order (A first in odd rounds, B first in even ones).
#
# Environment:
#   A_APP, B_APP   HttpBenchServer apps: plain plaincookie sealfloor tracker nocache revoke-embedded
#                  revoke-redis redis-session (default tracker; the redis apps need REDIS_URL)
#   A_CP, B_CP     class paths (default: this tree's bench class path, built as run-http.sh does)
#   A_LABEL, B_LABEL  names in the table (default: the app names)
#   PATHS          paths to load, default "/read /write" (/write-chained as in run-http.sh)
#   WARM           warm-up seconds per path, both loaded together (default 30)
#   ROUNDS         measured rounds (default 6); SECONDS  length of a round in seconds (default 5)
#   JAVA_OPTS      extra JVM options, the same for both (default none)
#   TRACKER_PASSWORD  the same for both JVMs (a fixed benchmark password by default)
# Both JVMs run in this tree's directory (they read bench/payloads/152.json from it). Results:
# target/bench/cpu-pair.md (the table, also on stdout) and cpu-pair.tsv (every round, with the
# machine's 1-minute load average: under heavy outside load the per-round ratios scatter more).
# Load is bounded: loopback only, fixed durations, 2 x 16 connections.

# SECONDS is bash's own clock: read the value given in the environment, not the clock.
seconds=$(printenv SECONDS || true)
seconds=${seconds:-5}
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

a_app=${A_APP:-tracker}
b_app=${B_APP:-tracker}
a_label=${A_LABEL:-$a_app}
b_label=${B_LABEL:-$b_app}
read -r -a paths <<< "${PATHS:-/read /write}"
warm=${WARM:-30}
rounds=${ROUNDS:-6}
threads=2
connections=16
read -r -a java_opts <<< "${JAVA_OPTS:-}"
for n in "$warm" "$rounds" "$seconds"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "WARM, ROUNDS and SECONDS are whole numbers (got '$n')" >&2; exit 2; }
done
(( rounds > 0 && seconds > 0 )) || { echo "ROUNDS and SECONDS must be positive" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null
fi

if [[ -z "${A_CP:-}" || -z "${B_CP:-}" ]]; then
  echo "== compiling the bench app (this tree)" >&2
  mvn -q -B -Pbench -Dskip.npm -DskipTests test-compile >&2
  tree_cp=$(mvn -q -B -Pbench -Dskip.npm exec:exec -Dexec.executable=echo -Dexec.args=%classpath \
    -Dexec.classpathScope=test -Dstyle.color=never | sed "s/\x1b\[[0-9;]*m//g" | grep /classes | tail -1)
fi
a_cp=${A_CP:-$tree_cp}
b_cp=${B_CP:-$tree_cp}

export TRACKER_PASSWORD=${TRACKER_PASSWORD:-Cedhg8SrStwK_qTLKv3GbhG8VfVEnGs_9ZcxefNCjEs}
tck=$(getconf CLK_TCK)

declare -A pid port in_fd cp app
cp[A]=$a_cp; cp[B]=$b_cp; app[A]=$a_app; app[B]=$b_app
runners=()
cleanup() {
  local p
  for p in "${runners[@]}"; do
    kill $(pgrep -P "$p" 2>/dev/null) 2>/dev/null || true
    kill "$p" 2>/dev/null || true
  done
  for p in "${in_fd[@]}"; do
    eval "exec $p>&-" 2>/dev/null || true
  done
  for p in "${pid[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Both JVMs start at once (neither has a head start). Each exits when its stdin, a fifo held open
# here, closes, and writes its own cookie file; A's cookie is the one both are loaded with.
for s in A B; do
  rm -f "$out/cpu-pair-$s.in" "$out/cpu-pair-$s.ports" "$out/cpu-pair-$s.cookie"
  mkfifo "$out/cpu-pair-$s.in"
  java "${java_opts[@]}" -cp "${cp[$s]}" io.trackercookie.bench.HttpBenchServer "$out/cpu-pair-$s.cookie" "${app[$s]}" \
    < "$out/cpu-pair-$s.in" > "$out/cpu-pair-$s.ports" 2> "$out/cpu-pair-$s-server.log" &
  pid[$s]=$!
  exec {fd}> "$out/cpu-pair-$s.in"
  in_fd[$s]=$fd
done
for s in A B; do
  for _ in $(seq 1 240); do
    grep -q '^{' "$out/cpu-pair-$s.ports" && break
    kill -0 "${pid[$s]}" 2>/dev/null || break
    sleep 0.25
  done
  port[$s]=$(grep '^{' "$out/cpu-pair-$s.ports" | grep -o '[0-9]\+' | head -1 || true)
  [[ -n "${port[$s]}" ]] || { echo "server $s (${app[$s]}) did not start; see $out/cpu-pair-$s-server.log" >&2; exit 1; }
done
cp "$out/cpu-pair-A.cookie" "$out/cpu-pair.cookie"
export COOKIE_FILE=$out/cpu-pair.cookie
cookie=$(cat "$COOKIE_FILE")

# Sanity: both answer /read with visits=42 and /write with 43 for A's cookie (the plain apps
# answer constants; the tracker apps must open A's seal to say so).
for s in A B; do
  for check in /read=visits=42 /write=visits=43; do
    body=$(curl -s --max-time 10 -H "Cookie: persistent-information=$cookie" "http://127.0.0.1:${port[$s]}${check%%=*}")
    [[ "$body" == "${check#*=}" ]] || {
      echo "server $s (${app[$s]}) ${check%%=*} answered '$body', expected ${check#*=}" >&2; exit 1; }
  done
done
echo "== A: ${app[A]} (pid ${pid[A]}, port ${port[A]})  B: ${app[B]} (pid ${pid[B]}, port ${port[B]})" >&2

cpu_ticks() { # pid -> utime + stime of the whole process, in clock ticks
  local line rest
  read -r line < "/proc/$1/stat"
  rest=${line##*) }
  read -r -a f <<< "$rest"
  echo $(( f[11] + f[12] ))
}

server_stats() { # side -> "allocated-bytes collections gc-millis" of that JVM so far
  local file=$out/cpu-pair-$1.ports before
  before=$(grep -c '^stats ' "$file" || true)
  echo stats >&"${in_fd[$1]}"
  for _ in $(seq 1 250); do
    if (( $(grep -c '^stats ' "$file" || true) > before )); then
      grep '^stats ' "$file" | tail -1 | cut -d' ' -f2-
      return
    fi
    sleep 0.02
  done
  echo "0 0 0"
}

# One side's run: CPU ticks just before and just after its wrk, wrk's counts, and the JVM's
# allocation and GC over the run. Writes "ticks requests requests/s bytes gc-ms errors" to the file.
load() { # side path seconds result-file
  local script=bench/http/cookie.lua url_path=$2 t0 t1 report b0 b1 g0 g1 _c
  if [[ $2 == /write-chained ]]; then
    script=bench/http/chained.lua url_path=/write
  fi
  read -r b0 _c g0 <<< "$(server_stats "$1")"
  t0=$(cpu_ticks "${pid[$1]}")
  report=$(wrk -t"$threads" -c"$connections" -d"$3"s -s "$script" "http://127.0.0.1:${port[$1]}$url_path")
  t1=$(cpu_ticks "${pid[$1]}")
  read -r b1 _c g1 <<< "$(server_stats "$1")"
  awk -v ticks=$((t1 - t0)) -v bytes=$((b1 - b0)) -v gcms=$((g1 - g0)) '
    / requests in / {n = $1}
    /^Requests\/sec:/ {r = $2}
    /Socket errors|Non-2xx/ {e = e $0 ";"}
    END {gsub(/ +/, " ", e); print ticks, n + 0, r + 0, bytes, gcms, (e == "" ? "-" : e)}' <<< "$report" > "$4"
}

pair() { # first-side path seconds -> runs both sides at once, results in $out/cpu-pair-{A,B}.run
  local first=$1 second
  second=$([[ $1 == A ]] && echo B || echo A)
  runners=()
  rm -f "$out/cpu-pair-A.run" "$out/cpu-pair-B.run"
  load "$first" "$2" "$3" "$out/cpu-pair-$first.run" & runners+=($!)
  load "$second" "$2" "$3" "$out/cpu-pair-$second.run" & runners+=($!)
  wait "${runners[@]}" || true
  runners=()
  [[ -s $out/cpu-pair-A.run && -s $out/cpu-pair-B.run ]] || { echo "a load run failed" >&2; exit 1; }
}

for path in "${paths[@]}"; do
  echo "== warm-up: $path, $warm s, both loaded" >&2
  if (( warm > 0 )); then pair A "$path" "$warm"; fi
done

tsv=$out/cpu-pair.tsv
printf 'round\tpath\tfirst\tA_us_per_req\tB_us_per_req\tratio\tA_req_s\tB_req_s\tA_errors\tB_errors\tload1\tA_requests\tB_requests\tA_alloc_bytes\tB_alloc_bytes\tA_gc_ms\tB_gc_ms\n' > "$tsv"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then first=A; else first=B; fi
  for path in "${paths[@]}"; do
    pair "$first" "$path" "$seconds"
    read -r a_ticks a_n a_rps a_bytes a_gcms a_err < "$out/cpu-pair-A.run"
    read -r b_ticks b_n b_rps b_bytes b_gcms b_err < "$out/cpu-pair-B.run"
    (( a_n > 0 && b_n > 0 )) || { echo "round $round $path: a wrk completed no request" >&2; exit 1; }
    [[ $a_err == - && $b_err == - ]] || echo "round $round $path: errors A: $a_err  B: $b_err" >&2
    line=$(awk -v at="$a_ticks" -v an="$a_n" -v bt="$b_ticks" -v bn="$b_n" -v tck="$tck" 'BEGIN {
      a = at * 1e6 / tck / an; b = bt * 1e6 / tck / bn
      printf "%.2f\t%.2f\t%.4f", a, b, a / b }')
    read -r load1 _ < /proc/loadavg
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$path" "$first" "$line" "$a_rps" "$b_rps" "$a_err" "$b_err" "$load1" \
      "$a_n" "$b_n" "$a_bytes" "$b_bytes" "$a_gcms" "$b_gcms" >> "$tsv"
    read -r a_us b_us ratio <<< "$line"
    echo "round $round  $path  ($first first)  A $a_us µs/req ($a_rps req/s, $((a_bytes / a_n)) B, gc $a_gcms ms)  B $b_us µs/req ($b_rps req/s, $((b_bytes / b_n)) B, gc $b_gcms ms)  cpu(A)/cpu(B) $ratio  (load $load1)" >&2
  done
done

{
  echo "### Server CPU per request, A and B loaded at once (wrk ${threads} threads / ${connections} connections each, 127.0.0.1, $warm s warm-up per path, $rounds rounds x $seconds s)"
  echo
  echo "A = ${a_label} (${app[A]}), B = ${b_label} (${app[B]}). µs/req: median over the rounds of the JVM's CPU time (user + system) / requests served. Ratio: cpu(A)/cpu(B) per request within a round (B/A throughput-equivalent; >= 1: B costs no more than A). KB/req and GC µs/req: heap allocated and GC time over all rounds / requests of all rounds."
  echo
  echo "| path | A µs/req | B µs/req | B/A throughput-equivalent (median) | min–max per round | A KB/req | B KB/req | A GC µs/req | B GC µs/req |"
  echo "|---|---:|---:|---:|---|---:|---:|---:|---:|"
  for path in "${paths[@]}"; do
    awk -F'\t' -v p="$path" '
      function median(v, n,   i, j, t) {
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      }
      NR > 1 && $2 == p {
        n++; a[n] = $4; b[n] = $5; r[n] = $6
        an += $12; bn += $13; ab += $14; bb += $15; ag += $16; bg += $17
      }
      END {
        ma = median(a, n); mb = median(b, n); mr = median(r, n)
        printf "| %s | %.1f | %.1f | %.3f | %.3f–%.3f | %.1f | %.1f | %.2f | %.2f |\n", p, ma, mb, mr, r[1], r[n],
          ab / an / 1024, bb / bn / 1024, ag * 1000 / an, bg * 1000 / bn
      }' "$tsv"
  done
} | tee "$out/cpu-pair.md"
