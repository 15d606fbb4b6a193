/**
 * The names of Redis's commands (Redis command reference, redis.io/docs/latest/commands; Valkey
 * keeps them), lower case: what a line joining commands with `;` or `|` writes after the mark in
 * any case (`AUTH pw1;get k`), which tells the next command's start from a mark inside a password
 * (`N3w;Pw`). Container commands' subcommands follow their command after a blank and need no entry.
 */
const REDIS_COMMAND_NAMES: ReadonlySet<string> = new Set(
  (
    "acl append asking auth bgrewriteaof bgsave bitcount bitfield bitfield_ro bitop bitpos blmove blmpop blpop brpop " +
    "brpoplpush bzmpop bzpopmax bzpopmin client cluster command config copy dbsize debug decr decrby del discard dump " +
    "echo eval eval_ro evalsha evalsha_ro exec exists expire expireat expiretime failover fcall fcall_ro flushall " +
    "flushdb function geoadd geodist geohash geopos georadius georadius_ro georadiusbymember georadiusbymember_ro " +
    "geosearch geosearchstore get getbit getdel getex getrange getset hdel hello hexists hexpire hexpireat hexpiretime " +
    "hget hgetall hgetdel hgetex hincrby hincrbyfloat hkeys hlen hmget hmset hpersist hpexpire hpexpireat hpexpiretime " +
    "hpttl hrandfield hscan hset hsetex hsetnx hstrlen httl hvals incr incrby incrbyfloat info keys lastsave latency " +
    "lcs lindex linsert llen lmove lmpop lolwut lpop lpos lpush lpushx lrange lrem lset ltrim memory mget migrate " +
    "module monitor move mset msetnx multi object persist pexpire pexpireat pexpiretime pfadd pfcount pfdebug pfmerge " +
    "pfselftest ping psetex psubscribe psync pttl publish pubsub punsubscribe quit randomkey readonly readwrite rename " +
    "renamenx replconf replicaof reset restore role rpop rpoplpush rpush rpushx sadd save scan scard script sdiff " +
    "sdiffstore select set setbit setex setnx setrange shutdown sinter sintercard sinterstore sismember slaveof slowlog " +
    "smembers smismember smove sort sort_ro spop spublish srandmember srem sscan ssubscribe strlen subscribe substr " +
    "sunion sunionstore sunsubscribe swapdb sync time touch ttl type unlink unsubscribe unwatch wait waitaof watch xack " +
    "xadd xautoclaim xclaim xdel xgroup xinfo xlen xpending xrange xread xreadgroup xrevrange xsetid xtrim zadd zcard " +
    "zcount zdiff zdiffstore zincrby zinter zintercard zinterstore zlexcount zmpop zmscore zpopmax zpopmin zrandmember " +
    "zrange zrangebylex zrangebyscore zrangestore zrank zrem zremrangebylex zremrangebyrank zremrangebyscore zrevrange " +
    "zrevrangebylex zrevrangebyscore zrevrank zscan zscore zunion zunionstore"
  ).split(" "),
);

/** Whether `word` is a Redis command's name (`REDIS_COMMAND_NAMES`), in any case: `get`, `Get`, `GET`. */
export function isRedisCommandName(word: string): boolean {
  return REDIS_COMMAND_NAMES.has(word.toLowerCase());
}
