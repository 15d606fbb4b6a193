import { Evidence } from "../evidence";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { CARD_SECURITY_CODE_WORDS } from "../secret-names";
import { caseless, caselessLetters, type Detector } from "./detector";
import { ESCAPED_QUOTE } from "./escaped-quotes";
import { AFTER_LOGGER_PREFIX, LEVEL_OPENING, LEVEL_OPENING_LINE, LEVEL_WORD, MESSAGE_START as LINE_MESSAGE_START } from "../logger-prefix";

/**
 * A one-time or verification code written into a sentence, as notification services log the
 * SMS and e-mail they send: the words name a code that proves who holds an account (the code
 * words of `secret_param`), so the digits they name are that code. Only the digits are
 * matched and replaced (the words are read around them), so the words stay and whatever else
 * they hold (an e-mail in `code for ana@example.com:`) is still scanned by the other detectors.
 * Counted as `secret_param`, as the same code written `otp=482913` is. The wordings:
 *
 * - words, then the code: `Your verification code is 482913`, `Login code: 5521`, `Your OTP is
 *   123456`, `passcode 7788`, `PIN: 4821`, `Your one-time password is 482913`, `Your Apple ID
 *   Code is: 123456`, `Your 6-digit code is …`, `Your code for Acme is 1234`, `OTP for login is
 *   1234`, `Enter code 482913`, and a brand's name and `code:` starting a message (`Telegram
 *   code: 54321`);
 * - in Portuguese, `código`, `senha`, `token` or `PIN` with what makes them a code (`de
 *   verificação`, `de acesso`, `temporária`, a brand: `Código de segurança iFood: 4829`, `Token de
 *   acesso: …`) or after `seu`/`sua` (`Seu token é …`, `Sua senha temporária é …`), and `Use o
 *   código …`;
 * - in Spanish likewise, `clave` and `contraseña` beside `código` (`Tu código de verificación es
 *   …`, `Su código es …`, `Tu clave dinámica es …`, `Ingresa el código …`);
 * - in German, French, Italian and Dutch the same shapes with their words: the reader's
 *   (`Ihr`, `Dein`, `votre`, `ton`, `il tuo`, `Uw`, `je`), `is` (`lautet`, `ist`, `est`, `è`), a
 *   compound naming a one-time code alone (`Bestätigungscode`, `Sicherheitscode`,
 *   `Einmalpasswort`, a bank's `TAN` by any procedure, `chipTAN`, `pushTAN`, `verificatiecode`), a
 *   purpose after `code`/`codice` (`code de vérification`, `code d'accès`, `codice di verifica`), a
 *   blank before the colon (`votre code : …`), `gesendet`/`envoyé`/`inviato`, `Entrez le code …`,
 *   `Inserisci il codice …`, and `Der Code lautet …`;
 * - the code, then words that make it the reader's code: `Use 482913 as your verification
 *   code`, `482913 is your Google verification code`, `Use 1234567 as Microsoft account security
 *   code`, `123456 é o seu código`, `556677 es tu código`;
 * - a verb giving the code and what it proves, which ends the sentence or is the reader's account
 *   or identity: `Use 654321 to verify your account`, `Use code 654321 to sign in`, `Digite 112233
 *   para confirmar`, `Usa 445566 para verificar tu cuenta`; a thing after it makes the digits a
 *   number for that thing (`Use 8080 to verify the proxy`, `Use 417710 para verificar o lote`);
 * - a message that is `Código:`, `Code:` or `Codice:` and the code alone (`Código: 445566`);
 * - as the service sending it logs it: the noun, then `sent`/`enviado` (`seu código enviado:
 *   482913`, `código enviado para o seu celular: 4829`, `Your code has been sent: …`), or a verb
 *   sending it, then the noun (`enviamos com código 482913`, `Te enviamos el código …`, `We sent
 *   you a code: …`), not when it names another thing sent (`Pedido enviado com código 45678`);
 * - a card security code after its name with only a blank (`CVV 123`, `cvc 4821`, `security code
 *   321`, `código de segurança 654`): 3 or 4 digits;
 * - Google's and Facebook's SMS forms, `G-123456` and `FB-12345` (the `G-` and `FB-` stay), the
 *   latter with `Facebook` after it.
 *
 * The code is 4 to 8 digits (a card's security code 3 or 4), or six or eight in groups (`123-456`, `482 913`, `48 29 13`, `4829 1234`), and must end
 * there (`Access code 2026-12-01` is a date). A number after any other word (`order 123456`,
 * `build 4821`, `error code 1001`, `exit code 137`, `status code: 500`) is not a code: only these
 * words name one, and a word between `your` and `code`, or a brand before `code:`, that says
 * which other code it is (`Your zip code is 94103`, `Error code: 5001`, `Your order code is …`:
 * `NOT_SECRET_CODES`) makes it none. A number a unit or a counted thing follows is a count (`Dein
 * Code ist 1234 Zeilen lang`, `je code 1234 lignes`), and a year a project's word follows names
 * the project (`TAN 2024 rollout`): `NO_CODE`. `CODE_WORD` in `evidence.ts` is what every match's words hold.
 */

