import { jwtDetector } from "./jwt";
import { basicDetector, bearerDetector, urlCredentialsDetector } from "./credentials";
import { oracleConnectDetector } from "./oracle-connect";
import { goMysqlDsnDetector } from "./go-mysql-dsn";
import { secretParameterDetector } from "./secret-parameter";
import { sanitizedHeadersDetector } from "./sanitized-headers";
import { tableColumnsDetector, tableRowsDetector } from "./table-rows";
import { authSchemeDetector } from "./auth-scheme";
import { redisCommandDetector } from "./redis-command";
import { commandPasswordDetector } from "./command-password";
import { secretAssignmentDetector } from "./secret-assignment";
import { codeLiteralDetector } from "./code-literal";
import { credentialLiteralDetector } from "./credential-literal";
import { secretAfterMaskDetector } from "./secret-after-mask";
import { codeListTailDetector, codeListsDetector } from "./code-lists";
import { consoleArgumentsDetector } from "./console-arguments";
import { headerPairsDetector } from "./header-pairs";
import { sessionIdPhraseDetector } from "./session-id-phrase";
import { passwordPhraseDetector } from "./password-phrase";
import { passwordChangeDetector } from "./password-change";
import { planChangeDetector } from "./plan-change";
import { credentialPhraseDetector } from "./credential-phrase";
import { tracebackNameDetector, tracebackValueDetector } from "./traceback-value";
import { keyPhraseDetector } from "./key-phrase";
import { urlPathTokenDetector } from "./url-path-token";
import { yamlMembersDetector } from "./yaml-members";
import { cardHolderFieldDetector, heldHolderFieldDetector } from "./card-holder-field";
import { cardHolderPhraseDetector, heldHolderPhraseDetector } from "./card-holder-phrase";
import { personNameFieldDetector } from "./person-name-field";
import { mailboxNameDetector } from "./mailbox-name";
import { greetingNameDetector } from "./greeting-name";
import { introducedNameDetector } from "./introduced-name";
import { homeDirectoryDetector } from "./home-directory";
import { streetAddressDetector } from "./street-address";
import { SQL_BOUND_PARAMETER_DETECTOR } from "./sql-bound-parameter";
import { NAMED_VALUES_DETECTOR } from "./named-values";
import { DATABASE_ERROR_VALUES_DETECTOR } from "./database-error-values";
import { codePhraseDetector } from "./code-phrase";
import { emailDetector } from "./email";
import { ipv4Detector, ipv6Detector } from "./ip";
import { phoneDetector } from "./phone";
import { cnpjDetector, cpfDetector } from "./brazil-tax-ids";
import { cnhDetector, rgDetector } from "./brazil-id-documents";
import { ssnDetector } from "./ssn";
import { cardDetector, cardTrack1Detector } from "./card";
import { knownTokenDetector, nestingKnownTokenDetector } from "./known-token";
import { postalCodeParameterDetector } from "./postal-code-parameter";
import { postalCodePhraseDetector } from "./postal-code-phrase";
import { privateKeyDetector, puttyPrivateKeyDetector } from "./private-key";
import { passwordHashDetector } from "./password-hash";
import { ibanDetector } from "./iban";
import { visitorLocationDetector } from "./visitor-location";
import { DEFAULT_GEO_PRECISION, geoPrecisionLevel } from "../geo";
import { pixDetector } from "./pix";
import { birthDateDetector, passportDetector } from "./personal-documents";
import { nationalIdDetector } from "./national-ids";
import type { Detector } from "./detector";

export type { Detector, Rewrite } from "./detector";

/**
 * Every built-in text detector, in priority order: where two could match at the same place, the
 * earlier one is tried first, so the wider shapes (a URL's credentials, a whole JWT) win over
 * the pieces inside them (an e-mail-like `pass@host`, digits).
 */
export const BUILT_IN_DETECTORS: readonly Detector[] = [
  urlCredentialsDetector,
  // Before the e-mail's: `app/S3cret@db.internal` is a logon, no address.
  oracleConnectDetector,
  // Before the e-mail's too: `app:S3cret@tcp(…)` is a DSN.
  goMysqlDsnDetector,
  jwtDetector,
  bearerDetector,
  basicDetector,
  redisCommandDetector,
  secretParameterDetector,
  sanitizedHeadersDetector,
  // After the named parameters': `Authorization: Token …` is theirs, the header's name read.
  authSchemeDetector,
  secretAssignmentDetector,
  // Before the named values': a header list's `["authorization", "Bearer …"]` is no bound column's.
  headerPairsDetector,
  // After the assignments': a plan's old value is theirs, its new value after the arrow this one's.
  planChangeDetector,
  codeLiteralDetector,
  credentialLiteralDetector,
  secretAfterMaskDetector,
  // After the secret parameter forms, whose field leaves the gap between a name's string and the next argument unread.
  consoleArgumentsDetector,
  // After the secret parameter forms: at one separator their reading of a code list (`pins: [1234, 5678]`) wins.
  codeListsDetector,
  tableRowsDetector,
  tableColumnsDetector,
  // After the secret parameter forms too: a code's singular's list goes on after the first code they read (`pin=1234,5678`).
  codeListTailDetector,
  yamlMembersDetector,
  cardHolderFieldDetector,
  heldHolderFieldDetector,
  cardHolderPhraseDetector,
  heldHolderPhraseDetector,
  personNameFieldDetector,
  mailboxNameDetector,
  greetingNameDetector,
  introducedNameDetector,
  homeDirectoryDetector,
  streetAddressDetector,
  // At every kind; a policy keeping postal codes or card holders compiles its own (`policy.ts`).
  SQL_BOUND_PARAMETER_DETECTOR,
  // The same column rules for the values ORMs and validators print beside their names; so is its policy's copy.
  NAMED_VALUES_DETECTOR,
  // And for the values a database's errors quote beside their columns; so is its policy's copy.
  DATABASE_ERROR_VALUES_DETECTOR,
  codePhraseDetector,
  privateKeyDetector,
  puttyPrivateKeyDetector,
  knownTokenDetector,
  nestingKnownTokenDetector,
  // After the known tokens: an AWS key after `session` is theirs.
  sessionIdPhraseDetector,
  passwordPhraseDetector,
  // After the password phrases': a change's values they keep (`changed password from 'OldPw1' to …`).
  passwordChangeDetector,
  credentialPhraseDetector,
  tracebackValueDetector,
  tracebackNameDetector,
  // After the known tokens too: a key's name before a token of a known format leaves it theirs.
  keyPhraseDetector,
  urlPathTokenDetector,
  passwordHashDetector,
  pixDetector,
  emailDetector,
  ipv6Detector,
  ipv4Detector,
  phoneDetector,
  cnhDetector,
  rgDetector,
  passportDetector,
  // Before the CPF's, SSN's and card's: `CUIT 20-12345678-9`, `BSN 123456782` are their documents' numbers.
  nationalIdDetector,
  birthDateDetector,
  cnpjDetector,
  cpfDetector,
  ssnDetector,
  cardTrack1Detector,
  cardDetector,
  ibanDetector,
  postalCodeParameterDetector,
  postalCodePhraseDetector,
  // At the default precision; a policy compiles the one of its own (`policy.ts`).
  visitorLocationDetector(geoPrecisionLevel(DEFAULT_GEO_PRECISION)),
  // Last: a command's argument another detector knows (a token, a card, a hash, `password=…`) keeps that one's kind.
  commandPasswordDetector,
];
