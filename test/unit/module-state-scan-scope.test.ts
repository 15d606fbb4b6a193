/**
 * No text is held past its scan or its request: a module's state that a function writes is a
 * scan's memo, emptied as each scan ends (`resetAfterEachScan`, scan-scope.ts), or emptied in a
 * `finally` of the call that fills it (a decode's notes), or it is listed below with why it holds
 * no request's text (a table built once, a memo of keys' verdicts of
 * bounded size, a counter). The modules are read with the TypeScript compiler's parser, not with
 * patterns over their text: a module-level `let` or `var`, a module-level constant (a `Map`, a
 * `Set`, an array, an object) that a function writes to, and a constant holding an instance of a
 * class whose methods write to its own members, unless its constructor registers a reset.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");
const SOURCES = ["workers/ingest/core", "workers/tail"];

/** Method names that write to the object they are called on (Map, Set, Array). */
const WRITERS = new Set(["set", "add", "delete", "clear", "push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin"]);

/** Functions that empty the collection they are given (`emptied`, scan-scope.ts): a write to it, as its `clear` is. */
const EMPTYING_FUNCTIONS = new Set(["emptied"]);

/** One module-level binding whose value a function may change: where, and why it counts. */
interface ModuleState {
  /** `workers/…/file.ts:name` */
  readonly id: string;
  readonly why: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The identifier (or `this`) an access chain or a write starts from: `a` of `a.b[c].d`. */
function rootOf(expression: ts.Expression): ts.Identifier | ts.ThisExpression | undefined {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = node.expression;
    else if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
    else break;
  }
  if (ts.isIdentifier(node)) return node;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return node as ts.ThisExpression;
  return undefined;
}

/** The roots every write below `node` goes to: assignments, `++`/`--`, `delete`, writer methods, `Object.assign`. */
function writtenRoots(node: ts.Node): Array<ts.Identifier | ts.ThisExpression> {
  const roots: Array<ts.Identifier | ts.ThisExpression> = [];
  const target = (expression: ts.Expression): void => {
    if (ts.isArrayLiteralExpression(expression)) expression.elements.forEach((element) => target(ts.isSpreadElement(element) ? element.expression : element));
    else if (ts.isObjectLiteralExpression(expression)) {
      for (const property of expression.properties) {
        if (ts.isPropertyAssignment(property)) target(property.initializer);
        else if (ts.isShorthandPropertyAssignment(property)) roots.push(property.name);
        else if (ts.isSpreadAssignment(property)) target(property.expression);
      }
    } else if (!(ts.isPropertyAccessExpression(expression) && expression.name.text === "lastIndex")) {
      // A regular expression's `lastIndex` is a position, no text.
      const root = rootOf(expression);
      if (root) roots.push(root);
    }
  };
  const visit = (child: ts.Node): void => {
    if (ts.isBinaryExpression(child) && child.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && child.operatorToken.kind <= ts.SyntaxKind.LastAssignment) target(child.left);
    else if ((ts.isPrefixUnaryExpression(child) || ts.isPostfixUnaryExpression(child)) && (child.operator === ts.SyntaxKind.PlusPlusToken || child.operator === ts.SyntaxKind.MinusMinusToken)) target(child.operand);
    else if (ts.isDeleteExpression(child)) target(child.expression);
    else if (ts.isForInStatement(child) || ts.isForOfStatement(child)) {
      if (!ts.isVariableDeclarationList(child.initializer)) target(child.initializer);
    } else if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression)) {
      const callee = child.expression;
      if (WRITERS.has(callee.name.text)) target(callee.expression);
      else if (ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text === "assign" && child.arguments[0]) target(child.arguments[0]);
    } else if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && EMPTYING_FUNCTIONS.has(child.expression.text) && child.arguments[0]) {
      target(child.arguments[0]);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return roots;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Whether `name` at `node` is a local of an enclosing function or block, not the module's binding. */
function declaredLocally(node: ts.Node, name: string): boolean {
  for (let scope = node.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((parameter) => bindingNames(parameter.name).includes(name))) return true;
    if (ts.isCatchClause(scope) && scope.variableDeclaration && bindingNames(scope.variableDeclaration.name).includes(name)) return true;
    if ((ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      if (scope.initializer.declarations.some((declaration) => bindingNames(declaration.name).includes(name))) return true;
    }
    if (ts.isBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      for (const statement of scope.statements) {
        if (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => bindingNames(declaration.name).includes(name))) return true;
        if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) return true;
      }
    }
  }
  return false;
}

/** Whether `node` is inside a function's body (run after the module loaded), not the module's own statements. */
function insideFunction(node: ts.Node): boolean {
  for (let scope = node.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) if (ts.isFunctionLike(scope)) return true;
  return false;
}

