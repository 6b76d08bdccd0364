-- wrk script: every connection walks the public pages and API lists in turn.
local paths = {
  "/nl/", "/fr/security-environment/", "/nl/security-environment/arctic/",
  "/en/security-environment/search/?q=NAVO", "/nl/budget/", "/de/budget/2014-2019/2015/",
  "/nl/budget/export/lines.csv", "/fr/working-group/", "/api/v1/analyses/",
  "/api/v1/budget-reviews/", "/api/v1/working-group/tracks/", "/sitemap.xml",
}
local counter = 0

-- `wrk ... -s bench/loadtest.lua URL -- /one/path/` measures that path alone (make bench).
init = function(args)
  if #args > 0 then paths = { args[1] } end
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "LOADTEST requests=%d non_2xx_3xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.1f p99_ms=%.1f rps=%.1f\n",
    summary.requests, errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
