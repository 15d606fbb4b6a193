/**
 * Brazilian payments data: PIX keys (in a BR Code, after their name, under their keys), CPFs
 * under a person's id, and the numbers of payments (NSU, TID, nosso número, authorizations,
 * orders) that the thing words shared by every detector of numbers keep.
 */
import { describe, expect, it } from "vitest";
import { logRecord, logsRequest } from "../support/model-builders";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { BUILT_IN_KINDS, defaultRedactionPolicy, parseRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { namesPixKey } from "../../workers/ingest/core/redact/detectors/pix";
import { nameWords } from "../../workers/ingest/core/redact/secret-names";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy());

/** The stored value of each attribute of a log record, the summary left out. */
function stored(attributes: Record<string, string>): Record<string, unknown> {
  const request = logsRequest([logRecord({ attributes: Object.entries(attributes).map(([key, stringValue]): KeyValue => ({ key, value: { stringValue } })) })]);
  redactRequest("logs", request, defaultRedactionPolicy());
  const values = Object.fromEntries(
    request.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]),
  );
  delete values["redaction.count"];
  delete values["redaction.kinds"];
  return values;
}

/** A BR Code's fields, each `id`, two-digit length, value; with the CRC16-CCITT (poly 0x1021, init 0xFFFF) the manual specifies. */
function brCode(fields: readonly (readonly [string, string])[]): string {
  const payload = fields.map(([id, value]) => field(id, value)).join("") + "6304";
  return payload + crc16(payload);
}
const field = (id: string, value: string) => id + String(value.length).padStart(2, "0") + value;
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

describe("PIX copia e cola (BR Code)", () => {
  it("computes Banco Central's example CRC (the helper is right)", () => {
    expect(crc16("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304")).toBe("1D3D");
  });

  it.each([
    ["an e-mail", "joao.santos@gmail.com"],
    ["a CPF", "52998224725"],
    ["a CNPJ", "11222333000181"],
    ["a phone", "+5511987654321"],
    ["a random key", "123e4567-e89b-42d3-a456-426614174000"],
  ])("replaces the key (%s) and the receiver's name, keeps the rest and the lengths as sent", (_type, key) => {
    const account = field("00", "BR.GOV.BCB.PIX") + field("01", key);
    const code = brCode([["00", "01"], ["26", account], ["52", "0000"], ["53", "986"], ["54", "129.90"], ["58", "BR"], ["59", "Joao Santos"], ["60", "SAO PAULO"], ["62", field("05", "PED1234567")]]);
    const length = (text: string) => String(text.length).padStart(2, "0");
    const expected =
      `00020126${length(account)}0014BR.GOV.BCB.PIX01${length(key)}[REDACTED:pix_key]` +
      `5204000053039865406129.905802BR5911[REDACTED:pix_key]6009SAO PAULO62140510PED12345676304${code.slice(-4)}`;
    // Two values replaced, the key and the receiver's name: two markers, each counted.
    expect(redacted(`PIX copia e cola: ${code}`)).toEqual({ text: `PIX copia e cola: ${expected}`, counts: { pix_key: 2 } });
  });

  it("keeps a dynamic code's location URL (the payment provider's), its point of initiation and its txid", () => {
    const url = "pix.example-psp.com.br/qr/v2/9d36b84f-c70b-478f-b95c-12729b90ca25";
    const code = brCode([["00", "01"], ["01", "12"], ["26", field("00", "br.gov.bcb.pix") + field("25", url)], ["52", "0000"], ["53", "986"], ["58", "BR"], ["59", "LOJA EXEMPLO LTDA"], ["60", "SAO PAULO"], ["62", field("05", "***")]]);
    const { text } = redacted(code);
    expect(text).toContain(`2565${url}`);
    expect(text).toContain("5917[REDACTED:pix_key]6009SAO PAULO62070503***6304");
    expect(text.startsWith("000201010212")).toBe(true);
  });

  it("keeps the description sub-field and the other templates", () => {
    const code = brCode([["00", "01"], ["26", field("00", "BR.GOV.BCB.PIX") + field("01", "52998224725") + field("02", "Pedido 98765")], ["52", "0000"], ["53", "986"], ["58", "BR"], ["59", "Maria Silva"], ["60", "RIO DE JANEIRO"], ["62", field("05", "***")]]);
    expect(redacted(code).text).toContain("0111[REDACTED:pix_key]0212Pedido 98765");
  });

  it("replaces everything after PIX's identifier in a code whose lengths do not hold together", () => {
    expect(redacted("00020126440014BR.GOV.BCB.PIX0122joao.santos@gmail.com5204000053039865802BR5911Joao Santos6009SAO PAULO6304ABCD")).toEqual({
      text: "00020126440014BR.GOV.BCB.PIX[REDACTED:pix_key]",
      counts: { pix_key: 1 },
    });
  });

  it("leaves another scheme's EMV code and its own redacted output alone", () => {
    const other = brCode([["00", "01"], ["29", field("00", "D15600000000") + field("05", "A93FO3230Q")], ["52", "4111"], ["58", "CN"], ["59", "BEST TRANSPORT"], ["60", "BEIJING"]]);
    expect(redacted(other)).toEqual({ text: other, counts: {} });
    const once = redacted(brCode([["00", "01"], ["26", field("00", "BR.GOV.BCB.PIX") + field("01", "52998224725")], ["59", "Joao Santos"], ["60", "SAO PAULO"]])).text;
    expect(redacted(once)).toEqual({ text: once, counts: {} });
  });

  it("is a kind of its own that a policy can turn off", () => {
    expect(BUILT_IN_KINDS).toContain("pix_key");
    const parsed = parseRedactionPolicy({ disabledDetectors: ["pix_key"] });
    if (!parsed.ok) throw new Error(parsed.error);
    const text = "chave pix: 123e4567-e89b-42d3-a456-426614174000";
    expect(redactString(text, parsed.policy)).toEqual({ text, counts: {} });
  });
});

