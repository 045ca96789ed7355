-- Any GET under the SCIM base, for bench/run-cpu --get: the same request each time.
-- wrk ... -s get-path.lua <url> -- <scim base path> <token> <path under the base, query included>

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Accept"] = "application/scim+json"
  path = args[1] .. args[3]
end

function request()
  return wrk.format("GET", path)
end
