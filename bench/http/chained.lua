-- wrk script for bench/run-http.sh's /write-chained: like a browser, each request sends back the
-- tracker cookie that the last response set (per wrk thread: its connections share the latest
-- one), so every request brings a seal the server wrote moments before rather than the same one.
-- Starts from the cookie in the file named by COOKIE_FILE; a response without the tracker's
-- Set-Cookie (the baseline apps) leaves the cookie as it is, so both sides run this same script.
local f = assert(io.open(os.getenv("COOKIE_FILE"), "r"))
local value = f:read("*l")
f:close()

request = function()
  return wrk.format(nil, nil, {["Cookie"] = "theme=dark; persistent-information=" .. value .. "; lang=en"})
end

response = function(status, headers, body)
  local line = headers["Set-Cookie"]
  if line then
    local sealed = line:match("^persistent%-information=([^;]+)")
    if sealed then
      value = sealed
    end
  end
end