describe("PIX random keys", () => {
  it.each([
    "chave pix: 123e4567-e89b-42d3-a456-426614174000",
    "Chave PIX 123e4567-e89b-42d3-a456-426614174000",
    "PIX chave aleatória 123e4567-e89b-42d3-a456-426614174000 cadastrada",
    "chave aleatoria=123e4567-e89b-42d3-a456-426614174000",
    "PIX key: 123e4567-e89b-42d3-a456-426614174000",
    "pixKey=123e4567-e89b-42d3-a456-426614174000",
    '{"pix":{"chave_pix":"123e4567-e89b-42d3-a456-426614174000"}}',
    "chave EVP 123e4567-e89b-42d3-a456-426614174000",
  ])("are redacted after their name: %s", (text) => {
    const result = redacted(text);
    expect(result.text).not.toContain("123e4567-e89b-42d3-a456-426614174000");
    expect(result.counts).toEqual({ pix_key: 1 });
  });

  itKeepsUncounted("stay ids elsewhere: %s", redacted, [
    "request 123e4567-e89b-42d3-a456-426614174000 pix ok",
    "pix webhook received id=123e4567-e89b-42d3-a456-426614174000",
    "chave de idempotência no pix: ok, request 123e4567-e89b-42d3-a456-426614174000",
    "550e8400-e29b-41d4-a716-446655440000",
  ]);

  it("are redacted whole under a key naming a PIX key, whatever their type; a key's type stays", () => {
    expect(
      stored({
        "pix.chave": "123e4567-e89b-42d3-a456-426614174000",
        "pix.key": "11987654321",
        chavePix: "joao@loja.com.br",
        "pix.chave_aleatoria": "EVP 1b3c5d7e-9f01-4a23-8b45-67c89d0e1f2a",
        "pix.key_type": "EVP",
        "pix.txid": "PED1234567",
        "request.id": "123e4567-e89b-42d3-a456-426614174000",
      }),
    ).toEqual({
      "pix.chave": "[REDACTED:pix_key]",
      "pix.key": "[REDACTED:pix_key]",
      chavePix: "[REDACTED:pix_key]",
      "pix.chave_aleatoria": "EVP [REDACTED:pix_key]",
      "pix.key_type": "EVP",
      "pix.txid": "PED1234567",
      "request.id": "123e4567-e89b-42d3-a456-426614174000",
    });
  });

  it.each([
    ["pix.chave", true], ["pix_key", true], ["chavePix", true], ["payment.pix.key", true], ["chave_aleatoria", true],
    ["pix.chave_aleatoria", true], ["pix.key_type", false], ["pix.txid", false], ["api_key", false], ["chave", false],
  ])("a key %s names a PIX key: %s", (key, names) => {
    expect(namesPixKey(nameWords(key))).toBe(names);
  });
});

