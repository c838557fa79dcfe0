'use strict';
// The HTTP benchmark's Express side: the same tiny app as io.trackercookie.bench.HttpBenchServer,
// twice: without tracker-cookie (the baseline) and with it. Both listen on 127.0.0.1 on ports
// the OS picks and print one line of JSON: {"plain": port, "tracker": port}. Exits when stdin
// closes, so it never outlives bench/run-http.sh.
//
// Environment: TRACKER_PASSWORD (the password of the Java side; 32+ characters).
// Routes (both apps):  GET /read   "visits=<n>" from the tracker (baseline: a constant)
//                      GET /write  the tracker with visits + 1 (baseline: a constant)

const express = require('express');
const cookieParser = require('cookie-parser');
const trackerCookie = require('tracker-cookie');

const password = process.env.TRACKER_PASSWORD;
if (!password) {
    process.stderr.write('TRACKER_PASSWORD is not set\n');
    process.exit(2);
}

const plain = express();
plain.set('etag', false);
plain.use(cookieParser());
plain.get('/read', (req, res) => res.type('text/plain').send('visits=42'));
plain.get('/write', (req, res) => res.type('text/plain').send('visits=43'));

const tracked = express();
tracked.set('etag', false);
tracked.use(cookieParser());
tracked.use(trackerCookie(password));
tracked.get('/read', (req, res) => res.type('text/plain').send('visits=' + (req.tracker ? req.tracker.visits : 0)));
tracked.get('/write', (req, res) => {
    const info = Object.assign({}, req.tracker);
    info.visits = (info.visits || 0) + 1;
    res.track(info, () => res.type('text/plain').send('visits=' + info.visits));
});

const ports = {};
const listen = (name, app) => new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err) => (err ? reject(err) : resolve(server)));
    server.keepAliveTimeout = 60000;
}).then((server) => {
    ports[name] = server.address().port;
});

Promise.all([listen('plain', plain), listen('tracker', tracked)]).then(() => {
    process.stdout.write(JSON.stringify(ports) + '\n');
}, (err) => {
    process.stderr.write('listen failed: ' + err.message + '\n');
    process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
