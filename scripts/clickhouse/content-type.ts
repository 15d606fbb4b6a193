/** The `Content-Type` a server labels each output format with. */
export function contentTypeOf(format: string): string {
  const name = format.toLowerCase();
  if (BINARY_FORMATS.some((prefix) => name.startsWith(prefix))) return "application/octet-stream";
  if (name.startsWith("json") && name.includes("eachrow")) return "application/x-ndjson; charset=UTF-8";
  if (name.startsWith("json")) return "application/json; charset=UTF-8";
  if (name.startsWith("tabseparated") || name.startsWith("tsv")) {
    return "text/tab-separated-values; charset=UTF-8";
  }
  if (name.startsWith("csv")) {
    return `text/csv; charset=UTF-8; header=${name.includes("withnames") ? "present" : "absent"}`;
  }
  if (name === "xml") return "application/xml; charset=UTF-8";
  return "text/plain; charset=UTF-8";
}

const BINARY_FORMATS = [
  "rowbinary", "native", "parquet", "arrow", "orc", "avro", "protobuf", "capnproto", "msgpack", "bson", "npy",
];