/**
 * Words that, before `code`, name a code that is no secret: an error's, a status's, a place's
 * (a US ZIP code names an area of thousands of people, not a person), a product's, an order's,
 * a promotion's. In English, Portuguese, Spanish, German, French, Italian and Dutch, in any case.
 * Each starts with a letter, so a digit, `_` or `-` turns the list away before it is tried word
 * by word (see `YOUR_WORD`).
 */
const NOT_SECRET_CODES = [
  "error", "status", "exit", "return", "response", "result", "reason", "exception", "fault", "failure", "signal",
  "event", "message", "opcode", "http", "https", "sql", "source", "unicode", "ascii", "key", "keyboard",
  "country", "zip", "postal", "postcode", "area", "dial", "region", "language", "currency", "iso", "airport",
  "bank", "branch", "sort", "swift", "routing", "station", "short", "tax",
  "product", "item", "sku", "part", "model", "serial", "batch", "lot", "bar", "barcode", "qr", "color", "colour",
  "order", "booking", "tracking", "shipping", "invoice", "ticket", "reference", "ref",
  "promo", "promotion", "promotional", "discount", "coupon", "referral",
  "package", "parcel", "shipment", "invite", "invitation", "gift",
  "erro", "rastreio", "rastreamento", "pedido", "produto", "barras", "promocional", "cupom", "desconto", "postal",
  "referência", "país", "área", "cep", "pacote", "encomenda", "remessa", "convite", "indicação", "presente",
  "seguimiento", "producto", "orden", "compra", "cupón", "descuento", "paquete", "invitación", "referido",
  "fehler", "bestellung", "rabatt", "gutschein", "kunden", "erreur", "statut", "commande", "errore", "stato", "ordine", "fout",
];
const NOT_SECRET_CODE = `(?![\\d_-])(?:${NOT_SECRET_CODES.map(caseless).join("|")})(?![\\w-])`;

const BLANK = "[ \\t]+";
const QUALIFIER =
  "(?:[Vv]erification|[Ss]ecurity|[Ll]og-?in|[Ss]ign-?in|[Oo]ne[- ][Tt]ime|[Aa]uthentication|[Cc]onfirmation|[Aa]ccess" +
  "|OTP|2FA|MFA|SMS|PIN|VERIFICATION|SECURITY|LOGIN|ONE[- ]TIME)";
/** Nouns that name a code after a qualifier; `password` only after "one-time". */
const QUALIFIED_NOUN = "(?:code|Code|CODE|passcode|PIN|(?<=[Ee][- ][Tt]ime[ \\t]+|E[- ]TIME[ \\t]+)(?:password|Password|PASSWORD))";
/**
 * German and Dutch compounds that name a one-time code alone (`Bestätigungscode`,
 * `Sicherheitscode`, `Einmalpasswort`, `verificatiecode`, `inlogcode`), perhaps with a hyphen
 * (`Login-Code`, `SMS-Code`), and a bank's `TAN` by the procedure that delivers it (`TAN_PROCEDURE`:
 * `mTAN`, `smsTAN`, `chipTAN`, `pushTAN`, `Push-TAN`, `photoTAN`, `smartTAN`), or its number or code
 * (`TAN-Nummer`, `TAN-Nr.`, `pushTAN-Code`); a compound
 * naming another code (`Fehlercode`, `statuscode`, `HTTP-Code`) or a list of them (`TAN-Liste`)
 * is none of these.
 */
/**
 * The procedures a German bank sends a TAN by, glued or hyphenated before `TAN`: a text message
 * (`m`, `sms`, `SMS-`, `mobile`), an indexed list (`i`), a card reader (`chip`), an app's push or
 * photo (`push`, `photo`, `app`, `QR-`), a reader's (`smart`, `Sm@rt-`), in the banks' spellings.
 */
const TAN_PROCEDURE =
  "(?:(?:[Ss]ms|SMS|[Cc]hip|CHIP|[Pp]ush|PUSH|[Pp]hoto|PHOTO|[Aa]pp|APP|[Mm]obile|MOBILE|QR|[Ss]mart|SMART|[Ss]m@rt|SM@RT)-?|m|i|e)";
