import { describe, expect, it } from "vitest";
import { declaredCharset, utf8Body } from "../../workers/ingest/http/charset";
import { HttpError } from "../../workers/ingest/http/errors";

const TEXT = "Passwort geändert für Müller";
const LIMIT = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (char) => char.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, i) => view.setUint16(i * 2, unit, littleEndian));
  return bytes;
};
const document = (body: string) => `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"${body}"},"timeUnixNano":"1733380000123456789"}]}]}]}`;
const asUtf8 = (contentType: string, body: Uint8Array) => new TextDecoder().decode(utf8Body(body, declaredCharset(contentType), LIMIT));

describe("declaredCharset", () => {
  it.each([null, "application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", 'application/json; charset="utf8"', "application/json; charset=us-ascii", "application/json; charset=ASCII", "application/json; charset=unicode-1-1-utf-8", "application/json; foo=bar"])(
    "reads %s as UTF-8",
    (contentType) => expect(declaredCharset(contentType)).toBeUndefined(),
  );

  it.each([
    ["application/json; charset=ISO-8859-1", "windows-1252"],
    ["application/json; charset=latin1", "windows-1252"],
    ["application/json;charset=windows-1252", "windows-1252"],
    ['application/json; charset="cp1252"', "windows-1252"],
    ["application/json; charset=utf-16", "utf-16le"],
    ["application/json; charset=UTF-16LE", "utf-16le"],
    ["application/json; charset=utf-16be; foo=bar", "utf-16be"],
    ["application/json; charset=iso-8859-2", "iso-8859-2"],
  ])("reads %s as %s", (contentType, encoding) => expect(declaredCharset(contentType)?.encoding).toBe(encoding));

  it.each([
    ["application/json; charset=foo", "foo"],
    ["application/json; charset=", ""],
    ["application/json; charset=iso-2022-kr", "iso-2022-kr"],
  ])("refuses %s with a 415 naming the label", (contentType, label) => {
    let refusal: unknown;
    try {
      declaredCharset(contentType);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpError);
    expect((refusal as HttpError).status).toBe(415);
    expect((refusal as HttpError).message).toBe(
      `unsupported charset ${JSON.stringify(label)} in Content-Type ${JSON.stringify(contentType)}: ` +
        "OTLP/JSON is UTF-8 (RFC 8259 §8.1); send the body as UTF-8 (charset=utf-8, or no charset), " +
        "or name the encoding its bytes are in by a WHATWG Encoding Standard label (iso-8859-1, windows-1252, utf-16, …)",
    );
  });
});

