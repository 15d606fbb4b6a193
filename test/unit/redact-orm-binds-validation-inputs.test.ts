/**
 * Values printed beside the name of their column, parameter or field, judged by that name as an
 * ORM's bound value of such a column is: Rails ActiveRecord's `[["password", "…"]]`, EF Core's
 * `[Parameters=[@__password_1='…' (Size = 4000)]`, and the input pydantic and FastAPI echo in a
 * validation error (`input_value='…'` under its field's line, `"input"` after its `loc`). Ids,
 * limits, counts and other fields keep their values.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactionPolicy } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const stored = (text: string) => redact(text).text;
const SECRET = "[REDACTED:secret_param]";

const EF_TAIL = "CommandType='Text', CommandTimeout='30']";

describe("Rails ActiveRecord's bound list", () => {
  itStoresCounting("redacts a user's name, password and token inserted: %s", redact, { person_name: 1, secret_param: 2 }, [
    [
      `User Create (1.2ms)  INSERT INTO "users" ("name", "password", "api_token") VALUES ($1, $2, $3) RETURNING "id"  [["name", "Ana Souza"], ["password", "hunter2pass"], ["api_token", "zq81Kx0pLmQ2"]]`,
      `User Create (1.2ms)  INSERT INTO "users" ("name", "password", "api_token") VALUES ($1, $2, $3) RETURNING "id"  [["name", "[REDACTED:person_name]"], ["password", "${SECRET}"], ["api_token", "${SECRET}"]]`,
    ],
  ]);
  itStores("redacts a reset token and a phone by their columns: %s", stored, [
    [
      `User Update (0.4ms)  UPDATE "users" SET "reset_password_token" = $1 WHERE "users"."id" = $2  [["reset_password_token", "a1b2c3d4e5f6"], ["id", 42]]`,
      `User Update (0.4ms)  UPDATE "users" SET "reset_password_token" = $1 WHERE "users"."id" = $2  [["reset_password_token", "${SECRET}"], ["id", 42]]`,
    ],
    [`Customer Update (0.5ms)  UPDATE "customers" SET "phone" = $1  [["phone", "11987654321"]]`, `Customer Update (0.5ms)  UPDATE "customers" SET "phone" = $1  [["phone", "[REDACTED:phone]"]]`],
  ]);
  itKeepsUncounted("keeps ids, limits and a product's name: %s", redact, [
    `User Load (0.3ms)  SELECT "users".* FROM "users" WHERE "users"."id" = $1 LIMIT $2  [["id", 42], ["LIMIT", 1]]`,
    `Product Create (0.9ms)  INSERT INTO "products" ("name", "sku", "stock") VALUES ($1, $2, $3)  [["name", "Blue Shirt"], ["sku", "BS-001"], ["stock", 12]]`,
    `Session Update (0.2ms)  UPDATE "sessions" SET "token_count" = $1  [["token_count", 3]]`,
    `matrix [["password", 1], ["name", "x"]] is no bound list`,
    // fetch's header pairs as JSON (no blank after the comma) are the header rules', not a bound list.
    `[["accept","text/html"],["x-request-id","4f1c2a9e"]]`,
  ]);
});

describe("EF Core's logged parameters", () => {
  itStores("redacts credentials, phones and a person's name by the parameter's name: %s", stored, [
    [
      `Executed DbCommand (3ms) [Parameters=[@__password_1='S3cr3tPass' (Size = 4000)], ${EF_TAIL}`,
      `Executed DbCommand (3ms) [Parameters=[@__password_1='${SECRET}' (Size = 4000)], ${EF_TAIL}`,
    ],
    [`Executed DbCommand (2ms) [Parameters=[@password='hunter2pass' (Size = 4000)], ${EF_TAIL}`, `Executed DbCommand (2ms) [Parameters=[@password='${SECRET}' (Size = 4000)], ${EF_TAIL}`],
    [
      `Executed DbCommand (4ms) [Parameters=[@__user_Password_0='Tr0ub4dor' (Size = 4000), @__phone_0='11987654321' (Size = 4000), @__name_1='Ana Souza' (Size = 4000)], ${EF_TAIL}`,
      `Executed DbCommand (4ms) [Parameters=[@__user_Password_0='${SECRET}' (Size = 4000), @__phone_0='[REDACTED:phone]' (Size = 4000), @__name_1='[REDACTED:person_name]' (Size = 4000)], ${EF_TAIL}`,
    ],
    [
      `Executed DbCommand (3ms) [Parameters=[@__name_1='Ana Souza' (Size = 4000)], ${EF_TAIL}\nSELECT u."Id" FROM "Users" AS u WHERE u."Name" = @__name_1`,
      `Executed DbCommand (3ms) [Parameters=[@__name_1='[REDACTED:person_name]' (Size = 4000)], ${EF_TAIL}\nSELECT u."Id" FROM "Users" AS u WHERE u."Name" = @__name_1`,
    ],
  ]);
  itKeepsUncounted("keeps ids, paging and a product's name: %s", redact, [
    `Executed DbCommand (1ms) [Parameters=[@__id_0='42', @__p_0='10'], ${EF_TAIL}`,
    `Executed DbCommand (1ms) [Parameters=[@__name_0='Blue Shirt' (Size = 4000)], ${EF_TAIL}\nSELECT p."Id" FROM "Products" AS p WHERE p."Name" = @__name_0`,
    // Outside EF's list an `@name='…'` is no parameter of its.
    `mention @password='see the wiki' in the channel`,
  ]);
});

describe("pydantic's and FastAPI's validation errors", () => {
  itStores("redacts the input under a credential's or a phone's field: %s", stored, [
    [
      `1 validation error for UserIn\npassword\n  String should have at least 12 characters [type=string_too_short, input_value='hunter2', input_type=str]`,
      `1 validation error for UserIn\npassword\n  String should have at least 12 characters [type=string_too_short, input_value='${SECRET}', input_type=str]`,
    ],
    [
      `1 validation error for Signup\nuser.phone\n  String should match pattern '^\\+' [type=string_pattern_mismatch, input_value='11987654321', input_type=str]`,
      `1 validation error for Signup\nuser.phone\n  String should match pattern '^\\+' [type=string_pattern_mismatch, input_value='[REDACTED:phone]', input_type=str]`,
    ],
    [
      `{"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 12 characters","input":"hunter2pass","ctx":{"min_length":12}}]}`,
      `{"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 12 characters","input":"${SECRET}","ctx":{"min_length":12}}]}`,
    ],
    [
      `{"detail":[{"type":"string_pattern_mismatch","loc":["body","phone"],"msg":"String should match pattern '^\\\\+'","input":"11987654321"}]}`,
      `{"detail":[{"type":"string_pattern_mismatch","loc":["body","phone"],"msg":"String should match pattern '^\\\\+'","input":"[REDACTED:phone]"}]}`,
    ],
    [
      `{"detail":[{"type":"greater_than","loc":["body","quantity"],"msg":"Input should be greater than 0","input":"-1"},{"type":"string_too_short","loc":["body","user","password"],"msg":"too short","input":"hunter2"}]}`,
      `{"detail":[{"type":"greater_than","loc":["body","quantity"],"msg":"Input should be greater than 0","input":"-1"},{"type":"string_too_short","loc":["body","user","password"],"msg":"too short","input":"${SECRET}"}]}`,
    ],
    [
      `{"detail":[{"type":"string_pattern_mismatch","loc":["body","phones",0],"msg":"bad","input":"11987654321"}]}`,
      `{"detail":[{"type":"string_pattern_mismatch","loc":["body","phones",0],"msg":"bad","input":"[REDACTED:phone]"}]}`,
    ],
    [
      JSON.stringify({ msg: "1 validation error for UserIn\npassword\n  String should have at least 12 characters [type=string_too_short, input_value='hunter2', input_type=str]" }),
      JSON.stringify({ msg: `1 validation error for UserIn\npassword\n  String should have at least 12 characters [type=string_too_short, input_value='${SECRET}', input_type=str]` }),
    ],
  ]);
  itKeepsUncounted("keeps other fields' inputs: %s", redact, [
    `{"detail":[{"type":"greater_than","loc":["body","quantity"],"msg":"Input should be greater than 0","input":"-1"}]}`,
    `{"detail":[{"type":"missing","loc":["query","page_size"],"msg":"Field required","input":null}]}`,
    `1 validation error for Order\nquantity\n  Input should be greater than 0 [type=greater_than, input_value=-1, input_type=int]`,
    // A password's input after no field's line is not judged by a name it does not have.
    `error: [type=string_too_short, input_value='hunter2', input_type=str]`,
    `{"input":"hunter2pass","note":"no loc"}`,
  ]);
});

describe("a policy keeping a kind", () => {
  it("keeps a phone its policy keeps, and still redacts the password beside it", () => {
    const text = `Executed DbCommand (4ms) [Parameters=[@__password_0='Tr0ub4dor' (Size = 4000), @__phone_0='11987654321' (Size = 4000)], ${EF_TAIL}`;
    expect(redactString(text, redactionPolicy({ disabledDetectors: ["phone"] })).text).toBe(
      `Executed DbCommand (4ms) [Parameters=[@__password_0='${SECRET}' (Size = 4000), @__phone_0='11987654321' (Size = 4000)], ${EF_TAIL}`,
    );
  });
});