/** What a bank's TAN's name ends in: its number (`TAN-Nummer`, `TAN Nummer`, `TAN-Nr.`) or its code (`pushTAN-Code`). */
const TAN_NUMBER = "(?:-?[Nn]ummer|-NUMMER|[ \\t]+(?:Nummer|NUMMER)|-?[Nn]r\\.|-NR\\.|-(?:[Cc]ode|CODE))";
const COMPOUND_NOUN =
  "(?:(?:[Bb]est(?:ä|ae)tigungs|[Ss]icherheits|[Vv]erifizierungs|[Vv]erifikations|[Aa]nmelde|[Zz]ugangs|[Aa]ktivierungs" +
  "|[Aa]uthentifizierungs|[Ff]reischalt|[Ee]inmal|[Vv]erificatie|[Bb]eveiligings|[Ii]nlog|[Bb]evestigings|[Tt]oegangs" +
  "|[Aa]ctivatie|[Aa]uthenticatie|SMS|[Ll]ogin)-?(?:code|Code)|[Ee]enmalige[ \\t]+code|[Ee]inmal-?(?:[Pp]asswort|[Kk]ennwort)" +
  `|${TAN_PROCEDURE}?TAN${TAN_NUMBER}?)`;
/** Nouns that name a one-time code alone. */
const LONE_NOUN = `(?:OTP|TOTP|passcode|Passcode|PASSCODE|PIN|${COMPOUND_NOUN})`;
const CODE_NOUN = "(?:code|Code|CODE)";
/** The reader's, in English, German (`Ihr`, `Dein`), French (`votre`), Italian (`il tuo`) and Dutch (`Uw`). */
const YOUR = "(?:[Yy]our|YOUR|[Ii]hre?|IHRE?|[Dd]eine?|DEINE?|[Vv]otre|VOTRE|(?:[Ii]l[ \\t]+)?[Tt]uo|TUO|[Uu]w|UW)";
/** The reader's as short words that are other words too (French `ton`, Dutch `je`): only right before the noun. */
const YOUR_SHORT = "(?:[Tt]on|TON|[Jj]e|JE)";
/**
 * A word between `your` and `code`: a brand, a kind (`Apple ID`, `6-digit`), not one of `NOT_SECRET_CODES`.
 * Always after a blank. Read backwards in a lookbehind, the run backtracks letter by letter:
 * `(?<![\w-])` lets the list be tried only where the word starts. (Past 20 KB of source V8
 * compiles a regex without its optimizations, and each try reads the list word by word: `TAN
 * 2024-` repeated for 64 KB, the words' lookbehind failing at each code, took over half a second.)
 */
const YOUR_WORD = `(?!${NOT_SECRET_CODE})(?<![\\w-])[\\w-]+`;
/**
 * A brand's name: a capitalized word that names no other kind of code (`Telegram`, `WhatsApp`)
 * and is no logger's level word (`WARN Code: 1045 Access denied` is MySQL's error, logged).
 */
const BRAND = `(?!${NOT_SECRET_CODE}|${LEVEL_WORD}(?![\\w-]))[A-Z][\\w-]*`;
/** Whose code it is, after the noun: `for Acme`, `for login`, `for ana@example.com`. */
const FOR = `${BLANK}(?:for|f(?:ü|u)r|pour|per|voor)(?:${BLANK}[^\\s:]+){1,3}?`;
/** `is` in German (`ist`, `lautet`), French (`est`) and Italian (`è`); Dutch's is English's. */
const OTHER_IS = "ist|lautet|IST|LAUTET|est|EST|è";
const IS = `${BLANK}(?:is|was|IS|${OTHER_IS})`;
/**
 * Regex source, for inside a lookbehind, of a line's message start (logger-prefix.ts), a level word in
 * capitals opening the message or not: `LINE_MESSAGE_START|LINE_MESSAGE_START LEVEL_OPENING` written with the
 * line's start and the logger's prefix once (the same places; V8 compiles that prefix once, not twice).
 */
const LINE_OR_LEVEL_OPENING = `${LINE_MESSAGE_START}(?:${LEVEL_OPENING})?`;
/**
 * Where a message starts: a line's (after a logger's prefix too, or a level word in capitals
 * opening the message: logger-prefix.ts), or after a colon, a quote, a bracket, `=` or a sentence's end.
 */
const MESSAGE_START = `(?<=(?:${LINE_OR_LEVEL_OPENING}|[:"'\\]>|.!?(=])[ \\t]*)`;

/**
 * German `der Code` right before `lautet` (its value "reads"), perhaps `wie folgt` after: `Der
 * Code lautet 482913`, `Der Code lautet wie folgt: 482913`. Only `lautet`: `Der Code ist 1234
 * Zeilen lang` counts source code's lines; and nothing between (`Der Code für die Bestellung
 * lautet 4711` is an order's).
 */
