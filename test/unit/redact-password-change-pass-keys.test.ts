/**
 * A password's change under a key's name ending in the short `pass` (password-changes.ts'
 * `KEY_WORD`: `smtp_pass`, `DB_PASS`, `RABBITMQ_DEFAULT_PASS`, `dbPass`): both values go when
 * both are strongly shaped, as after the word `pass`; a processing pass's or a ticket's change
 * (`render_pass`, `first_pass`, `multi_pass`, `boarding_pass`) and `bypass`, `compass` stay.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a password's change under a key's name ending in pass", () => {
  itStoresInEveryForm(
    [
      ["smtp_pass changed from Tr0ub4dor&3 to Xk9#mPq2vL", `smtp_pass changed from ${PARAM} to ${PARAM}`],
      ["db_pass changed from Tr0ub4dor&3 to Xk9#mPq2vL", `db_pass changed from ${PARAM} to ${PARAM}`],
      ["admin_pass changed from Tr0ub4dor&3 to Xk9#mPq2vL", `admin_pass changed from ${PARAM} to ${PARAM}`],
      ["DB_PASS changed from Tr0ub4dor&3 to Xk9#mPq2vL", `DB_PASS changed from ${PARAM} to ${PARAM}`],
      ["RABBITMQ_DEFAULT_PASS changed from guest123! to Xk9#mPq2vL", `RABBITMQ_DEFAULT_PASS changed from ${PARAM} to ${PARAM}`],
      ["dbPass changed from Tr0ub4dor&3 to Xk9#mPq2vL", `dbPass changed from ${PARAM} to ${PARAM}`],
      ["changed smtp_pass from Tr0ub4dor&3 to Xk9#mPq2vL", `changed smtp_pass from ${PARAM} to ${PARAM}`],
    ],
    () => "Xk9#mPq2vL",
  );

  itKeepsInEveryForm("a processing pass's or a ticket's change, bypass, compass, ordinary values", [
    "render_pass changed from shadow2 to bloom3",
    "render_pass changed from stage1 to stage2",
    "first_pass changed from 3 to 4",
    "multi_pass changed from off to on",
    "boarding_pass changed from A12 to B7",
    "boardingPass changed from gate12 to gate14",
    "bypass changed from enabled to disabled",
    "compass changed from north1 to south2",
    "db_pass changed from secret1 to secret2",
    "db_pass changed from the console to the api",
    "db_pass_count changed from 3 to 4",
  ]);
});