describe("utf8Body", () => {
  it("keeps the body itself without a charset to honour", () => {
    const body = utf8(document(TEXT));
    expect(utf8Body(body, declaredCharset("application/json; charset=utf-8"), LIMIT)).toBe(body);
  });

  it.each(["ISO-8859-1", "latin1", "windows-1252", "cp1252"])("reads a body declared %s as sent", (label) => {
    expect(asUtf8(`application/json; charset=${label}`, latin1(document(TEXT)))).toBe(document(TEXT));
  });

  it("reads windows-1252's letters past Latin-1 (€, Ÿ) as windows-1252", () => {
    expect(asUtf8("application/json; charset=iso-8859-1", Uint8Array.of(0x80, 0x20, 0x9f, 0x20, 0xe4))).toBe("€ Ÿ ä");
  });

  it("keeps every digit of a 64-bit integer: the text changes encoding, not its characters", () => {
    expect(JSON.parse(asUtf8("application/json; charset=latin1", latin1(document(TEXT)))).resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano).toBe("1733380000123456789");
  });

  it.each(["iso-8859-1", "utf-16le"])("keeps a body declared %s that is UTF-8 itself as it came", (label) => {
    const body = utf8(document(TEXT));
    expect(utf8Body(body, declaredCharset(`application/json; charset=${label}`), LIMIT)).toBe(body);
  });

  it.each([
    ["utf-16", true, true],
    ["utf-16", false, true],
    ["utf-16", true, false],
    ["utf-16le", true, false],
    ["utf-16be", false, false],
    // The byte-order mark or the zero bytes tell the order, whichever UTF-16 label came.
    ["utf-16le", false, true],
  ])("reads a body declared %s (little-endian %s, mark %s) as sent", (label, littleEndian, bom) => {
    expect(asUtf8(`application/json; charset=${label}`, utf16(document(TEXT), littleEndian, bom))).toBe(document(TEXT));
  });

  it("refuses with 413 a body whose UTF-8 is past MAX_DECOMPRESSED_BYTES, never writing past it, naming both sizes", () => {
    const euros = new Uint8Array(1000).fill(0x80);
    const decoder = declaredCharset("application/json; charset=windows-1252");
    expect(new TextDecoder().decode(utf8Body(euros, decoder, 3000))).toBe("€".repeat(1000));
    expect(refusal(() => utf8Body(euros, decoder, 2999))).toEqual({
      status: 413,
      message:
        "request body is 1000 bytes in windows-1252 as sent (uncompressed), but more than 2999 bytes once read as UTF-8 from its charset, " +
        "the limit of MAX_DECOMPRESSED_BYTES: send it as UTF-8 (charset=utf-8), or in smaller batches",
    });
  });

  it("names UTF-16 in the 413 of a UTF-16 body whose UTF-8 is past the limit", () => {
    const body = utf16("€".repeat(100), false, true);
    expect(refusal(() => utf8Body(body, declaredCharset("application/json; charset=utf-16"), 299))?.message).toMatch(/^request body is 202 bytes in UTF-16BE as sent \(uncompressed\), but more than 299 bytes/);
  });

  // The WHATWG Encoding Standard's decode: a byte-order mark overrides the label.
  it.each(["iso-8859-1", "windows-1252", "iso-8859-2", "utf-16", "utf-16be"])("reads a body declared %s that starts with UTF-8's byte-order mark as UTF-8, as it came", (label) => {
    const body = Uint8Array.of(0xef, 0xbb, 0xbf, ...latin1(document(TEXT)));
    expect(utf8Body(body, declaredCharset(`application/json; charset=${label}`), LIMIT)).toBe(body);
  });

  it.each([
    ["iso-8859-1", true],
    ["iso-8859-1", false],
    ["windows-1252", false],
    ["iso-8859-2", true],
  ])("reads a body declared %s that starts with a UTF-16 byte-order mark (little-endian %s) as UTF-16", (label, littleEndian) => {
    expect(asUtf8(`application/json; charset=${label}`, utf16(document(TEXT), littleEndian, true))).toBe(document(TEXT));
  });

  it("keeps a body declared iso-8859-1 that starts with UTF-32LE's byte-order mark as it came, to be named UTF-32", () => {
    const body = Uint8Array.of(0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00, 0x7d, 0x00, 0x00, 0x00);
    expect(utf8Body(body, declaredCharset("application/json; charset=iso-8859-1"), LIMIT)).toBe(body);
  });

  it.each([
    ["utf-16", true, true, "UTF-16LE"],
    ["utf-16be", false, false, "UTF-16BE"],
    ["iso-8859-1", false, true, "UTF-16BE"],
  ])("refuses with 400 a body declared %s (little-endian %s, mark %s) with an odd number of bytes", (label, littleEndian, bom, encoding) => {
    const whole = utf16(document(TEXT), littleEndian, bom);
    const cut = whole.subarray(0, whole.length - 1);
    expect(refusal(() => utf8Body(cut, declaredCharset(`application/json; charset=${label}`), LIMIT))).toEqual({
      status: 400,
      message:
        `request body is ${encoding} text of ${cut.length} bytes, an odd count where UTF-16 takes two bytes a code unit: ` +
        "it was cut short, or is not UTF-16; send the whole body, as UTF-8 (charset=utf-8) or UTF-16",
    });
  });
});

/** The status and message of the HttpError `run` throws, or undefined when it throws none. */
function refusal(run: () => unknown): { status: number; message: string } | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return { status: (error as HttpError).status, message: (error as HttpError).message };
  }
  return undefined;
}
