import type { Redis } from 'ioredis';

/**
 * The Lua scripts behind the Redis {@link Store} (redis-store.ts): each call that reads then writes is one script,
 * run atomically by Redis, so processes sharing the store never interleave inside it. A value is stored as
 * `<expiresAt>:<json>` (`expiresAt` empty when it never expires); `live` reads that prefix against the virtual now
 * the caller passes. Numbers go back to the client as strings: Redis turns a Lua number into an integer reply,
 * dropping any fraction.
 */
const LIVE = `
local function live(cur, now)
  local i = string.find(cur, ':', 1, true)
  local exp = string.sub(cur, 1, i - 1)
  return exp == '' or tonumber(exp) > now, exp
end
`;

/** KEYS: values hash, order zset, expiries zset, order counter, index set. Stores `ARGV[2]` at the end of the order. */
const PUT = `
local function put(key, encoded, exp, member)
  local n = redis.call('INCR', KEYS[4])
  redis.call('HSET', KEYS[1], key, encoded)
  redis.call('ZADD', KEYS[2], n, key)
  if exp == '' then redis.call('ZREM', KEYS[3], member) else redis.call('ZADD', KEYS[3], exp, member) end
  redis.call('SADD', KEYS[5], KEYS[1], KEYS[2])
end
`;

const scripts = {
  /** ARGV: key, `<exp>:<json>`, exp, expiry member. */
  hsbSet: { numberOfKeys: 5, lua: `${PUT} put(ARGV[1], ARGV[2], ARGV[3], ARGV[4])` },
  /** KEYS: values hash. ARGV: key, json, now. 1 when a live entry was replaced, its expiry and place kept. */
  hsbReplace: {
    numberOfKeys: 1,
    lua: `${LIVE}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
local alive, exp = live(cur, tonumber(ARGV[3]))
if not alive then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], exp .. ':' .. ARGV[2])
return 1`,
  },
  /** KEYS as hsbSet. ARGV: key, exp, expiry member, now. 1 when there was no live entry and `true` is now stored. */
  hsbClaim: {
    numberOfKeys: 5,
    lua: `${LIVE}${PUT}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur and live(cur, tonumber(ARGV[4])) then return 0 end
put(ARGV[1], ARGV[2] .. ':true', ARGV[2], ARGV[3])
return 1`,
  },
  /** KEYS as hsbSet. ARGV: key, by, exp, expiry member, now. The new value, as a string. */
  hsbIncrement: {
    numberOfKeys: 5,
    lua: `${LIVE}${PUT}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local by = tonumber(ARGV[2])
if cur then
  local alive, exp = live(cur, tonumber(ARGV[5]))
  if alive then
    local value = string.format('%.17g', tonumber(string.sub(cur, #exp + 2)) + by)
    redis.call('HSET', KEYS[1], ARGV[1], exp .. ':' .. value)
    return value
  end
end
local value = string.format('%.17g', by)
put(ARGV[1], ARGV[3] .. ':' .. value, ARGV[3], ARGV[4])
return value`,
  },
  /** KEYS: values hash, order zset, expiries zset. ARGV: key, expiry member. */
  hsbDelete: {
    numberOfKeys: 3,
    lua: `redis.call('HDEL', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[1]) redis.call('ZREM', KEYS[3], ARGV[2])`,
  },
  /** KEYS: values hash, order zset. ARGV: now. Live entries in order: key, `<exp>:<json>`, key, … */
  hsbEntries: {
    numberOfKeys: 2,
    lua: `${LIVE}
local now, out = tonumber(ARGV[1]), {}
for _, key in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local cur = redis.call('HGET', KEYS[1], key)
  if cur and live(cur, now) then out[#out + 1] = key out[#out + 1] = cur end
end
return out`,
  },
  /** KEYS: log list, log counter, index set. ARGV: json, max (empty: unbounded). The entry's number. */
  hsbAppend: {
    numberOfKeys: 3,
    lua: `
local n = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], ARGV[1])
local max = tonumber(ARGV[2])
if max == 0 then redis.call('DEL', KEYS[1]) elseif max then redis.call('LTRIM', KEYS[1], -max, -1) end
redis.call('SADD', KEYS[3], KEYS[1], KEYS[2])
return n`,
  },
  /** KEYS: log list, log counter. The last number (a string, or false) then the entries, oldest first. */
  hsbRead: {
    numberOfKeys: 2,
    lua: `
local out = redis.call('LRANGE', KEYS[1], 0, -1)
table.insert(out, 1, redis.call('GET', KEYS[2]))
return out`,
  },
  /**
   * KEYS: expiries zset. ARGV: scope prefix, now, batch. Deletes up to `batch` entries expired at `now`, earliest
   * first; returns how many it looked at. The values hash and order zset are named from the member (`<ns>\0<key>`):
   * the scope's hash tag keeps them in the expiries' slot.
   */
  hsbSweep: {
    numberOfKeys: 1,
    lua: `${LIVE}
local now = tonumber(ARGV[2])
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(members) do
  local i = string.find(m, '\\0', 1, true)
  local ns, key = string.sub(m, 1, i - 1), string.sub(m, i + 1)
  local values = ARGV[1] .. 'v:' .. ns
  local cur = redis.call('HGET', values, key)
  if cur and not live(cur, now) then
    redis.call('HDEL', values, key)
    redis.call('ZREM', ARGV[1] .. 'o:' .. ns, key)
  end
  redis.call('ZREM', KEYS[1], m)
end
return #members`,
  },
  /** KEYS (their count first): index set, then any other keys to delete. Deletes every key the index names, and KEYS. */
  hsbClear: {
    lua: `
local names = redis.call('SMEMBERS', KEYS[1])
for i = 1, #names, 1000 do redis.call('UNLINK', unpack(names, i, math.min(i + 999, #names))) end
redis.call('UNLINK', unpack(KEYS))`,
  },
} as const;

type Arg = string | number;
type Reply<R> = (...args: Arg[]) => Promise<R>;

/** The scripts, as commands of a connection (sent by EVALSHA, loaded again by ioredis when Redis has lost them). */
export interface Scripts {
  hsbSet: Reply<unknown>;
  hsbReplace: Reply<number>;
  hsbClaim: Reply<number>;
  hsbIncrement: Reply<string>;
  hsbDelete: Reply<unknown>;
  hsbEntries: Reply<string[]>;
  hsbAppend: Reply<number>;
  hsbRead: Reply<Array<string | null>>;
  hsbSweep: Reply<number>;
  hsbClear: Reply<unknown>;
}

export function defineScripts(redis: Redis): Redis & Scripts {
  for (const [name, definition] of Object.entries(scripts)) redis.defineCommand(name, definition);
  return redis as Redis & Scripts;
}
