/**
 * What every Go MySQL DSN `detectors/go-mysql-dsn.ts` takes holds: its `@` before a network
 * (`@tcp(`, `@tcp6(`, `@unix(`, `@tcp/`) or before the database's `/` (`@/orders`). The gate of
 * `MoreEvidence.GO_MYSQL_DSN`, apart from the detector so that `evidence.ts` need not import it.
 */
export const GO_MYSQL_DSN_HINT = /@(?:tcp[46]?[(/]|unix[(/]|\/)/;