const DER_CODE_LAUTET =
  `(?:[Dd]er|DER)${BLANK}${CODE_NOUN}${BLANK}(?:lautet|LAUTET)(?:${BLANK}(?:wie${BLANK}folgt|WIE${BLANK}FOLGT))?`;
/** English noun phrases that name the reader's code. */
const ENGLISH_NOUN =
  `(?:${QUALIFIER}${BLANK}${QUALIFIED_NOUN}|${LONE_NOUN}|(?:${YOUR}(?:${BLANK}${YOUR_WORD}){0,3}|${YOUR_SHORT})${BLANK}${CODE_NOUN})`;
/** English wordings before a code, read in a lookbehind: the noun written once, `is` or `for …` after it optional. */
const ENGLISH =
  `(?:${ENGLISH_NOUN}(?:${IS}|${FOR}(?:${IS}|[ \\t]*:))?` +
  `|${MESSAGE_START}${BRAND}(?:${BLANK}${BRAND}){0,2}${BLANK}${CODE_NOUN}[ \\t]*:` +
  `|(?:[Ee]nter|ENTER)(?:${BLANK}the)?${BLANK}${CODE_NOUN}|${DER_CODE_LAUTET})`;

const CODIGO = "(?:[Cc](?:ó|o)digo|C(?:Ó|O)DIGO)";
/** Portuguese, Spanish and Italian nouns of a code: code (`codice` too), password (`senha`, `clave`, `contraseña`), token, PIN. */
const PT_NOUN = `(?:${CODIGO}|[Cc]odice|CODICE|[Ss]enha|SENHA|[Tt]oken|TOKEN|PIN|[Cc]lave|CLAVE|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A)`;
/**
 * What makes a French `code` or an Italian `codice` one: its purpose (`de vérification`,
 * `d'accès`, `di verifica`), or that it is for one use or temporary.
 */
const FR_IT_QUALIFIER =
  "(?:(?:(?:de|di)[ \\t]+|d['’][ \\t]*)(?:v(?:é|e)rification|confirmation|s(?:é|e)curit(?:é|e)|connexion|validation|authentification|activation" +
  "|acc(?:è|e)s|verifica|conferma|sicurezza|accesso|autenticazione|attivazione|convalida)" +
  "|(?:(?:à|a)[ \\t]+)?usage[ \\t]+unique|temporaire|monouso|temporaneo)";
/** What makes a Portuguese or Spanish noun a code: its purpose, or that it is temporary, single-use or dynamic. */
const PT_QUALIFIER =
  "(?:(?:de[ \\t]+)?(?:verifica(?:ç|c)(?:ã|a)o|seguran(?:ç|c)a|acesso|confirma(?:ç|c)(?:ã|a)o|autentica(?:ç|c)(?:ã|a)o|login|uso[ \\t]+(?:ú|u)nico" +
  "|verificaci(?:ó|o)n|seguridad|acceso|confirmaci(?:ó|o)n|autenticaci(?:ó|o)n|activaci(?:ó|o)n|inicio[ \\t]+de[ \\t]+sesi(?:ó|o)n|un[ \\t]+solo[ \\t]+uso)" +
  "|tempor(?:á|a)ri[ao]|provis(?:ó|o)ri[ao]|(?:ú|u)nic[ao]|descart(?:á|a)vel|temporal|provisional|din(?:á|a)mic[ao]" +
  `|${FR_IT_QUALIFIER})`;
/**
 * A brand after the noun: a word with a capital in it (`Nubank`, `iFood`), perhaps after `de`/`do`
 * (`do WhatsApp`, `de Uber`). Read as `YOUR_WORD` is, from its start only, and split at its first
 * capital only (no capital before it), so each word is read one way and the list of codes that are
 * no secret is tried once per word: a long hyphenated word before a code (`Push-TAN-Push-TAN-…`)
 * is read once, not once per capital or letter.
 */
const PT_BRAND = `(?!${NOT_SECRET_CODE})(?<![\\w-])[a-z\\d_-]*[A-Z][\\w-]*`;
const PT_BRANDS = `(?:(?:${BLANK}(?:de|do|da|del))?(?:${BLANK}${PT_BRAND}){1,2})?`;
/**
 * What the reader does with the code, between its noun and `é`/`es`/`is`/`:`: `Tu código para
 * iniciar sesión es …`, `Seu código para acessar a conta é …`, `Your code to sign in is …`.
 */
