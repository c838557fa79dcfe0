'use strict';
// The Node side of the codec benchmark: @hapi/iron 7.0.1 seal and unseal of the payloads of the
// JMH run (bench/payloads), with the same password and Iron.defaults. Prints one JSON object:
// { "<op>.<bytes>.<mode>": microseconds per call (median of the rounds) }, mode "serial" (one call
// at a time) or "inflight32" (Promise.all of 32 calls; the time per call, all cores used).
// Usage: node bench.js [rounds] [msPerRound]

const Fs = require('fs');
const Path = require('path');
const Iron = require('@hapi/iron');

const PASSWORD = 'Cedhg8SrStwK_qTLKv3GbhG8VfVEnGs_9ZcxefNCjEs'; // as IronCodecBench.PASSWORD
const SIZES = [152, 1536];
const IN_FLIGHT = 32;
const rounds = Number(process.argv[2] || 7);
const msPerRound = Number(process.argv[3] || 1000);

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One round: call op in batches of `batch` (awaited together) until msPerRound has passed.
const round = async (op, batch) => {
    let calls = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(msPerRound) * 1000000n;
    let now = start;
    while (now < end) {
        if (batch === 1) {
            await op();
        }
        else {
            const pending = new Array(batch);
            for (let i = 0; i < batch; ++i) {
                pending[i] = op();
            }

            await Promise.all(pending);
        }

        calls += batch;
        now = process.hrtime.bigint();
    }

    return Number(now - start) / 1000 / calls;
};

const measure = async (op, batch) => {
    await round(op, batch);          // warm-up round, not counted
    const perCall = [];
    for (let i = 0; i < rounds; ++i) {
        perCall.push(await round(op, batch));
    }

    return median(perCall);
};

const main = async () => {
    const dir = Path.join(__dirname, '..', 'payloads');
    const results = {};
    for (const size of SIZES) {
        const text = Fs.readFileSync(Path.join(dir, `${size}.json`), 'utf8');
        const object = JSON.parse(text);
        if (JSON.stringify(object) !== text || Buffer.byteLength(text) !== size) {
            throw new Error(`payload ${size} does not round-trip through JSON.stringify`);
        }

        // iron seals JSON.stringify(object), so the plaintext is byte for byte the Java payload.
        const sealed = await Iron.seal(object, PASSWORD, Iron.defaults);
        const seal = () => Iron.seal(object, PASSWORD, Iron.defaults);
        const unseal = () => Iron.unseal(sealed, PASSWORD, Iron.defaults);

        results[`unseal.${size}.serial`] = await measure(unseal, 1);
        results[`unseal.${size}.inflight32`] = await measure(unseal, IN_FLIGHT);
        results[`seal.${size}.serial`] = await measure(seal, 1);
        results[`seal.${size}.inflight32`] = await measure(seal, IN_FLIGHT);
    }

    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
};

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
