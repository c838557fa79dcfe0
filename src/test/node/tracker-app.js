'use strict';

// A real Express 5 app using the npm tracker-cookie 1.0.2 middleware, for the Java interop
// tests. It listens on 127.0.0.1 on a port the OS picks and prints that port as its first line
// on stdout. It exits when its stdin closes, so it never outlives the test that started it.
//
// Environment: TRACKER_COOKIE_PASSWORD (required, 32+ characters: iron's minimum),
//              TRACKER_COOKIE_NAME (optional; tracker-cookie's default is persistent-information).
//
// Routes:  GET /track?info=<json>  res.track(JSON.parse(info)), then {"tracked": true}
//          GET /clear              res.track(null): tracker-cookie clears its cookie
//          GET /echo               {"tracker": req.tracker}

const express = require('express');
const cookieParser = require('cookie-parser');
const trackerCookie = require('tracker-cookie');

const password = process.env.TRACKER_COOKIE_PASSWORD;
if (!password) {
  process.stderr.write('TRACKER_COOKIE_PASSWORD is not set\n');
  process.exit(2);
}
const options = {};
if (process.env.TRACKER_COOKIE_NAME) {
  options.cookieName = process.env.TRACKER_COOKIE_NAME;
}

const app = express();
app.use(cookieParser());
app.use(trackerCookie(password, options));

app.get('/track', (req, res) => {
  let info;
  try {
    info = JSON.parse(String(req.query.info));
  } catch (e) {
    res.status(400).json({ error: 'info is not JSON' });
    return;
  }
  // res.track seals asynchronously; answer only once the cookie is on the response.
  res.track(info, (err) => {
    if (err) {
      res.status(500).json({ error: 'could not track' });
      return;
    }
    res.json({ tracked: true });
  });
});

app.get('/clear', (req, res) => {
  res.track(null, () => res.json({ cleared: true }));
});

app.get('/echo', (req, res) => {
  res.json({ tracker: req.tracker });
});

const server = app.listen(0, '127.0.0.1', (err) => {
  if (err) {
    process.stderr.write('listen failed: ' + err.message + '\n');
    process.exit(3);
  }
  process.stdout.write(server.address().port + '\n');
});

process.stdin.on('data', () => {});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.on('close', () => process.exit(0));
