/**
 * One string per dotted key within a request: `cache.status` lifted from a thousand log lines is
 * one instance, not a thousand equal ones.
 *
 * Every later stage looks a key up or compares it: redaction's key rules (a table of recent keys
 * compared by `===`), the attribute maps' sort, the serializer's table of quoted keys. A key
 * built afresh by concatenation is a new string each record, which each of those must flatten
 * and hash or compare character by character; the same instance is found by its pointer and its
 * cached hash. For a JSON body the parts are themselves one instance each (JSON.parse's
 * property names are internalized, and a dotted prefix comes from this table), so finding the
 * joined key hashes nothing new.
 */
export class DottedKeys {
  /** `prefix` → `name` → `prefix.name`. Lives as long as one request, so it holds no request's keys after it. */
  private readonly byPrefix = new Map<string, Map<string, string>>();

  /** `${prefix}.${name}`, the same instance for the same parts. */
  join(prefix: string, name: string): string {
    let joined = this.byPrefix.get(prefix);
    if (joined === undefined) {
      joined = new Map();
      this.byPrefix.set(prefix, joined);
    }
    let key = joined.get(name);
    if (key === undefined) {
      key = flat(`${prefix}.${name}`);
      joined.set(name, key);
    }
    return key;
  }
}

/**
 * `text` flattened in place: a string built with `+` is a tree of its pieces until something
 * reads it as a whole, and a key kept for a whole request is read many times. V8 flattens a
 * regular expression's subject before matching, and `^` matches at once.
 */
function flat(text: string): string {
  STARTS.test(text);
  return text;
}

const STARTS = /^/;
