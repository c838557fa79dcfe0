-- wrk script for bench/run-http.sh: every request carries the tracker cookie (and two others,
-- as a browser would), read from the file named by the COOKIE_FILE environment variable.
local f = assert(io.open(os.getenv("COOKIE_FILE"), "r"))
local value = f:read("*l")
f:close()
wrk.headers["Cookie"] = "theme=dark; persistent-information=" .. value .. "; lang=en"