/** The names `block` empties: assigns `undefined`, `null`, `""`, `0` or `false`, or calls `.clear()` on. */
function emptiedIn(block: ts.Block): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && isEmptyValue(node.right) && !declaredLocally(node, node.left.text)) {
      names.push(node.left.text);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "clear" && ts.isIdentifier(node.expression.expression) && !declaredLocally(node, node.expression.expression.text)) {
      names.push(node.expression.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return names;
}

function isEmptyValue(value: ts.Expression): boolean {
  if (ts.isIdentifier(value)) return value.text === "undefined";
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text === "";
  if (ts.isNumericLiteral(value)) return value.text === "0";
  return value.kind === ts.SyntaxKind.NullKeyword || value.kind === ts.SyntaxKind.FalseKeyword;
}

function isResetCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "resetAfterEachScan";
}

/** What a class's methods do to its instances: write to their members, and whether its constructor registers a reset. */
interface ClassState {
  readonly writesMembers: boolean;
  readonly resetEachScan: boolean;
}

function classStates(files: readonly ts.SourceFile[]): Map<string, ClassState> {
  const states = new Map<string, ClassState>();
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      let writesMembers = false;
      let resetEachScan = false;
      for (const member of statement.members) {
        if (ts.isConstructorDeclaration(member)) {
          const visit = (node: ts.Node): void => {
            if (isResetCall(node)) resetEachScan = true;
            ts.forEachChild(node, visit);
          };
          visit(member);
        } else if ((ts.isMethodDeclaration(member) || ts.isAccessor(member)) && member.body) {
          if (writtenRoots(member.body).some((root) => root.kind === ts.SyntaxKind.ThisKeyword)) writesMembers = true;
        }
      }
      states.set(statement.name.text, { writesMembers, resetEachScan });
    }
  }
  return states;
}

/** The module-level bindings nothing empties (`held`, with why each counts: see the file's comment) and those emptied (`reset`). */
function heldModuleState(): { held: ModuleState[]; reset: string[] } {
  const files = SOURCES.flatMap(sourceFiles).map((path) => ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.ES2022, true));
  const classes = classStates(files);
  const held: ModuleState[] = [];
  const reset: string[] = [];
  for (const file of files) {
    const path = file.fileName;
    // The roots written in the resets the module registers (a callback, or a function named there).
    const emptied = new Set<string>();
    const functions = new Map(file.statements.filter(ts.isFunctionDeclaration).flatMap((fn) => (fn.name && fn.body ? [[fn.name.text, fn.body] as const] : [])));
    const visit = (node: ts.Node): void => {
      if (isResetCall(node) && node.arguments[0]) {
        const argument = node.arguments[0];
        const body = ts.isIdentifier(argument) ? functions.get(argument.text) : argument;
        for (const root of body ? writtenRoots(body) : []) if (ts.isIdentifier(root)) emptied.add(root.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    // What a `finally` empties (`= undefined`, `= ""`, `= 0`, `.clear()`): state held only while the call that set it runs.
    const visitFinally = (node: ts.Node): void => {
      if (ts.isTryStatement(node) && node.finallyBlock) for (const name of emptiedIn(node.finallyBlock)) emptied.add(name);
      ts.forEachChild(node, visitFinally);
    };
    visitFinally(file);
    // Writes made by functions, by root name, the function's own locals aside.
    const written = new Set(writtenRoots(file).filter((root): root is ts.Identifier => ts.isIdentifier(root) && insideFunction(root) && !declaredLocally(root, root.text)).map((root) => root.text));
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const list = statement.declarationList;
      const kind = list.flags & ts.NodeFlags.Let ? "let" : list.flags & ts.NodeFlags.Const ? "const" : "var";
      for (const declaration of list.declarations) {
        for (const name of bindingNames(declaration.name)) {
          const id = `${path}:${name}`;
          const init = declaration.initializer;
          let why: string | undefined;
          if (kind !== "const") why = `module-level ${kind}`;
          else if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && classes.get(init.expression.text)?.writesMembers) {
            if (classes.get(init.expression.text)?.resetEachScan) {
              reset.push(id);
              continue;
            }
            why = `an instance of ${init.expression.text}, whose methods write to it`;
          } else if (written.has(name)) why = "a constant a function writes to";
          if (why === undefined) continue;
          if (emptied.has(name)) reset.push(id);
          else held.push({ id, why });
        }
      }
    }
  }
  return { held, reset };
}

/**
 * Module state that holds no request's text, with why: built once from the modules' own words, a
 * memo of names (keys, columns, parameters' names: never values) of bounded size, a number.
 */
