export { expectedColumns, type SchemaTable } from "./catalog";
export {
  compareExistingSchema,
  describeDifference,
  describeDifferences,
  type ExistingTable,
  type SchemaAspect,
  type SchemaDifference,
} from "./compare";
export { findSchemaDifferences, readExistingTables } from "./existing";
export { applySchemaChecked, type CheckedApply } from "./checked-apply";
export { type TableEngine } from "./engine";
export { defaultGeneration, generations, type Generation } from "./generation";
export {
  defaultDatabase,
  defaultNonReplicatedDeduplicationWindow,
  resolveSchemaOptions,
  schemaOptionsInput,
  type SchemaOptions,
  type SchemaOptionsInput,
} from "./options";
export { renderSchema, type DdlStatement, type SchemaObjectKind } from "./render";
export { schemaScript } from "./script";
export { parseServerVersion, supportsFullTextSearch, type ServerVersion } from "./server-version";
export type { ColumnKind, ExpectedColumn } from "./table-spec";
export {
  defaultTableNames,
  tableFlags,
  tableKinds,
  traceIdTimestampTableName,
  traceIdTimestampViewName,
  type TableKind,
  type TableNames,
} from "./table-names";
export { applySchema, describeOutcomes, queryServerVersion, type ApplyOutcome, type DdlClient } from "./apply";