const PT_PURPOSE =
  `(?:${BLANK}(?:para|to)${BLANK}(?:verificar|confirmar|validar|ativar|activar|autenticar|redefinir|restablecer|recuperar|acessar|acceder` +
  `|entrar|ingresar|iniciar|logar|verify|confirm|sign|log|access|reset)(?:${BLANK}[^\\s:]+){0,3}?(?=${BLANK}(?:é|es|is)|[ \\t]*:))?`;
const PT_AFTER_NOUN = `(?:${BLANK}${PT_QUALIFIER})?${PT_BRANDS}${PT_PURPOSE}`;
const PORTUGUESE =
  `(?:(?:${PT_NOUN}${BLANK}${PT_QUALIFIER}|${CODE_NOUN}${BLANK}${FR_IT_QUALIFIER})${PT_BRANDS}` +
  `|(?:[Ss]eu|SEU|[Ss]ua|SUA|[Tt]u|TU|[Ss]u|SU|${YOUR}|${YOUR_SHORT})${BLANK}(?:${PT_NOUN}|${CODE_NOUN})${PT_AFTER_NOUN})` +
  `(?:${BLANK}(?:é|e|es|is|${OTHER_IS})(?:${BLANK}(?:el|o))?)?`;
/** `Use o código …`, `Ingresa el código …`, `Entrez le code …`, `Inserisci il codice …`: a verb giving the code with its noun. */
const PT_USE_CODE =
  `(?:(?:[Uu]se|[Uu]tilize|[Dd]igite|[Ii]nforme|[Ii]nsira|[Uu]sa|[Uu]tiliza|[Ii]ngresa|[Ii]ntroduce|[Ee]scribe)${BLANK}(?:o|el)${BLANK}${CODIGO}` +
  `|(?:[Ee]ntrez|[Ss]aisissez|[Uu]tilisez|[Ii]nserisci|[Ii]nserire|[Dd]igita|[Uu]tilizza)${BLANK}(?:le|il)${BLANK}(?:code|codice))`;

/** `code` as a sent code's noun, perhaps qualified (`verification code`, `code de vérification`), not after a word naming another code. */
const SENT_CODE_WORD = `(?<!(?<![\\w-])${NOT_SECRET_CODE}${BLANK})(?:${QUALIFIER}${BLANK})?${CODE_NOUN}(?:${BLANK}${FR_IT_QUALIFIER})?`;
/** The nouns naming a one-time code by themselves, sent or generated (`OTP`, `Bestätigungscode`, `código de verificação`, `token de acceso`). */
const ONE_TIME_NOUN = `(?:${LONE_NOUN}|${PT_NOUN}(?:${BLANK}${PT_QUALIFIER})?)`;
/** A sent code's noun (`code`, `verification code`, `OTP`, `código`; not an error's, a status's, …). */
const SENT_NOUN = `(?:${SENT_CODE_WORD}|${ONE_TIME_NOUN})`;
const SENT_PARTICIPLE =
  "(?:[Ss]ent|SENT|[Ee]nviad[oa]|ENVIAD[OA]|[Gg]esendet|GESENDET|[Vv]ersendet|[Ee]nvoy(?:é|e)e?|ENVOY(?:É|E)E?|[Ii]nviato|INVIATO|[Vv]erstuurd|[Vv]erzonden)";
const GENERATED = "(?:[Gg]enerated|GENERATED|[Gg]erad[oa]|GERAD[OA]|[Gg]enerad[oa]|GENERAD[OA])";
const BE_SENT = `(?:${BLANK}(?:has${BLANK}been|was|is|foi|fue|ha${BLANK}sido|wurde|a${BLANK}(?:é|e)t(?:é|e)|(?:è|e)${BLANK}stato))?${BLANK}`;
const SENT_TO = `${BLANK}(?:to|para|ao|à|a|al|an|au|naar)(?:${BLANK}[^\\s:]+){1,4}?(?=[ \\t]*:|${BLANK}(?:is|é|es)${BLANK})(?:${BLANK}(?:is|é|es))?`;
/**
 * A code as the service sending it logs it: its noun (`code`, `verification code`, `OTP`,
 * `código`, `código de verificação`, `token de acceso`; not an error's, a status's, …), then
 * `sent`/`generated`/`enviado`/`gerado`/`generado`, perhaps to whom (then `:` or `is`/`é`/`es`):
 * `seu código enviado: 482913`, `tu código enviado es …`, `Your code has been sent: …`, `OTP generated: 4829`, `código enviado para o seu celular: 4829`,
 * `verification code sent to +5511987654321: 482913`.
 * `generated` only after a noun that names a one-time code by itself (a qualified `code`, `OTP`,
 * `código de verificação`): a code generator's `Code generated: 1234 lines` is source code. Read
 * in a lookbehind, the nouns either participle follows written once.
 */
