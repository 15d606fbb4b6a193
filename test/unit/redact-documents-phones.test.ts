/**
 * Brazilian identity documents and phone numbers by their words and their keys, the kinds a
 * policy turns off one by one, and the scanner's room for detectors.
 */
import { describe, expect, it } from "vitest";
import { redactionPolicy, storedLogAttributes } from "../support/redaction";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { BUILT_IN_KINDS, defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { type Detector } from "../../workers/ingest/core/redact/detectors";
import { Place } from "../../workers/ingest/core/redact/detectors/detector";
import { EVIDENCE_WORD_BITS, Evidence, MoreEvidence } from "../../workers/ingest/core/redact/evidence";
import { RedactionTally } from "../../workers/ingest/core/redact/tally";
import { MAX_EXCLUDED_DETECTORS, TextScanner } from "../../workers/ingest/core/redact/text-scanner";
import { isSecretName } from "../../workers/ingest/core/redact/secret-names";
import { readVarName } from "../../audit/core/var-names";
import { itKeepsUncounted, itStores } from "../support/redaction-cases";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: string): KeyValue => ({ key, value: str(value) });

const policy = redactionPolicy;

const redacted = (text: string, with_ = defaultRedactionPolicy()) => redactString(text, with_);

const asLogAttributes = (attributes: KeyValue[]) => storedLogAttributes(attributes);

describe("Brazilian identity documents", () => {
  itStores("redacts a document's number after its name: %j", (text) => redacted(text).text, [
    ["RG 12.345.678-9", "RG [REDACTED:rg]"],
    ["RG: 123456789", "RG: [REDACTED:rg]"],
    ["RG nº SP-12.345.678-X emitido", "RG nº SP-[REDACTED:rg] emitido"],
    ["numeroRg=1234567", "numeroRg=[REDACTED:rg]"],
    ["CNH 02650306461", "CNH [REDACTED:cnh]"],
    ["carteira nacional de habilitação nº 123 456 789 00", "carteira nacional de habilitação nº [REDACTED:cnh]"],
  ]);

  it("takes the whole value under a key naming the document, and nothing under other keys", () => {
    const { values, kinds } = asLogAttributes([
      attr("cliente.rg", "12.345.678-9"),
      attr("rg_numero", "123456789"),
      attr("motorista.cnh", "02650306461"),
      attr("cargo", "123456789"),
      attr("rg", "ver documento anexo 123456789"),
    ]);
    expect(values).toEqual({
      "cliente.rg": "[REDACTED:rg]",
      rg_numero: "[REDACTED:rg]",
      "motorista.cnh": "[REDACTED:cnh]",
      cargo: "123456789",
      rg: "ver documento anexo 123456789",
    });
    expect(kinds).toBe("cnh,rg");
  });
});

describe("phone numbers without a country code", () => {
  itStores("redacts %j", (text) => redacted(text).text, [
    ["celular 98765-4321", "celular [REDACTED:phone]"],
    ["tel: 11 98765-4321", "tel: [REDACTED:phone]"],
    ["whatsapp 11987654321", "whatsapp [REDACTED:phone]"],
    ["WhatsApp: (11) 3456-7890", "WhatsApp: [REDACTED:phone]"],
    ["ligue para 11 9 8765-4321", "ligue para [REDACTED:phone]"],
    ["Phone: (415) 555-0100", "Phone: [REDACTED:phone]"],
    ["contato: 11 98765-4321", "contato: [REDACTED:phone]"],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "order 98765-4321 shipped",
    "pedido 98765-4321 enviado",
    "pedido nº 91234-5678",
    "order_id=98765-4321",
    "San Francisco, CA 94105-1234",
    "call 12345678 retried",
    "took 98765432 ns",
    "ts=1700000000123",
    "8765-4321",
    "phone_count=12345678",
  ]);

  it("reads any national number under a phone key, and none under an id key", () => {
    const { values } = asLogAttributes([attr("customer.celular", "11987654321"), attr("phone_number", "8765-4321"), attr("order.id", "98765-4321")]);
    expect(values).toEqual({ "customer.celular": "[REDACTED:phone]", phone_number: "[REDACTED:phone]", "order.id": "98765-4321" });
  });
});

