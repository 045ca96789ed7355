-- W3: GET /Users?startIndex=1&count=100, the first page of an IdP's import.
-- wrk ... -s w3-page.lua <url> -- <scim base path> <token>

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Accept"] = "application/scim+json"
  path = args[1] .. "/Users?startIndex=1&count=100"
end

function request()
  return wrk.format("GET", path)
end