const SENT_CODE =
  `(?:${SENT_CODE_WORD}${BE_SENT}${SENT_PARTICIPLE}|${QUALIFIER}${BLANK}${QUALIFIED_NOUN}${BE_SENT}${GENERATED}` +
  `|${ONE_TIME_NOUN}${BE_SENT}(?:${SENT_PARTICIPLE}|${GENERATED}))(?:${SENT_TO}|${BLANK}(?:is|é|es))?`;
/**
 * A verb sending the code, then its noun: `enviamos com código 482913`, `Te enviamos el código
 * …`, `We sent you a code: …`, `Enviamos um código para o seu e-mail: …`, `SMS enviado com código …`; not after a word naming another thing
 * sent (`Pedido enviado com código …`: `NOT_SECRET_CODES`), and not when a thing's name or a count
 * follows the code (`Enviamos o código 12345 do pedido`, `sent the code 1234 times`). Whom it was
 * sent to may stand before `with` (`SMS sent to +55… with code …`).
 */
const SEND_VERB =
  `(?:(?<!(?<![\\w-])${NOT_SECRET_CODE}${BLANK})|(?<=${AFTER_LOGGER_PREFIX}|${LEVEL_OPENING_LINE}))` +
  "(?:[Ss]ent|SENT|[Ss]ending|SENDING|[Ee]nviad[oa]|ENVIAD[OA]|[Ee]nviamos|ENVIAMOS|[Ee]nvi(?:ei|ou|ó)|[Ee]nviando|ENVIANDO)";
const SEND_CODE =
  `${SEND_VERB}(?:${BLANK}(?:you|te|lhe|le))?` +
  `(?:${BLANK}(?:to|para|a|al)(?:${BLANK}[^\\s:]+){1,4}?(?=${BLANK}(?:with|com|con)${BLANK}))?(?:${BLANK}(?:with|com|con))?` +
  `(?:${BLANK}(?:the|a|an|your|o|um|el|un|tu|su|seu|sua|o${BLANK}seu|a${BLANK}sua))?${BLANK}${SENT_NOUN}(?:${SENT_TO})?`;

/**
 * The code: six or eight digits in groups (`482-913`, `482 913`, `48 29 13`, `4829 1234`,
 * `4829-1234`), or 4 to 8 digits; not glued to a word, nor the start of a date, a decimal or a
 * longer number. The groups are tried first, so a grouped code goes whole.
 */
const CODE = "(?:\\d{4}[- ]\\d{4}|\\d{3}[- ]\\d{3}|\\d{2}-\\d{2}-\\d{2}|\\d{2} \\d{2} \\d{2}|\\d{4,8})(?!\\w|[.,/:-]\\d)";
/**
 * What a number a code's words name is when a unit or a counted thing follows it: a count, no
 * code (`your code is 1234 lines long`, `Dein Code ist 1234 Zeilen lang`, `je code 1234 lignes`,
 * French's verb: I write 1234 lines, `Your code is 1500 ms`). Lines, characters, bytes, words,
 * tokens, files and durations, in English, French, Spanish, Portuguese, Italian and Dutch in
 * lower case as prose writes them, or in capitals (a capital alone opens the next sentence: `Your
 * code is 4829 Token expires …`); German's nouns capitalised (`COUNT_NOUNS_GERMAN`).
 */
const COUNT_NOUNS = [
  "line", "lines", "loc", "sloc", "character", "characters", "chars", "byte", "bytes", "kb", "mb", "word", "words", "token", "tokens",
  "file", "files", "ms", "millisecond", "milliseconds", "second", "seconds", "secs", "minute", "minutes", "mins", "hours",
  "ligne", "lignes", "caractère", "caractères", "octet", "octets", "mots", "fichiers", "millisecondes", "secondes",
  "línea", "líneas", "lineas", "caracteres", "palabras", "archivos", "milisegundos", "segundos", "minutos", "horas",
  "linha", "linhas", "palavras", "arquivos", "ficheiros",
  "riga", "righe", "caratteri", "parole", "millisecondi", "secondi", "minuti",
  "regel", "regels", "tekens", "woorden", "bestanden", "seconden",
];
const COUNT_NOUNS_GERMAN = ["Zeile", "Zeilen", "Zeichen", "Wörter", "Dateien", "Millisekunden", "Sekunden", "Minuten", "Stunden"];
/**
 * A year, then what is planned for it (`TAN 2024 rollout`, `OTP 2025 migration`, `TAN 2024
 * Umstellung`): a project's name, no code. Only words that name a project's event: `update`,
 * `review` or `plan` after a code open a sentence as often (`Your code is 2024 Update your app`).
 */
