-- W2: PATCH /Users/{id} replace "active", a real flip each time.
-- wrk ... -s w2-flip.lua <url> -- <scim base path> <token> <ids file> <state dir> <first slot>
--
-- The ids are dealt into 4 slots (line i goes to slot i % 4); wrk thread t of a process started with first slot f
-- walks slot f + t, so one server's wrk (f = 0) and a second server's (f = 2) never touch the same user. A slot's
-- walk is a sequence s = 0, 1, 2, ...: request s patches the slot's user s % n to active = (s / n is odd): the
-- first pass deactivates every user (seeded active), the next reactivates them, and so on. done() stores each
-- slot's next s in <state dir>/slot-<k>, kept with the database, so the next run carries on where this one
-- stopped and every PATCH changes the value. (The few requests in flight when wrk stops are counted as sent.)

local SLOTS = 4
local threads = {}
local counter = 0
local function readSequence(dir, slot)
  local file = io.open(dir .. "/slot-" .. slot, "r")
  if file == nil then
    return 0
  end
  local value = tonumber(file:read("*l")) or 0
  file:close()
  return value
end

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  base = args[1]
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Accept"] = "application/scim+json"
  wrk.headers["Content-Type"] = "application/scim+json"
  slot = tonumber(args[5]) + index
  ids = {}
  local line = 0
  for id in io.lines(args[3]) do
    if line % SLOTS == slot then
      table.insert(ids, id)
    end
    line = line + 1
  end
  stateDir = args[4]
  sequence = readSequence(stateDir, slot)
  bodies = {}
  for _, value in ipairs({"false", "true"}) do
    bodies[value] = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],'
        .. '"Operations":[{"op":"replace","path":"active","value":' .. value .. '}]}'
  end
end

function request()
  local n = #ids
  local id = ids[(sequence % n) + 1]
  local value = (math.floor(sequence / n) % 2 == 0) and "false" or "true"
  sequence = sequence + 1
  return wrk.format("PATCH", base .. "/Users/" .. id, nil, bodies[value])
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local file = io.open(thread:get("stateDir") .. "/slot-" .. thread:get("slot"), "w")
    file:write(string.format("%d\n", thread:get("sequence")))
    file:close()
  end
end