const HOLDS_NO_REQUEST_TEXT: Readonly<Record<string, string>> = {
  "workers/ingest/core/decode/json/spellings.ts:fillIndexes": "a WeakMap keyed by the request's parsed objects: an index lives no longer than the object it indexes",
  "workers/ingest/core/decode/json/values.ts:listsRead": "a count of lists, read by the decode that reset it",
  "workers/ingest/core/redact/bounded-memo.ts:askingOfValue": "a flag, put back by `resumeRemembering` in each pause's finally",
  "workers/ingest/core/redact/detectors/detector.ts:CASELESS": "regex sources of the words the modules spell, built as they load",
  "workers/ingest/core/redact/detectors/id-value.ts:idMemberNames": "member names' verdicts, at most 1,024 names",
  "workers/ingest/core/redact/detectors/id-value.ts:idColumnByName": "SQL columns' verdicts, at most 256 names",
  "workers/ingest/core/redact/detectors/comma-glued-values.ts:namesMeasureOrPhone": "member names' verdicts, at most 256 names",
  "workers/ingest/core/redact/detectors/comma-glued-values.ts:thingItemNames": "member names' verdicts, at most 256 names",
  "workers/ingest/core/redact/detectors/id-value.ts:idWordsBefore": "a regex built once from word lists",
  "workers/ingest/core/redact/detectors/id-value.ts:idThings": "a word set built once",
  "workers/ingest/core/redact/detectors/id-value.ts:thingWordsBefore": "a regex built once from word lists",
  "workers/ingest/core/redact/detectors/id-value.ts:numberList": "a scan's number and a verdict, no text",
  "workers/ingest/core/redact/detectors/console-arguments.ts:evidenceAsked": "a scan's number and a verdict, no text",
  "workers/ingest/core/redact/evidence.ts:credentialHintRead": "a scan's number and a verdict, no text",
  "workers/ingest/core/redact/format-arguments.ts:readingsOf": "a scan's number and a count, no text",
  "workers/ingest/core/redact/format-arguments.ts:renderedScanner": "a scanner of the built-in detectors, built once; its scans empty their memos as any scan's",
  "workers/ingest/core/redact/detectors/id-value.ts:identifiedByName": "names' verdicts, at most 256 names",
  "workers/ingest/core/redact/detectors/id-value.ts:barcodeBefore": "a regex built once from word lists",
  "workers/ingest/core/redact/detectors/phone.ts:phoneColumns": "SQL columns' verdicts, at most 256 names",
  "workers/ingest/core/redact/person-names.ts:PERSON_NAME_READINGS": "one ScanMemo per person field's kind (at most eight), each emptied at its scan's end",
  "workers/ingest/core/redact/detectors/sql-bound-parameter.ts:COLUMN_RULES": "key rules of SQL columns' names, at most 4,096 names",
  "workers/ingest/core/redact/key-rules.ts:SCANS": "a scan rule per combination of facts (numbers), no text",
  "workers/ingest/core/redact/list-plans.ts:idle": "emptied slots: `release` (in redactRequest's finally) empties them first",
  "workers/ingest/core/redact/list-walks.ts:slotKeys": "attribute keys (names, not values), at most 256",
  "workers/ingest/core/redact/list-walks.ts:slotKinds": "the keys' walk bits, numbers",
  "workers/ingest/core/redact/password-options.ts:matchers": "regexes built once",
  "workers/ingest/core/redact/policy.ts:defaultPolicy": "the default policy, built once from no settings",
  "workers/ingest/core/redact/postal-code-names.ts:postalCodeNames": "names' verdicts, at most 1,024 names",
  "workers/ingest/core/redact/scan-scope.ts:current": "the scan's number",
  "workers/ingest/core/redact/scan-scope.ts:issued": "the highest scan number given",
  "workers/ingest/core/redact/scan-scope.ts:scanning": "whether a scan is under way",
  "workers/ingest/core/redact/scan-scope.ts:work": "a count of characters read",
  "workers/ingest/core/redact/scan-scope.ts:resets": "the memos' resets, registered as modules load",
  "workers/ingest/core/redact/secret-names.ts:scanNameWords": "a text's reading's memo: emptied with every filled one as a scan or the outermost pause ends (`forgetReadings`)",
  "workers/ingest/core/redact/secret-names.ts:secretNames": "names' verdicts, at most 4,096 names",
  "workers/ingest/core/redact/token-formats.ts:knownToken": "a regex built once",
  "workers/ingest/core/redact/unchanged-texts.ts:idle": "emptied slots: `release` (in redactRequest's finally) empties them first",
  "workers/ingest/core/rows/serialize.ts:writtenColumns": "each table plan's columns (names), by plan",
};

describe("module-level state of the ingest core and the tail Worker", () => {
  const { held, reset } = heldModuleState();

  it("is a scan's memo, emptied in a finally, or listed with why it holds no request's text", () => {
    const unlisted = held.filter(({ id }) => HOLDS_NO_REQUEST_TEXT[id] === undefined);
    expect(unlisted).toEqual([]);
  });

  it("the list names only state that is there", () => {
    const found = new Set(held.map(({ id }) => id));
    expect(Object.keys(HOLDS_NO_REQUEST_TEXT).filter((id) => !found.has(id))).toEqual([]);
  });

  it("finds the memos the scans empty, and the state a call empties as it ends", () => {
    // The memo that once held a text past its scan, a list reader's (its constructor registers its reset), a decode's notes.
    expect(reset).toEqual(
      expect.arrayContaining([
        "workers/ingest/core/redact/name-owners.ts:lastQuery",
        "workers/ingest/core/redact/detectors/phone.ts:phoneLists",
        "workers/ingest/core/decode/decode-notes.ts:current",
        "workers/ingest/core/rows/serialize.ts:sizedEncoding",
      ]),
    );
  });
});
