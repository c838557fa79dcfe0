'use strict';
// Prints the table of bench/run.sh from one run's results: JMH's JSON (-rf json) and the JSON of
// bench/node/bench.js. Usage: node report.js jmh.json node.json
// Every ratio is of two figures from this one run. Benchmarks other than IronCodecBench in the
// JMH file (RequestPathBench: the verified-seal cache, the read and write paths) are listed with
// their time and allocation, and the cache's targets are checked.

const Fs = require('fs');

const [jmhFile, nodeFile] = process.argv.slice(2);
const jmh = JSON.parse(Fs.readFileSync(jmhFile, 'utf8'));
const node = nodeFile ? JSON.parse(Fs.readFileSync(nodeFile, 'utf8')) : {};

const java = {};            // "codecUnseal.152" -> { us, bytes }
const others = [];
for (const r of jmh) {
    const method = r.benchmark.split('.').pop();
    const cls = r.benchmark.split('.').slice(-2, -1)[0];
    const size = r.params && r.params.payloadBytes;
    const alloc = r.secondaryMetrics && r.secondaryMetrics['gc.alloc.rate.norm'];
    // Sample mode: the median per call; other modes: the score.
    const pct = r.primaryMetric.scorePercentiles;
    const us = pct && pct['50.0'] !== undefined && r.mode === 'sample' ? pct['50.0'] : r.primaryMetric.score;
    const row = { us, err: r.mode === 'sample' ? NaN : r.primaryMetric.scoreError, bytes: alloc ? alloc.score : NaN };
    if (cls === 'IronCodecBench') {
        java[`${method}.${size}`] = row;
    }
    else {
        others.push([`${cls}.${method}${size ? ` (${size} B)` : ''}`, row]);
        java[`${cls}.${method}.${size}`] = row;
    }
}

const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const sizes = [...new Set(Object.keys(java).filter((k) => k.split('.').length === 2)
    .map((k) => k.split('.')[1]))].sort((a, b) => a - b);
const out = [];
const checks = [];
const target = (name, value, ok) => checks.push(`| ${name} | ${f(value, value < 0.1 ? 3 : 2)} | ${ok === null ? '(reported)' : ok(value) ? 'met' : 'NOT met'} |`);

out.push('### Java (JMH, single thread, median µs/op and bytes allocated per op)', '');
out.push('| benchmark | payload | µs/op | B/op |', '| --- | ---: | ---: | ---: |');
for (const size of sizes) {
    for (const m of ['codecUnseal', 'floorUnseal', 'naiveUnseal', 'codecSeal', 'codecSealReusedSalts', 'floorSeal', 'floorSealReusedSalts']) {
        const r = java[`${m}.${size}`];
        if (r) {
            out.push(`| ${m} | ${size} B | ${f(r.us)} | ${f(r.bytes, 0)} |`);
        }
    }
}

for (const [name, r] of others) {
    out.push(`| ${name} | | ${f(r.us, 3)} | ${f(r.bytes, 0)} |`);
}

if (Object.keys(node).length) {
    out.push('', '### Node @hapi/iron 7.0.1 (µs per call, median of rounds)', '');
    out.push('| op | payload | one at a time | 32 in flight |', '| --- | ---: | ---: | ---: |');
    for (const size of sizes) {
        for (const op of ['unseal', 'seal']) {
            out.push(`| ${op} | ${size} B | ${f(node[`${op}.${size}.serial`])} | ${f(node[`${op}.${size}.inflight32`])} |`);
        }
    }
}

out.push('', '### Ratios (this run) against the performance targets', '');
out.push('| ratio | value | target |', '| --- | ---: | --- |');
for (const size of sizes) {
    const g = (k) => (java[`${k}.${size}`] || {}).us;
    target(`codec unseal / JCA floor unseal, ${size} B (≤ 1.3)`, g('codecUnseal') / g('floorUnseal'), (v) => v <= 1.3);
    target(`codec seal / JCA floor seal, ${size} B (≤ 1.5)`, g('codecSeal') / g('floorSeal'), (v) => v <= 1.5);
    target(`codec seal / JCA floor unseal, ${size} B (≤ 1.5, literal reading)`, g('codecSeal') / g('floorUnseal'), (v) => v <= 1.5);
    const reused = g('codecSealReusedSalts');
    if (reused !== undefined) {
        target(`codec seal, salt reuse (provider default) / JCA floor unseal, ${size} B (≤ 1.5, literal reading)`, reused / g('floorUnseal'), (v) => v <= 1.5);
        const reusedFloor = g('floorSealReusedSalts');
        if (reusedFloor !== undefined) {
            target(`codec seal, salt reuse / JCA floor seal, salt reuse, ${size} B (≤ 1.5)`, reused / reusedFloor, (v) => v <= 1.5);
        }
    }
    const hit = (java[`RequestPathBench.cacheHit.${size}`] || {}).us;
    const miss = (java[`RequestPathBench.cacheMiss.${size}`] || {}).us;
    const noCache = (java[`RequestPathBench.noCacheOpen.${size}`] || {}).us;
    if (hit !== undefined) {
        target(`verified-seal cache hit, µs, ${size} B (< 0.5)`, hit, (v) => v < 0.5);
        target(`cache hit / codec unseal, ${size} B (reported)`, hit / g('codecUnseal'), null);
        target(`cache miss / the same seals opened without a cache, ${size} B (reported: open + insert + evict)`, miss / noCache, null);
    }
    if (Object.keys(node).length) {
        for (const op of ['unseal', 'seal']) {
            const j = g(op === 'unseal' ? 'codecUnseal' : 'codecSeal');
            target(`Node ${op} one at a time / Java ${op}, ${size} B (≥ 40)`, node[`${op}.${size}.serial`] / j, (v) => v >= 40);
            target(`Node ${op} 32 in flight / Java ${op}, ${size} B (≥ 10)`, node[`${op}.${size}.inflight32`] / j, (v) => v >= 10);
        }
        if (reused !== undefined) {
            target(`Node seal one at a time / Java seal with salt reuse, ${size} B (≥ 40)`, node[`seal.${size}.serial`] / reused, (v) => v >= 40);
            target(`Node seal 32 in flight / Java seal with salt reuse, ${size} B (≥ 10)`, node[`seal.${size}.inflight32`] / reused, (v) => v >= 10);
        }
    }
}

out.push(...checks);
process.stdout.write(out.join('\n') + '\n');