const PROJECT_WORDS = [
  "rollout", "roll-out", "migration", "migrations", "release", "releases", "launch", "rollback", "cutover", "go-live", "roadmap",
  "sprint", "pilot", "changeover", "switchover", "sunset", "deprecation", "redesign", "initiative",
  "umstellung", "einführung", "projekt", "abschaltung", "stichtag",
  "déploiement", "projet", "bascule", "migración", "migração", "lanzamiento", "lançamento", "proyecto", "projeto",
  "uitrol", "migratie", "migrazione", "rilascio", "progetto",
];
/** After a count's or a project's word: not a key's name (`token=abc`, `ms: 12`) nor a longer word. */
const WORD_END = "(?![\\w=:-])";
/**
 * A number the code's words name that is no code: a count of up to five digits, written as one
 * (`COUNT_NOUNS`; six digits or a code's groups are a code's), or a year and a project's word
 * (`PROJECT_WORDS`, in any case: German and headings capitalise them).
 */
const NO_CODE =
  `(?:\\d{1,5}${BLANK}(?:${[...COUNT_NOUNS, ...COUNT_NOUNS_GERMAN].flatMap((word) => [word, word.toUpperCase()]).join("|")})${WORD_END}` +
  `|(?:19|20)\\d\\d(?:${BLANK}|-)(?:${PROJECT_WORDS.map(caselessLetters).join("|")})${WORD_END})`;

/** What follows a code given first: a verb, then the name of the reader's code. */
const NAMED_AFTER =
  `${BLANK}(?:is|as|IS|AS|é|es|como|${OTHER_IS})${BLANK}` +
  `(?:(?:(?:${YOUR}|o${BLANK}seu|a${BLANK}sua|[Ss]eu|[Ss]ua|[Tt]u|[Ss]u)(?:${BLANK}${YOUR_WORD}){0,3}|${YOUR_SHORT})${BLANK}(?:${CODE_NOUN}|${PT_NOUN})` +
  `|(?:${YOUR_WORD}${BLANK}){0,3}(?:${QUALIFIER}${BLANK}${QUALIFIED_NOUN}|${LONE_NOUN}))`;

/**
 * A card security code's names (`CVV`, `cvc2`, `CSC`) and `security code` in English,
 * Portuguese and Spanish, then a blank (after `is`, `:` or `=`) or `#`: three or four digits
 * after them are the code (`CVV 123`, `cvc 4821`, `código de segurança 123`; written without its `ç`, the phrase
 * takes the four to eight digits of any code).
 */
const CARD_CODE_NAME =
  `(?:${CARD_SECURITY_CODE_WORDS.map(caseless).join("|")}|[Ss]ecurity${BLANK}[Cc]ode|SECURITY${BLANK}CODE` +
  `|${CODIGO}${BLANK}de${BLANK}(?:segurança|seguridad|SEGURANÇA|SEGURIDAD))`;
const CARD_CODE =
  `(?<=(?<![\\w-])${CARD_CODE_NAME}(?:${BLANK}(?:is|IS|é|es)${BLANK}|(?:[ \\t]*[:=])?${BLANK}|[ \\t]*#[ \\t]*))\\d{3,4}(?!\\w|[.,/:-]\\d)`;

/**
 * Whose is what a given code proves: the reader's (`your`, `seu`, `sua`, `o seu`, `a sua`,
 * `tu`, `su`, `vos`), as in `to verify your account`, `para verificar tu cuenta`.
 */
const PURPOSE_OWNER = "(?:[Yy]our|YOUR|(?:o[ \\t]+|a[ \\t]+)?(?:[Ss]eu|[Ss]ua|SEU|SUA)|[Tt]u|TU|[Ss]u|SU|vos)";
/**
 * What a given code proves, named without an owner: an account, an identity, a login, an
 * e-mail or a phone (`to verify the account`, `para confirmar o cadastro`, `para validar el número`).
 */
const ACCOUNT_THING =
  "(?:account|identity|login|sign[ \\t-]?in|e-?mail|email|phone|number" +
  "|conta|cuenta|identidade|identidad|cadastro|registro|n(?:ú|u)mero|telefone|tel(?:é|e)fono|celular|acesso|acceso)";
const ARTICLE = "(?:the|o|a|el|la|os|las)";
const PURPOSE_THING = `(?:${ARTICLE}${BLANK})?${ACCOUNT_THING}`;
/**
 * A code given for a thing that is no account (`Usa el código 205038 para el descuento`, `Use o
 * código 1234 para o frete`) is that thing's code: a discount's, a shipment's.
 */
