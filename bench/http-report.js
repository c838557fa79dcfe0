'use strict';
// The tables of bench/run-http.sh, from its http.tsv (round, target, path, requests/s, B/request,
// GC µs/request).
// Each ratio is taken within a round (runs seconds apart) and the median over rounds is reported,
// with the range: on a shared VM the level drifts between rounds far more than within one.
//
//   node bench/http-report.js target/bench/http.tsv "java-plain java-tracker ..."

const fs = require('fs');

const [tsvFile, targetList] = process.argv.slice(2);
const order = targetList.split(/\s+/).filter(Boolean);
const rows = fs.readFileSync(tsvFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => {
    const [round, target, path, rps, bytes, gc] = line.split('\t');
    const number = (x) => (x === undefined || x === 'n/a' ? null : Number(x));
    return { round: Number(round), target, path, rps: Number(rps), bytes: number(bytes), gc: number(gc) };
});

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const of = (target, path) => rows.filter((r) => r.target === target && r.path === path);

const present = order.filter((t) => rows.some((r) => r.target === t));
const paths = ['/read', '/write', '/write-chained'].filter((p) => rows.some((r) => r.path === p));
const heading = {
    '/read': '/read (unchanged tracker)',
    '/write': '/write (changed every request, same cookie sent)',
    '/write-chained': '/write, chained (each request sends the cookie last set)',
};
console.log(`| server | ${paths.map((p) => `${heading[p]} req/s`).join(' | ')} | ${paths.map((p) => `${p} B/request`).join(' | ')} | ${paths.map((p) => `${p} GC µs/request`).join(' | ')} |`);
console.log(`| --- | ${paths.map(() => '---:').join(' | ')} | ${paths.map(() => '---:').join(' | ')} | ${paths.map(() => '---:').join(' | ')} |`);
for (const t of present) {
    const cell = (path) => { const r = of(t, path); return r.length ? mean(r.map((x) => x.rps)).toFixed(0) : 'n/a'; };
    const bytes = (path) => {
        const b = of(t, path).map((x) => x.bytes).filter((x) => x !== null);
        return b.length ? mean(b).toFixed(0) : 'n/a';
    };
    const gc = (path) => {
        const g = of(t, path).map((x) => x.gc).filter((x) => x !== null);
        return g.length ? mean(g).toFixed(2) : 'n/a';
    };
    console.log(`| ${t} | ${paths.map(cell).join(' | ')} | ${paths.map(bytes).join(' | ')} | ${paths.map(gc).join(' | ')} |`);
}

// Per-round ratio of a to b on one path: [median, min, max], or null when either is missing.
function ratio(a, b, path) {
    const byRound = new Map(of(b, path).map((r) => [r.round, r.rps]));
    const values = of(a, path).filter((r) => byRound.get(r.round) > 0).map((r) => r.rps / byRound.get(r.round));
    return values.length ? [median(values), Math.min(...values), Math.max(...values)] : null;
}

console.log('');
console.log('| ratio (median of per-round ratios; range) | value | target |');
console.log('| --- | ---: | --- |');
const checks = [
    ['Java: tracker /read / plain /read (cache on)', 'java-tracker', 'java-plain', '/read', 0.95],
    ['Java: tracker /write / plain /write', 'java-tracker', 'java-plain', '/write', 0.85],
    ['Java: tracker /write, chained / plain /write, chained (what a browser sends)', 'java-tracker', 'java-plain', '/write-chained', 0.85],
    ['Java: nocache /read / plain /read (cache off)', 'java-nocache', 'java-plain', '/read', 0],
    ['Java: nocache /write / plain /write (cache off)', 'java-nocache', 'java-plain', '/write', 0],
    ['Java: nocache /write, chained / plain /write, chained (cache off)', 'java-nocache', 'java-plain', '/write-chained', 0],
    ['Java: plaincookie /write / plain /write (same bytes, no feature)', 'java-plaincookie', 'java-plain', '/write', 0],
    ['Java: tracker /write / plaincookie /write (the feature beyond the bytes)', 'java-tracker', 'java-plaincookie', '/write', 0],
    ['Java: sealfloor /write / plain /write (the bytes and a hand-made seal: the floor)', 'java-sealfloor', 'java-plain', '/write', 0],
    ['Java: tracker /write / sealfloor /write (the feature beyond the floor)', 'java-tracker', 'java-sealfloor', '/write', 0],
    ['Java: plaincookie /write, chained / plain /write, chained', 'java-plaincookie', 'java-plain', '/write-chained', 0],
    ['Java: tracker /write, chained / plaincookie /write, chained', 'java-tracker', 'java-plaincookie', '/write-chained', 0],
    ['Java: plaincookie /read / plain /read (the same app in two JVMs: the noise)', 'java-plaincookie', 'java-plain', '/read', 0],
    ['Express: tracker-cookie /read / plain /read', 'node-tracker', 'node-plain', '/read', 0],
    ['Express: tracker-cookie /write / plain /write', 'node-tracker', 'node-plain', '/write', 0],
    ['Java tracker /read / Express tracker-cookie /read', 'java-tracker', 'node-tracker', '/read', 0],
    ['Java tracker /write / Express tracker-cookie /write', 'java-tracker', 'node-tracker', '/write', 0],
];
for (const [name, a, b, path, min] of checks) {
    const r = ratio(a, b, path);
    if (!r) continue;
    const verdict = min === 0 ? '(reported)' : (r[0] >= min ? `met (>= ${min})` : `NOT met (>= ${min})`);
    console.log(`| ${name} | ${r[0].toFixed(2)} (${r[1].toFixed(2)}–${r[2].toFixed(2)}) | ${verdict} |`);
}
