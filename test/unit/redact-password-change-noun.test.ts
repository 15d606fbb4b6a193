/**
 * A password's change written with the noun `change` before `:` and an arrow between the values
 * (password-changes.ts' `ARROW_START`: `Password change: OldPw1 -> NewPw2`), as the participle's
 * `password changed: … -> …`: both values go when shaped as passwords; states, counts, versions,
 * algorithms and a policy's change stay.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a password's change with the noun change and an arrow", () => {
  itStoresInEveryForm(
    [
      ["Password change: Tr0ub4dor&3 -> Xk9#mPq2vL", `Password change: ${PARAM} -> ${PARAM}`],
      ["password change: Tr0ub4dor&3 -> Xk9#mPq2vL", `password change: ${PARAM} -> ${PARAM}`],
      ["PASSWORD CHANGE: Tr0ub4dor&3 -> Xk9#mPq2vL", `PASSWORD CHANGE: ${PARAM} -> ${PARAM}`],
      ["db_password change: Tr0ub4dor&3 => Xk9#mPq2vL", `db_password change: ${PARAM} => ${PARAM}`],
    ],
    () => "Xk9#mPq2vL",
  );

  itKeepsInEveryForm("a state's, a count's, a version's, an algorithm's or a policy's change", [
    "password change: enabled -> disabled",
    "Password change: requested -> completed",
    "password change: Pending -> Done",
    "password change: 3 -> 4",
    "password change: v1 -> v2",
    "password change: bcrypt -> argon2",
    "pass change: shadow2 -> bloom3",
    "password change policy: strict -> lenient",
  ]);
});