const FOR_A_THING = `${BLANK}(?:para|for)${BLANK}${ARTICLE}${BLANK}(?!${ACCOUNT_THING}|${PURPOSE_OWNER})`;
/** A thing whose code it is, after the code (`Enviamos o código 12345 do pedido`, `… of the order`). */
const OF_A_THING = `${BLANK}(?:do|da|dos|das|del|de${BLANK}la|of(?:${BLANK}the)?)${BLANK}(?!${ACCOUNT_THING}|${PURPOSE_OWNER})`;
/** A verb giving the code before it, then what it is for: `Use 654321 to verify your account`, `Digite 1234 para confirmar`. */
const USE_VERB =
  "(?:[Uu]se|USE|[Ee]nter|ENTER|[Tt]ype|[Uu]sa|[Uu]tilize|[Uu]tiliza|[Dd]igite|[Ii]nforme|[Ii]nsira|[Ii]ngresa|[Ii]ntroduce|[Ee]scribe)";
const TO_PROVE =
  `${BLANK}(?:to|para)${BLANK}(?:verify|confirm|sign[ \\t-]?in|log[ \\t-]?in|authenticate|activate|reset|complete|validate` +
  "|verificar|confirmar|validar|ativar|activar|autenticar|redefinir|restablecer)(?![\\w-])" +
  `(?=[ \\t]*(?:$|[.!;,|\\r\\n"')]|${ESCAPED_QUOTE})|${BLANK}(?:${PURPOSE_OWNER}|${PURPOSE_THING})(?![\\w-]))`;
/** The code's noun between the verb and the code: `Use code 654321 to verify`, `Digite o código 1234 para confirmar`. */
const GIVEN_NOUN = `(?:(?:the${BLANK})?${CODE_NOUN}|(?:o|el)${BLANK}${CODIGO})${BLANK}`;
const GIVEN_CODE = `(?<=(?<![\\w-])${USE_VERB}${BLANK}(?:${GIVEN_NOUN})?)${CODE}(?=${TO_PROVE})`;

/**
 * A message that is `Code:`, `Código:` or `Codice:` and the code alone (`Código: 445566`, `Codice: 482913`, `Code: 482913.
 * Don't share it`): it starts the text, a line (after a level word opening its message too) or a quoted
 * string, and the code ends it or its sentence. After other words (`Erro ao pagar. Código: 5001`, `Status code: 5000`) or before
 * more (`Código: 12345 - Camiseta`) it is no one's secret.
 */
const BARE_CODE =
  `(?<=(?:${LINE_OR_LEVEL_OPENING}|["'])[ \\t]*(?:${CODIGO}|[Cc]ode|CODE|[Cc]odice|CODICE)[ \\t]*:[ \\t]*)${CODE}(?=[ \\t]*(?:$|[\\r\\n"'.!]|${ESCAPED_QUOTE}))`;

/**
 * Facebook's SMS names Facebook after the code (`FB-12345 is your Facebook confirmation code`,
 * `FB-12345 é seu código de confirmação do Facebook`): without that word in the line after it,
 * `FB-12345` is an issue key of a project `FB` (`Ticket FB-43673 closed`).
 */
const FACEBOOK_NEAR = "[^\\n]{0,80}?(?:[Ff]acebook|FACEBOOK)";

export const codePhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  // Every match starts with a digit: the words around it are read only there, and, but for a
  // card security code's three digits, only where a code's digits start (`(?=CODE)`), so a
  // short or glued number costs no look back at the words.
  source:
    `(?=\\d)(?:(?<![\\w.,/:-])(?!${NO_CODE})(?:(?=${CODE})(?:(?<=(?<![\\w-])(?:${ENGLISH}|${PORTUGUESE}|${SENT_CODE})(?:[ \\t]*:)?[ \\t]*)${CODE}` +
    `|(?<=(?<![\\w-])${SEND_CODE}(?:[ \\t]*:)?[ \\t]*)${CODE}(?!${FOR_A_THING}|${OF_A_THING}|${BLANK}(?:times|vezes|veces)(?![\\w-]))` +
    `|(?<=(?<![\\w-])${PT_USE_CODE}${BLANK})${CODE}(?!${FOR_A_THING})|${CODE}(?=${NAMED_AFTER})|${GIVEN_CODE}|${BARE_CODE})` +
    `|${CARD_CODE})` +
    `|(?<=(?<![\\w-])G-)\\d{6}(?![\\w-]|[.,]\\d)|(?<=(?<![\\w-])FB-)\\d{5,8}(?![\\w-]|[.,]\\d)(?=${FACEBOOK_NEAR}))`,
  evidence: Evidence.CODE_PHRASE,
};
