/**
 * OpenTelemetry's well-known `db.system` (`db.system.name`) values that name a database other
 * than Redis: an `AUTH` operation beside one is that database's (Cassandra's `AUTH_RESPONSE`),
 * no Redis command. A closed list, as a name not on it (`elasticache`, `keydb`, `dragonfly`,
 * `other`) may be a Redis-compatible store's, whose `AUTH` carries a password.
 */
const OTHER_DATABASES: ReadonlySet<string> = new Set([
  "other_sql", "mssql", "mssqlcompact", "mysql", "oracle", "db2", "postgresql", "redshift", "hive", "cloudscape", "hsqldb",
  "progress", "maxdb", "hanadb", "ingres", "firstsql", "edb", "cache", "adabas", "firebird", "derby", "filemaker", "informix",
  "instantdb", "interbase", "mariadb", "netezza", "pervasive", "pointbase", "sqlite", "sybase", "teradata", "vertica", "h2",
  "coldfusion", "cassandra", "hbase", "mongodb", "couchbase", "couchdb", "cosmosdb", "dynamodb", "neo4j", "geode",
  "elasticsearch", "memcached", "cockroachdb", "opensearch", "clickhouse", "spanner", "trino",
]);

/** Whether `system`, a `db.system` value in any case, names a database other than Redis (`OTHER_DATABASES`). */
export function isOtherDatabase(system: string): boolean {
  return OTHER_DATABASES.has(system.toLowerCase());
}
