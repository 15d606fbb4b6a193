/**
 * The words that say a number identifies a thing, or that stand for "number" between a name and
 * its digits, shared by every detector that reads them (ids and SKUs, cards, CPFs and CNPJs,
 * SSNs, phones, RGs and CNHs), so a word added here is honoured by all of them.
 */

/**
 * Codes that identify a product or an item by themselves: stock-keeping units, manufacturer
 * part numbers, the GS1 barcodes (UPC, EAN, GTIN, a `barcode`, Portuguese `cod_barras`), Amazon's
 * ASIN, books' ISBN.
 */
export const PRODUCT_CODES: readonly string[] = ["sku", "mpn", "upc", "ean", "gtin", "barcode", "barras", "asin", "isbn"];

/**
 * Codes that identify a card payment by themselves, wherever they stand in a key (`nsu`,
 * `nsu_host`, `nsu_sitef`, `tid`, `cielo.tid`): the acquirer's or the terminal's transaction
 * number (NSU, Número Sequencial Único) and the transaction id (TID) Brazilian acquirers return.
 */
export const PAYMENT_CODES: readonly string[] = ["nsu", "tid"];

/**
 * Things whose number identifies them (`part_number`, `order no.`, `serial #`), also in
 * Portuguese and Spanish (`pedido 98765-4321`, `nota fiscal`'s `nota`, `fatura`, `factura`,
 * `produto`, `producto`, `rastreio`, `lote`), and the numbers of payments and their paperwork:
 * a boleto's `nosso número` (the bank's id of the boleto), an authorization (`autorização`),
 * a transaction, a protocol, a ticket, a reference; and the records systems number (a shipment,
 * a table's row or record, a Discord or Twitter snowflake).
 */
export const NUMBERED_THINGS: readonly string[] = [
  "part", "item", "model", "order", "invoice", "serial", "tracking", "product", "catalog", "catalogue", "batch", "lot",
  "pedido", "encomenda", "nota", "fatura", "factura", "produto", "producto", "rastreio", "lote", "modelo", "serie", "série",
  "nosso", "autorizacao", "autorização", "transacao", "transação", "transaction", "protocolo", "protocol", "boleto",
  "chamado", "ticket", "referencia", "referência", "reference", "shipment", "row", "record", "snowflake",
];

/**
 * The numbered things that are a card payment or its approval (`transaction`, `transação`,
 * `autorização`): payment logs write the card's number right after these words (`transaction
 * 4111… declined`), so a card's number there is still a card, where after any other thing's word
 * (`order #…`, `invoice number …`) it is that thing's id (docs/decisions.md, 2026-12-03).
 */
export const CARD_PAYMENT_THINGS: ReadonlySet<string> = new Set(["transaction", "transacao", "transação", "autorizacao", "autorização"]);

/**
 * Words for "number" after such a thing or a document's name, or before it in Portuguese and
 * Spanish (`numero_pedido`, `nro_factura`), lower case (`number`, `no`, `nº`, `número`, `nro`).
 */
export const NUMBER_WORDS: readonly string[] = ["number", "no", "num", "nr", "nro", "numero", "número", "nº"];

/**
 * A regex source (compiled without flags) of a word for "number" in any case, or `#`: `number`,
 * `NUMBER`, `no`, `No`, `num`, `nr`, `nro`, `número`, `numero`, `NÚMERO`, `nº`, `n°`, `n.º`. Callers
 * allow a `.` after it (`no.`).
 */
export const NUMBER_WORD = "(?:[Nn](?:[Uu][Mm][Bb][Ee][Rr]|[UuÚú][Mm][Ee][Rr][Oo]|[Uu][Mm]|[Oo]|[Rr][Oo]?|[º°]|\\.[º°])|#)";

export const PRODUCT_CODE_SET: ReadonlySet<string> = new Set(PRODUCT_CODES);
export const PAYMENT_CODE_SET: ReadonlySet<string> = new Set(PAYMENT_CODES);
export const NUMBERED_THING_SET: ReadonlySet<string> = new Set(NUMBERED_THINGS);
export const NUMBER_WORD_SET: ReadonlySet<string> = new Set(NUMBER_WORDS);

/**
 * A unit or a count's noun after a number (`zip 48213 bytes`, `ZIP 94105 entries indexed`,
 * `passport 12345678 ms`, `12345 KB`, `linhas`, `registros`), tested on the text just after the
 * number (its first 24 characters are enough): the number is an amount of them, no code or
 * document's number.
 */
export const AMOUNT_AFTER =
  new RegExp(String.raw`^[ \t]*(?:bytes?|[kmgt]i?b|entries|entry|rows?|files?|items?|records?|lines?|objects?|keys?|documents?|docs|times|ms|s|secs?|seconds?|%|vezes|linhas?|itens|registros?|arquivos?|entradas?|segundos?)(?![\p{L}\d])`, "iu");
/** How much of the text after a number `AMOUNT_AFTER` needs. */
export const AMOUNT_REACH = 24;

/**
 * Things a system creates and logs say are "born" (`batch born 2024-05-01`, `born 2024-05-01 build
 * 7`, `node-7 born on …`), in English and the field's languages: units of work and their runs,
 * machines and their parts, releases and their artifacts, stores and their pieces. Beside `born`,
 * `nascido em`, `nacido el`, `geboren am` or `né le` such a word says the date is the thing's, no
 * person's birth (`detectors/personal-documents.ts`). Lower case, singular.
 */
export const BORN_THINGS: ReadonlySet<string> = new Set([
  "batch", "build", "job", "task", "run", "pipeline", "workflow", "cron", "worker", "process", "thread", "queue", "topic", "stream",
  "node", "cluster", "pod", "container", "instance", "vm", "host", "server", "machine", "shard", "replica", "partition", "volume", "disk",
  "release", "version", "revision", "commit", "branch", "tag", "image", "artifact", "bundle", "deployment", "deploy", "service", "app",
  "snapshot", "backup", "migration", "index", "table", "database", "db", "bucket", "file", "key", "cert", "certificate", "token",
  "project", "repo", "repository", "feature", "model", "dataset", "epoch", "account",
  "lote", "versão", "versao", "versión", "servidor", "nó", "tarefa", "tarea", "arquivo", "archivo", "projeto", "proyecto",
  "knoten", "fichier", "serveur", "tâche", "tache",
]);
