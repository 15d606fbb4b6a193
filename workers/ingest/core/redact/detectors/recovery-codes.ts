import { caseless } from "./detector";

/**
 * A second factor's spare one-time passwords, printed as a list (GitHub's, Google's and
 * Authy's recovery and backup codes: `8f3k-2m9x`, `48291-37562`): shared by the detectors that
 * read them after their name in prose (`recovery codes: …`) and as a pair (`recovery_codes=…`).
 */

/** One recovery code: four to eight letters and digits, in one or two groups, holding a digit (`none` is a word). */
export const RECOVERY_CODE = "(?=[A-Za-z-]{0,16}\\d)[A-Za-z0-9]{4,8}(?:-[A-Za-z0-9]{4,8})?(?![\\w-])";

/** The codes' name, `recovery` or `backup` and `code` or `codes`, in any case, joined by nothing, a blank, `_` or `-`. */
export const RECOVERY_CODES_NAME = `(?:${caseless("recovery")}|${caseless("backup")})[ _-]?${caseless("code")}[Ss]?`;

/**
 * A pair's value that is a list of codes joined by `,` (logfmt's `recovery_codes=48291-37562,19283-74650`),
 * right after the codes' name and `=`: one value, where a pair's value elsewhere ends at a `,`.
 */
export const RECOVERY_CODE_LIST_VALUE = `(?<=(?<![A-Za-z0-9])${RECOVERY_CODES_NAME}=)${RECOVERY_CODE}(?:,${RECOVERY_CODE})+(?![^\\s;&"'])`;
