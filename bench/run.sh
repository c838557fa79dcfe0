#!/usr/bin/env bash
# Runs every benchmark in one go and prints the tables with their ratios against the targets:
# JMH (IronCodecBench: the codec, the JCA floor, the naive JCA; RequestPathBench: the
# verified-seal cache hit and miss, the read and write paths; -prof gc for bytes per op), Node's
# @hapi/iron 7.0.1 on the same payloads and password (bench/node/bench.js), then HTTP with wrk
# (bench/run-http.sh: Jersey on Grizzly with and without the feature, Express + tracker-cookie).
#
#   bench/run.sh                 # full run, about 25 minutes on a 2-core machine
#   QUICK=1 bench/run.sh         # smoke run: shorter iterations, figures are rough
#   NO_HTTP=1 bench/run.sh       # without the HTTP part
#   JMH_EXTRA="-p payloadBytes=152" bench/run.sh
#
# Results land in target/bench/ (jmh.json, jmh.txt, node.json, http.tsv, http.md, table.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

if [[ "${QUICK:-}" == 1 ]]; then
  jmh_iter="-wi 1 -w 1 -i 2 -r 1"; node_rounds="3 300"
else
  jmh_iter="-wi 3 -w 1 -i 5 -r 1"; node_rounds="7 1000"
fi

echo "== npm ci (bench/node)" >&2
(cd bench/node && npm ci --no-audit --no-fund --silent)

echo "== JMH (single thread, 1 fork)" >&2
mvn -q -B -Pbench -DskipTests test-compile exec:exec@jmh \
  -Djmh.args="(IronCodecBench|RequestPathBench) -f 1 $jmh_iter -t 1 -prof gc -rf json -rff $out/jmh.json ${JMH_EXTRA:-}" \
  | tee "$out/jmh.txt" | grep -E '^(Benchmark|IronCodecBench|RequestPathBench)' | grep -E "p0.50|alloc.rate.norm" >&2 || true
[[ -s "$out/jmh.json" ]] || { echo "JMH wrote no results; see $out/jmh.txt" >&2; exit 1; }

echo "== Node @hapi/iron (rounds, ms per round: $node_rounds)" >&2
# shellcheck disable=SC2086
node bench/node/bench.js $node_rounds > "$out/node.json"

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "Java: $(java -version 2>&1 | head -1); Node: $(node --version); load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  node bench/report.js "$out/jmh.json" "$out/node.json"
} | tee "$out/table.md"

if [[ "${NO_HTTP:-}" != 1 ]]; then
  echo "== HTTP (bench/run-http.sh)" >&2
  { echo; bench/run-http.sh; } | tee -a "$out/table.md"
fi
