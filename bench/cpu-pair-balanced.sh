#!/usr/bin/env bash
# cpu-pair.sh in both positions, and the ratio with the position's advantage taken out.
#
#   A_APP=sealfloor B_APP=tracker PATHS=/write WARM=30 ROUNDS=8 bench/cpu-pair-balanced.sh
#
# cpu-pair.sh favours its B side (one app against itself gives 1.03 to 1.09 on the 2-core build
# machine, where the truth is 1.0). This runs it twice, B_APP as B and then as A, each with fresh
# JVMs, and per path prints both medians and their geometric mean, sqrt(r1 / r2): the floor's
# CPU per request over B_APP's, as cpu-pair.sh reports it (>= 1: B_APP costs no more), with the
# advantage of either position cancelled. Takes the same environment as cpu-pair.sh (A_CP and
# B_CP follow their apps into the swapped run). Results: target/bench/cpu-pair-balanced.md, and
# each position's table and rounds as cpu-pair-{first,second}.{md,tsv} beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

a_app=${A_APP:-tracker}
b_app=${B_APP:-tracker}
a_label=${A_LABEL:-$a_app}
b_label=${B_LABEL:-$b_app}

echo "== first position: $a_label as A, $b_label as B" >&2
A_APP=$a_app B_APP=$b_app A_LABEL=$a_label B_LABEL=$b_label \
  A_CP=${A_CP:-} B_CP=${B_CP:-} bench/cpu-pair.sh > /dev/null
cp "$out/cpu-pair.tsv" "$out/cpu-pair-first.tsv"
cp "$out/cpu-pair.md" "$out/cpu-pair-first.md"

echo "== second position: $b_label as A, $a_label as B" >&2
A_APP=$b_app B_APP=$a_app A_LABEL=$b_label B_LABEL=$a_label \
  A_CP=${B_CP:-} B_CP=${A_CP:-} bench/cpu-pair.sh > /dev/null
cp "$out/cpu-pair.tsv" "$out/cpu-pair-second.tsv"
cp "$out/cpu-pair.md" "$out/cpu-pair-second.md"

{
  echo "### $a_label against $b_label, server CPU per request, run in both positions"
  echo
  echo "Each ratio is the median over the rounds of cpu($a_label)/cpu($b_label) per request (>= 1: $b_label costs no more); the second position's is its own median inverted. Balanced: their geometric mean."
  echo
  echo "| path | $b_label as B | $b_label as A | balanced |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' '
    function median(v, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    FNR == 1 { file++; next }
    { if (!($2 in seen)) { seen[$2] = 1; order[++paths] = $2 }
      k = $2 SUBSEP file; n[k]++; r[k, n[k]] = $6 }
    END {
      for (p = 1; p <= paths; p++) {
        path = order[p]
        for (f = 1; f <= 2; f++) {
          k = path SUBSEP f; delete v
          for (i = 1; i <= n[k]; i++) v[i] = r[k, i]
          m[f] = median(v, n[k])
        }
        printf "| %s | %.3f | %.3f | %.3f |\n", path, m[1], 1 / m[2], sqrt(m[1] / m[2])
      }
    }' "$out/cpu-pair-first.tsv" "$out/cpu-pair-second.tsv"
} | tee "$out/cpu-pair-balanced.md"
