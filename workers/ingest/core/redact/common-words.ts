/**
 * Whether `word` (any case) is a common word of the senders' prose and programs that people
 * seldom hold as a surname (`SET`, `CASE`, `RECORD`, `ROUTE`, `POOL`, `PERIOD`, `CALL`, `TEST`),
 * in English, and a few in Portuguese, Spanish and German: a given name in capitals before one is
 * a word's, not a person's (`MS JULIA SET RENDER`, the fractal; `I AM JUSTIN CASE`, a pun; `added
 * to SAM A RECORD`, DNS's A record). Read by `titleCasedName` (upper-case-names.ts) for the words
 * after the first of a name in capitals, where nothing but the given name says a person is named.
 *
 * Words that are common surnames too are left out (`Smith`, `Baker`, `Cook`, `White`, `Brown`,
 * `Young`, `King`, `Hill`, `Wood`, `Page`, `Price`, `Cash`, `Park`, `Law`; Portuguese `Costa`,
 * `Dias`, `Lima`, `Santos`; German `Koch`, `Klein`, `Schwarz`): a name in capitals ending in one
 * is still a person's. Not complete: another word after a given name in capitals is read as a
 * surname, as in mixed case.
 */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}

const COMMON_WORDS: ReadonlySet<string> = new Set([
  // Records, data and their parts.
  "set", "sets", "case", "cases", "record", "records", "route", "routes", "note", "notes", "test", "tests", "pool", "pools", "size",
  "sizes", "period", "periods", "call", "calls", "list", "lists", "table", "tables", "node", "nodes", "key", "keys", "value", "values",
  "type", "types", "mode", "level", "levels", "state", "status", "time", "times", "date", "dates", "order", "orders", "job", "jobs",
  "task", "tasks", "queue", "event", "events", "log", "logs", "item", "items", "code", "codes", "view", "views", "form", "forms", "file",
  "files", "folder", "path", "data", "map", "array", "string", "number", "count", "total", "sum", "limit", "limits", "max", "min",
  "length", "width", "height", "depth", "range", "index", "point", "points", "score", "rate", "ratio", "scale", "step", "steps", "stage",
  "phase", "loop", "batch", "block", "chain", "link", "links", "post", "posts", "site", "zone", "region", "report", "reports", "request",
  "response", "result", "results", "error", "errors", "warning", "alert", "check", "checks", "query", "column", "row",
  "rows", "entry", "entries", "image", "text", "message", "messages", "version", "config", "settings", "option", "options", "account",
  "accounts", "user", "users", "group", "groups", "team", "role", "roles", "rule", "rules", "policy", "plan", "plans", "fee", "fees",
  "tax", "invoice", "payment", "payments", "transfer", "balance", "credit", "debit", "card", "cards", "amount", "service", "server",
  "session", "token", "cache", "store", "stock", "cart", "product", "products", "address", "email", "phone", "name", "names", "id",
  // Verbs and states a line in capitals prints after a subject.
  "add", "added", "create", "created", "delete", "deleted", "remove", "removed", "edit", "edited", "render", "rendered", "build", "run",
  "runs", "start", "started", "stop", "stopped", "end", "ended", "open", "opened", "close", "closed", "reset", "retry", "save", "saved",
  "load", "loaded", "send", "sent", "read", "write", "copy", "move", "moved", "sort", "search", "select", "insert", "apply", "cancel",
  "cancelled", "canceled", "submit", "submitted", "approve", "approved", "pending", "done", "ready", "active", "inactive", "enabled",
  "disabled", "failed", "passed", "updated", "update", "changed", "change", "logged", "signed", "sync", "upload", "download", "export",
  "import", "backup", "restore", "is", "was", "has", "had", "will", "can", "must", "not", "and", "or", "the", "of", "for", "with",
  // Adjectives and order words.
  "new", "old", "all", "none", "any", "only", "first", "last", "next", "previous", "other", "same", "default", "custom", "full", "empty",
  "main", "primary", "secondary", "public", "private", "local", "global", "remote", "online", "offline", "valid", "invalid",
  // Software's words and acronyms, and its vendors, a title in capitals stands before in jest (`HELLO MR API`, `HEY MR GOOGLE`).
  "api", "apis", "sql", "db", "qa", "sre", "dj", "dev", "ops", "devops", "proxy", "fix", "bug", "bot", "robot", "admin", "root",
  "host", "daemon", "worker", "cluster", "deploy", "docker", "kernel", "router", "backend", "frontend", "google", "amazon",
  "microsoft",
  // Portuguese, Spanish and German.
  "pedido", "conta", "cartao", "cartão", "nota", "dados", "teste", "registro", "valor", "saldo", "compra", "venda", "pagamento",
  "cadastro", "cuenta", "prueba", "datos", "pago", "konto", "daten", "rechnung", "auftrag", "zahlung",
]);