describe("PIX keys in text fields, named by their field", () => {
  itStoresCounting("a field named as a PIX key has its whole value replaced: %s", redacted, { pix_key: 1 }, [
    // The trial's examples: a phone key without its plus, which no phone detector reads alone.
    ["chave pix: 11987654321", "chave pix: [REDACTED:pix_key]"],
    ["pix_key=11987654321", "pix_key=[REDACTED:pix_key]"],
    ["pix.key = 11987654321", "pix.key = [REDACTED:pix_key]"],
    ["chavePix: 11987654321", "chavePix: [REDACTED:pix_key]"],
    ["pix 11987654321 recebido", "pix [REDACTED:pix_key] recebido"],
    // Every printed form of a field, every name the attributes' rule reads.
    ['"pix_key": "11987654321"', '"pix_key": "[REDACTED:pix_key]"'],
    ['{"chave_pix":"11987654321","valor":10}', '{"chave_pix":"[REDACTED:pix_key]","valor":10}'],
    ['{\\"pixKey\\":\\"11987654321\\"}', '{\\"pixKey\\":\\"[REDACTED:pix_key]\\"}'],
    ["[pix_key] => 11987654321", "[pix_key] => [REDACTED:pix_key]"],
    ["'pix_key' => '11987654321',", "'pix_key' => '[REDACTED:pix_key]',"],
    ["payment.pix.key=11987654321 amount=10", "payment.pix.key=[REDACTED:pix_key] amount=10"],
    ["paymentPixKey=11987654321", "paymentPixKey=[REDACTED:pix_key]"],
    ["pix.chave: 11987654321", "pix.chave: [REDACTED:pix_key]"],
    ["PIX_CHAVE=11987654321", "PIX_CHAVE=[REDACTED:pix_key]"],
    ["chave_aleatoria=11987654321", "chave_aleatoria=[REDACTED:pix_key]"],
    ["pix.key = 11987654321.", "pix.key = [REDACTED:pix_key]."],
    // A key of another type is the PIX key there too, as under an attribute's key.
    ["chave pix: ana@loja.com.br", "chave pix: [REDACTED:pix_key]"],
    ["pix_key=52998224725", "pix_key=[REDACTED:pix_key]"],
    // A key after its name or the word `pix` in a sentence.
    ["chave pix 11987654321 cadastrada", "chave pix [REDACTED:pix_key] cadastrada"],
    ["chave pix é 11987654321", "chave pix é [REDACTED:pix_key]"],
    ["pix para 11987654321 enviado", "pix para [REDACTED:pix_key] enviado"],
    ["PIX de 5511987654321 recebido", "PIX de [REDACTED:pix_key] recebido"],
    // The bare name `pix` as the other names, in every printed form, before a key's shape.
    ["pix: +5511987654321", "pix: [REDACTED:pix_key]"],
    ["pix=ana@x.com", "pix=[REDACTED:pix_key]"],
    ['{"pix":"11987654321"}', '{"pix":"[REDACTED:pix_key]"}'],
    ["'pix' => '11987654321',", "'pix' => '[REDACTED:pix_key]',"],
    ["[pix] => 11987654321", "[pix] => [REDACTED:pix_key]"],
    ["payment.pix=123e4567-e89b-12d3-a456-426614174000", "payment.pix=[REDACTED:pix_key]"],
  ]);

  itKeepsUncounted("keeps what names no PIX key or holds none: %s", redacted, [
    "pix.key_type=EVP",
    "pix_key_type: 3",
    "pix_key_id=12345",
    "pix: ok 12",
    "pix: 150.00",
    "pix=3",
    "pix_status: 12345678901",
    "pixel: 12345678901",
    "chave pix: inválida",
    "pix_key=null",
    "pix 150 recebido",
    "pix 150,00 recebido",
    "pix 11987654321.50",
    "pix txid=E12345678202412011200abcdef",
    "order 11987654321 paid via pix",
    "chave pix cadastrada, pedido 11987654321",
    "pix 1234567890123 processado",
  ]);

  it("gives a body's text the attribute's verdict", () => {
    const attributes = { pix_key: "11987654321", "payment.pix.key": "11987654321", chavePix: "11987654321" };
    for (const [key, value] of Object.entries(attributes)) {
      expect(stored({ [key]: value })).toEqual({ [key]: "[REDACTED:pix_key]" });
      expect(redacted(`${key}=${value}`).text).toBe(`${key}=[REDACTED:pix_key]`);
      expect(redacted(`{"${key}":"${value}"}`).text).toBe(`{"${key}":"[REDACTED:pix_key]"}`);
    }
  });
});