describe("passes, e-mail addresses, non-host addresses", () => {
  it("reads a pass after a ticket's, a stage's, a filter's or a verdict's word as no password, in the redaction and the audit", () => {
    for (const name of ["boarding_pass", "bus_pass", "season_pass", "hall_pass", "render_pass", "low_pass", "test_pass", "boardingPass"]) {
      expect(isSecretName(name), name).toBe(false);
      expect(readVarName(name.toUpperCase()).credential, name).toBeUndefined();
    }
    for (const name of ["db_pass", "admin_pass", "smtp_pass", "grafana_pass"]) {
      expect(isSecretName(name), name).toBe(true);
      expect(readVarName(name.toUpperCase()).credential, name).toBe("secret");
    }
  });

  it("redacts e-mail addresses with accented letters whole", () => {
    expect(redacted("joão.silva@exemplo.com.br e josé@x.es").text).toBe("[REDACTED:email] e [REDACTED:email]");
  });

  it("redacts internationalized addresses (RFC 6531) in any script whole, and keeps the punctuation after one", () => {
    for (const address of [
      "иван@yandex.ru", "用户@例子.中国", "josé.garcía@correo.es", "müller@bücher.de", "θέμα@παράδειγμα.ελ", "उपयोगकर्ता@उदाहरण.भारत",
      "ana@bücher.de", "иван@xn--80ak6aa92e.com", "иван@пример.рф",
    ]) {
      expect(redacted(address), address).toEqual({ text: "[REDACTED:email]", counts: { email: 1 } });
    }
    expect(redacted("contact иван@yandex.ru today").text).toBe("contact [REDACTED:email] today");
    expect(redacted("user_email = иван@yandex.ru").text).toBe("user_email = [REDACTED:email]");
    expect(redacted("用户@例子.中国。谢谢").text).toBe("[REDACTED:email]。谢谢");
    expect(redacted("用户@例子.中国、谢谢").text).toBe("[REDACTED:email]、谢谢");
    expect(redacted("пишите (иван@yandex.ru), спасибо").text).toBe("пишите ([REDACTED:email]), спасибо");
    expect(redacted("иван@yandex.ru).").text).toBe("[REDACTED:email]).");
    expect(redacted("उपयोगकर्ता@उदाहरण.भारत। धन्यवाद").text).toBe("[REDACTED:email]। धन्यवाद");
    expect(redacted("«иван@yandex.ru»\u00a0ок").text).toBe("«[REDACTED:email]»\u00a0ок");
    expect(redacted("иван@yandex.ru\u200bок").text).toBe("[REDACTED:email]\u200bок");
    expect(redacted("用户@例子.中国，谢谢").text).toBe("[REDACTED:email]，谢谢");
  });

  it("ends an address where the script changes to or from a spaceless one (Han, kana, Hangul, Thai, Myanmar, …), and a Punycode TLD before any non-ASCII character", () => {
    for (const [text, expected] of [
      ["请发邮件到ana@example.com谢谢", "请发邮件到[REDACTED:email]谢谢"],
      ["ユーザーtanaka@example.co.jpのパスワード", "ユーザー[REDACTED:email]のパスワード"],
      ["错误：无法连接redis@cache.internal", "错误：无法连接[REDACTED:email]"],
      ["联系人：ana@example.com和bob@corp.cn", "联系人：[REDACTED:email]和[REDACTED:email]"],
      ["ana@example.com和bob.smith@ivanov-family.name", "[REDACTED:email]和[REDACTED:email]"],
      ["tanaka@example.jp・suzuki@example.jp", "[REDACTED:email]・[REDACTED:email]"],
      ["icon@2x.png和ana.silva@example.com", "icon@2x.png和[REDACTED:email]"],
      ["noreply@acme.io给ana.silva@example.com发送了邮件", "noreply@acme.io给[REDACTED:email]发送了邮件"],
      ["😀ana@example.com😀", "😀[REDACTED:email]😀"],
      ["ana@exemplo.xn--p1ai😀", "[REDACTED:email]😀"],
      ["日志contato: ana@exemplo.xn--p1ai完成", "日志contato: [REDACTED:email]完成"],
      ["联系ana@пример.xn--p1ai谢谢", "联系[REDACTED:email]谢谢"],
      ["email: иван@пример.xn--p1aiспасибо", "email: [REDACTED:email]спасибо"],
      ["ဦးမောင်@ဥပမာ.မြန်မာ။ ကျေးဇူး", "[REDACTED:email]။ ကျေးဇူး"],
      ["សុខា@ឧទាហរណ៍.កម្ពុជា។ អរគុណ", "[REDACTED:email]។ អរគុណ"],
      ["דוד@דוגמה.ישראל׃ תודה", "[REDACTED:email]׃ תודה"],
      ["บัญชี@ตัวอย่าง.ไทยฯ", "[REDACTED:email]ฯ"],
    ] as const) {
      expect(redacted(text).text, text).toBe(expected);
    }
  });

  it("keeps versions, mentions, file names, units and accounts glued to a spaceless script's text, as with blanks around them", () => {
    for (const text of [
      "升级到react@18.x后报错", "python@3.11.x环境", "安装lodash@4.17.x版本", "安装@types/node@20.x版本", "请@张三看一下config.yaml文件",
      "感谢@李四修复了main.go中的bug", "部署到@prod服务器api.example.com失败", "发布@v1.2.3到registry.npmjs.org完成", "使用icon@2x.png作为图标",
      "Started getty@tty1.service完成", "user@1000.service已停止", "服务账号orders@my-project.iam.gserviceaccount.com的权限",
      "HTTP/web.example.com@EXAMPLE.COM认证失败", "联系support@acme.cn获取帮助",
    ]) {
      expect(redacted(text), text).toEqual({ text, counts: {} });
    }
  });

  it("ends an ASCII top-level domain where a word-spaced script's letters glued to it start, when the two are no label together", () => {
    for (const [text, expected] of [
      ["ana@example.comтел89161234567", "[REDACTED:email]тел89161234567"],
      ["ana.silva@example.comдо2025", "[REDACTED:email]до2025"],
      ["ana.silva@example.comи-или", "[REDACTED:email]и-или"],
      ["ana.silva@example.comرقم5", "[REDACTED:email]رقم5"],
      ["ana.silva@example.comΤηλ2101234567", "[REDACTED:email]Τηλ2101234567"],
      ["ana@example.comरुपये100", "[REDACTED:email]रुपये100"],
      ["To: ANA@EXAMPLE.COMТЕЛ89161234567", "To: [REDACTED:email]ТЕЛ89161234567"],
      ["ana@example.com.brдо2025", "[REDACTED:email]до2025"],
    ] as const) {
      expect(redacted(text).text, text).toBe(expected);
    }
  });

  it("reads no emoji or variation selector as an address's letter: one ends an address, and is no local part or top-level domain", () => {
    for (const text of [
      "bumped react@18.🎉", "shipped foo@1.2.🎉", "deployed app@v2.🚀", "release@v1.🚀 done", "感谢@张三.👍", "😀@example.com", "ana😀@example.com",
      "ana❤️@example.com", "react@18.x",
    ]) {
      expect(redacted(text), text).toEqual({ text, counts: {} });
    }
    expect(redacted("ana@example.com❤️").text).toBe("[REDACTED:email]❤️");
    expect(redacted("张伟@例子.中国👍").text).toBe("[REDACTED:email]👍");
    expect(redacted("𠮷野@例子.中国").text).toBe("[REDACTED:email]");
  });

  it("keeps @ forms in other scripts that are no address, as their ASCII look-alikes are kept", () => {
    for (const text of ["@用户 你好", "пакет@1.2.3", "релиз@latest", "npm i пакет@latest", "ssh иван@сервер", "ssh deploy@сервер.рф", "support@пример.рф", "info@例子.中国"]) {
      expect(redacted(text), text).toEqual({ text, counts: {} });
    }
  });

  it("keeps addresses that name no host and a version or host after a name and @, not a URL's host", () => {
    for (const text of ["0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.251", "239.255.255.250", "240.0.0.1", "ff02::fb", "::ffff:224.0.0.251", "pkg@1.2.3.4", "@deco/apps@0.62.3.1", "ssh deploy@10.0.0.5"]) {
      expect(redacted(text), text).toEqual({ text, counts: {} });
    }
    expect(redacted("223.255.255.254 1.2.3.4").text).toBe("[REDACTED:ipv4] [REDACTED:ipv4]");
    expect(redacted("redis://:pw1@203.0.113.3:6379/0").text).toBe("redis://:[REDACTED:url_credentials]@203.0.113.3:6379/0");
    expect(redacted("@203.0.113.9").text).toBe("@[REDACTED:ipv4]");
  });
});

