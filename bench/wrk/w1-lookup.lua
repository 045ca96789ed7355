-- W1: GET /Users?filter=userName eq "<a random seeded user>", the lookup an IdP sends before each create.
-- wrk ... -s w1-lookup.lua <url> -- <scim base path> <token> <users>
-- Seeded names are demo.user.%07d@example.com (reference-server's --seed-users), numbered from 0.

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  base, users = args[1], tonumber(args[3])
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Accept"] = "application/scim+json"
  math.randomseed(os.time() * 1000 + id)
end

function request()
  local name = string.format("demo.user.%07d%%40example.com", math.random(0, users - 1))
  return wrk.format("GET", base .. "/Users?filter=userName%20eq%20%22" .. name .. "%22")
end