describe("CPFs under a person's id", () => {
  it("are the person's CPF, in attributes and in text, as an SSN printed as one is", () => {
    expect(stored({ "user.id": "52998224725", cliente_id: "12345678909", customerId: "11144477735", "order.id": "52998224725", nsu: "52998224725" })).toEqual({
      "user.id": "[REDACTED:cpf]",
      cliente_id: "[REDACTED:cpf]",
      customerId: "[REDACTED:cpf]",
      "order.id": "52998224725",
      nsu: "52998224725",
    });
    expect(redacted('user_id=52998224725 "usuario.id":"12345678909" order_id=11144477735')).toEqual({
      text: 'user_id=[REDACTED:cpf] "usuario.id":"[REDACTED:cpf]" order_id=11144477735',
      counts: { cpf: 2 },
    });
  });

  it("bare numbers that fail the check digits stay ids", () => {
    expect(stored({ "user.id": "52998224726", cliente_id: "1234567" })).toEqual({ "user.id": "52998224726", cliente_id: "1234567" });
  });
});

describe("numbers of payments", () => {
  itKeepsUncounted("stay as they are: %s", redacted, [
    "NSU 52998224725",
    "NSU: 12345678909 aprovado",
    "nsu_host=52998224725",
    "TID 11144477735",
    "nosso número 12345678909",
    "Nosso Numero: 12345678909",
    "autorização 52998224725",
    "protocolo nº 39053344705",
    "Boleto 23793.38128 60000.000003 00000.000400 1 84410000012345 pago",
    "chave de acesso 35241112345678000190550010000123451000123458",
  ]);

  it("keep a card number and a CPF that no thing's word names", () => {
    expect(redacted("cartão 4532015112830366 CPF 52998224725")).toEqual({ text: "cartão [REDACTED:card] CPF [REDACTED:cpf]", counts: { card: 1, cpf: 1 } });
  });

  it.each(["NSU 4532015112830366", "transaction 5555555555554444 declined", "autorização 4111111111111111", "cartão 4111111111111111"])(
    "a card number after a card payment's word is still a card (a stored PAN is the leak PCI DSS forbids): %s",
    (text) => {
      expect(redacted(text).counts).toEqual({ card: 1 });
    },
  );

  it.each(["pedido 4532015112830366 criado", "order #4111111111111111"])(
    "a number after an order's word is the order's id, even of a card's shape (docs/decisions.md, 2026-12-03): %s",
    (text) => {
      expect(redacted(text)).toEqual({ text, counts: {} });
    },
  );

  it("the words for number are one list: documents and phones read `nº`, `número`, `nr` alike", () => {
    expect(redacted("RG nº 12.345.678-9; telefone nº 11 3456-7890; CNH número 02650306461").counts).toEqual({ rg: 1, phone: 1, cnh: 1 });
  });

  it("gift card and voucher numbers are card numbers (a stored value spends with them)", () => {
    expect(stored({ "gift_card.code": "6011000990139424", voucher: "4539578763621486" })).toEqual({
      "gift_card.code": "[REDACTED:card]",
      voucher: "[REDACTED:card]",
    });
  });
});