describe("kinds a policy turns off", () => {
  const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x2yZ3abcDEFghij9Kq2mZ7vB4nL1pQr\n-----END RSA PRIVATE KEY-----";
  const TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

  it("lists private_key, rg and cnh among the built-in kinds", () => {
    expect(BUILT_IN_KINDS).toEqual(expect.arrayContaining(["private_key", "known_token", "rg", "cnh", "phone"]));
  });

  it("keeps redacting private keys with known_token off, and tokens with private_key off", () => {
    const text = `${KEY} ${TOKEN}`;
    expect(redacted(text, policy({ disabledDetectors: ["known_token"] }))).toEqual({
      text: `-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]-----END RSA PRIVATE KEY----- ${TOKEN}`,
      counts: { private_key: 1 },
    });
    expect(redacted(text, policy({ disabledDetectors: ["private_key"] }))).toEqual({ text: `${KEY} [REDACTED:known_token]`, counts: { known_token: 1 } });
  });
});

describe("the scanner's room for detectors", () => {
  /** A detector finding `<k{index}>` when the text shows `facts`, counting its searches. */
  const gated = (index: number, facts: Pick<Detector, "evidence" | "moreEvidence" | "placeEvidence">, searches: number[]): Detector => {
    const regex = new RegExp(`<k${index}>`, "g");
    return {
      kind: `k${index}`,
      source: regex.source,
      ...facts,
      search: (text, from) => {
        searches[index] = (searches[index] ?? 0) + 1;
        regex.lastIndex = from;
        return regex.exec(text);
      },
    };
  };
  /** Four kinds of gate, twelve detectors each: a fact of each word of evidence, a fact of the key's place, and a word-0 fact beside a word-1 fact. */
  const GROUPS = [
    { facts: { evidence: Evidence.MAIL_AT }, shown: (marker: string) => `ana@ ${marker}` },
    { facts: { evidence: 0, moreEvidence: MoreEvidence.STREET_ADDRESS }, shown: (marker: string) => `12 Main St ${marker}` },
    { facts: { evidence: Evidence.PRIVATE_KEY, placeEvidence: Place.SSN_VALUE }, shown: (marker: string) => marker, place: Place.SSN_VALUE },
    { facts: { evidence: Evidence.JWT, moreEvidence: MoreEvidence.STREET_ADDRESS }, shown: (marker: string) => `eyJ eyJ ${marker}` },
  ];
  const DETECTORS = 48;
  const groupOf = (index: number) => GROUPS[index % GROUPS.length]!;
  const scannerOf48 = (searches: number[]) => new TextScanner(Array.from({ length: DETECTORS }, (_, i) => gated(i, groupOf(i).facts, searches)));

  it(`holds ${DETECTORS} detectors with evidence, each searching only a text that shows one of its facts`, () => {
    const searches: number[] = [];
    const scanner = scannerOf48(searches);
    for (let i = 0; i < DETECTORS; i++) {
      const marker = `<k${i}>`;
      const group = groupOf(i);
      searches.length = 0;
      const tally = new RedactionTally();
      const text = group.shown(marker);
      expect(scanner.redact(text, tally, 0, group.place ?? 0)).toBe(text.replace(marker, `[REDACTED:k${i}]`));
      expect(tally.toRecord()).toEqual({ [`k${i}`]: 1 });
      // The detectors of the other groups, whose facts the text does not show, did not search.
      for (let other = 0; other < DETECTORS; other++) {
        // A street line, group 1's fact, is also one of group 3's two.
        const searched = groupOf(other) === group || (group === GROUPS[1] && groupOf(other) === GROUPS[3]);
        expect({ other, searched: (searches[other] ?? 0) > 0 }).toEqual({ other, searched });
      }
    }
    // A text showing no fact: no detector searches, and the text comes back as it was.
    searches.length = 0;
    expect(scanner.redact("<k0> <k1> <k2> <k3> <k47>", new RedactionTally())).toBe("<k0> <k1> <k2> <k3> <k47>");
    expect(searches.filter((n) => n > 0)).toEqual([]);
  });

  it("excludes any of them by a mask of small integers, and refuses to give more exclusion bits than fit", () => {
    const searches: number[] = [];
    const scanner = scannerOf48(searches);
    const last = scanner.maskOf(["k47"]);
    expect(last).toBe(1);
    expect(scanner.maskOf(["k44", "k47"])).toBe(1 | 2);
    expect(scanner.maskOf(["k47"])).toBe(last);
    // `k47` and `k43` share their facts: excluding one leaves the other searching.
    expect(scanner.redact("eyJ eyJ <k43> <k47>", new RedactionTally(), last)).toBe("eyJ eyJ [REDACTED:k43] <k47>");
    searches.length = 0;
    // A text whose facts only excluded detectors search on is not scanned.
    expect(scanner.redact("eyJ eyJ <k47>", new RedactionTally(), scanner.maskOf(Array.from({ length: DETECTORS / GROUPS.length }, (_, j) => `k${j * GROUPS.length + 3}`)))).toBe("eyJ eyJ <k47>");
    expect(searches.filter((n) => n > 0)).toEqual([]);
    const fresh = scannerOf48([]);
    const masks = Array.from({ length: DETECTORS }, (_, i) => () => fresh.maskOf([`k${i}`]));
    const given = masks.slice(0, MAX_EXCLUDED_DETECTORS).map((maskOf) => maskOf()).reduce((all, mask) => all | mask, 0);
    expect(given).toBe(2 ** MAX_EXCLUDED_DETECTORS - 1);
    expect(masks[MAX_EXCLUDED_DETECTORS]).toThrow(RangeError);
  });

  it("keeps every fact on a bit of a small integer, one bit each", () => {
    for (const word of [Evidence, MoreEvidence]) {
      // An enum's object also maps each value back to its name: the bits are its numbers.
      const bits = Object.values(word).filter((bit): bit is number => typeof bit === "number");
      expect(bits.length).toBe(Object.keys(word).length / 2);
      expect(bits.every((bit) => bit > 0 && bit < 2 ** EVIDENCE_WORD_BITS && (bit & (bit - 1)) === 0)).toBe(true);
      expect(bits.reduce((all, bit) => all | bit, 0)).toBe(bits.reduce((sum, bit) => sum + bit, 0));
    }
  });

  it("runs any number of detectors without evidence beside them, and refuses to exclude one", () => {
    const everyString = Array.from({ length: 40 }, (_, i): Detector => ({ kind: `x${i}`, source: `<x${i}>`, evidence: 0 }));
    const scanner = new TextScanner([...Array.from({ length: DETECTORS }, (_, i) => gated(i, groupOf(i).facts, [])), ...everyString]);
    const tally = new RedactionTally();
    expect(scanner.redact("<x0> <x39> <k0>", tally)).toBe("[REDACTED:x0] [REDACTED:x39] <k0>");
    expect(tally.toRecord()).toEqual({ x0: 1, x39: 1 });
    expect(() => scanner.maskOf(["x0"])).toThrow(RangeError);
  });

  it("fits the built-in detectors in the mask beside the policy's 16 extra patterns", () => {
    const extraPatterns = Array.from({ length: 16 }, (_, i) => ({ name: `extra_${i}`, pattern: `EXTRA${i}-\\d+` }));
    const withExtras = policy({ extraPatterns });
    // Extra patterns declare no evidence and search every string beside the built-ins.
    expect(redacted("EXTRA15-42 ana@example.com EXTRA0-7", withExtras)).toEqual({
      text: "[REDACTED:extra_15] [REDACTED:email] [REDACTED:extra_0]",
      counts: { extra_15: 1, email: 1, extra_0: 1 },
    });
  });
});
