'use strict';

// A long-lived helper for the Java interop tests: one JSON request per line on stdin, one JSON
// answer per line on stdout, matched by the request's "id". It calls the real npm code
// (@hapi/iron, the way tracker-cookie calls it, and iron-session) so the Java codec is checked
// against the reference implementations rather than against our reading of them.
//
// Request:  {"id": 7, "op": "seal", ...}         Answer: {"id": 7, "ok": true, "result": {...}}
// A request that fails, or a line that is not a request, answers {"id": ..., "ok": false,
// "error": "<message>"}; the process never exits because of a request.
//
// Secrets travel as a string (an iron password), as {"base64": "..."} (a raw key: a Buffer in
// iron), as {"id": ..., "secret": ...} or as an id -> secret map, exactly the shapes iron takes.

const readline = require('readline');
const Iron = require('@hapi/iron');
const IronSession = require('iron-session');

function decodeSecret(secret) {
  if (secret && typeof secret === 'object' && typeof secret.base64 === 'string') {
    return Buffer.from(secret.base64, 'base64');
  }
  return secret;
}

// The password argument as iron expects it: string, Buffer, {id, secret} or an id -> secret map.
function decodePassword(password) {
  if (password === null || password === undefined) {
    throw new Error('password is required');
  }
  if (typeof password === 'string') {
    return password;
  }
  if (typeof password !== 'object' || Array.isArray(password)) {
    throw new Error('password must be a string or an object');
  }
  if (typeof password.base64 === 'string') {
    return decodeSecret(password);
  }
  if ('secret' in password) {
    return { id: password.id, secret: decodeSecret(password.secret) };
  }
  const map = {};
  for (const [id, secret] of Object.entries(password)) {
    map[id] = decodeSecret(secret);
  }
  return map;
}

// Iron.defaults with the overrides a test asks for; a deep copy, so no request changes another.
function ironOptions(overrides) {
  const options = {
    ...Iron.defaults,
    encryption: { ...Iron.defaults.encryption },
    integrity: { ...Iron.defaults.integrity },
  };
  if (!overrides) {
    return options;
  }
  if (overrides.ttl !== undefined) options.ttl = overrides.ttl;
  if (overrides.timestampSkewSec !== undefined) options.timestampSkewSec = overrides.timestampSkewSec;
  if (overrides.localtimeOffsetMsec !== undefined) options.localtimeOffsetMsec = overrides.localtimeOffsetMsec;
  if (overrides.algorithm !== undefined) options.encryption.algorithm = overrides.algorithm;
  if (overrides.iterations !== undefined) {
    options.encryption.iterations = overrides.iterations;
    options.integrity.iterations = overrides.iterations;
  }
  if (overrides.encryptionIterations !== undefined) options.encryption.iterations = overrides.encryptionIterations;
  if (overrides.integrityIterations !== undefined) options.integrity.iterations = overrides.integrityIterations;
  if (overrides.saltBits !== undefined) {
    options.encryption.saltBits = overrides.saltBits;
    options.integrity.saltBits = overrides.saltBits;
  }
  if (overrides.minPasswordlength !== undefined) {
    options.encryption.minPasswordlength = overrides.minPasswordlength;
    options.integrity.minPasswordlength = overrides.minPasswordlength;
  }
  return options;
}

function requireString(request, field) {
  const value = request[field];
  if (typeof value !== 'string') {
    throw new Error(field + ' must be a string');
  }
  return value;
}

const operations = {
  ping: async () => ({ node: process.version, iron: require('@hapi/iron/package.json').version }),

  // Iron.seal(value): iron itself JSON.stringifies the value; "json" is that exact text.
  seal: async (r) => {
    const sealed = await Iron.seal(r.value, decodePassword(r.password), ironOptions(r.options));
    return { sealed, json: JSON.stringify(r.value) };
  },

  // Iron.unseal: iron JSON.parses the plaintext.
  unseal: async (r) => {
    const value = await Iron.unseal(requireString(r, 'sealed'), decodePassword(r.password), ironOptions(r.options));
    return { value };
  },

  // Exactly what tracker-cookie 1.0.2 does in res.track: the info is stringified first, so the
  // sealed plaintext is a JSON string holding JSON.
  trackerSeal: async (r) => {
    const sealed = await Iron.seal(JSON.stringify(r.info), decodePassword(r.password), Iron.defaults);
    return { sealed };
  },

  // Exactly what tracker-cookie 1.0.2 does on a request: unseal, then JSON.parse the string,
  // keeping the raw string when it does not parse.
  trackerUnseal: async (r) => {
    const unsealed = await Iron.unseal(requireString(r, 'sealed'), decodePassword(r.password), Iron.defaults);
    try {
      return { info: JSON.parse(unsealed), parsed: true };
    } catch (e) {
      return { info: unsealed, parsed: false };
    }
  },

  // iron-session 8: numeric password ids (the highest seals), ttl in seconds, a "~2" suffix.
  sessionSeal: async (r) => {
    const options = { password: decodePassword(r.password) };
    if (r.ttl !== undefined) options.ttl = r.ttl;
    const sealed = await IronSession.sealData(r.data, options);
    return { sealed };
  },

  // iron-session 8 answers {} for an expired, tampered or unknown-password seal.
  sessionUnseal: async (r) => {
    const options = { password: decodePassword(r.password) };
    if (r.ttl !== undefined) options.ttl = r.ttl;
    const data = await IronSession.unsealData(requireString(r, 'sealed'), options);
    return { data };
  },

  // Many requests in one line, run concurrently; answers keep the order of the requests.
  batch: async (r) => {
    if (!Array.isArray(r.requests)) {
      throw new Error('requests must be an array');
    }
    const results = await Promise.all(r.requests.map((inner) => run(inner)));
    return { results };
  },
};

async function run(request) {
  const id = request && typeof request === 'object' ? request.id ?? null : null;
  try {
    if (!request || typeof request !== 'object' || Array.isArray(request)) {
      throw new Error('request must be a JSON object');
    }
    const operation = Object.prototype.hasOwnProperty.call(operations, request.op) ? operations[request.op] : null;
    if (!operation) {
      throw new Error('unknown op: ' + String(request.op).slice(0, 40));
    }
    return { id, ok: true, result: await operation(request) };
  } catch (err) {
    return { id, ok: false, error: err && err.message ? err.message : String(err) };
  }
}

function answer(response) {
  process.stdout.write(JSON.stringify(response) + '\n');
}

let pending = 0;
let inputClosed = false;
function finishOne() {
  pending -= 1;
  if (inputClosed && pending === 0) {
    process.exit(0);
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    answer({ id: null, ok: false, error: 'request is not JSON' });
    return;
  }
  pending += 1;
  run(request)
    .then(answer, (err) => answer({ id: null, ok: false, error: String(err) }))
    .finally(finishOne);
});
// The Java side closes stdin to stop us: answer what is in flight, then never outlive it.
lines.on('close', () => {
  inputClosed = true;
  if (pending === 0) {
    process.exit(0);
  }
});
process.on('uncaughtException', (err) => answer({ id: null, ok: false, error: 'uncaught: ' + err.message }));
process.on('unhandledRejection', (err) => answer({ id: null, ok: false, error: 'unhandled: ' + String(err) }));
