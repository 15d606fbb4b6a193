/**
 * `npm run dead-letters` as an operator runs it, pointed at what may answer instead of the
 * ingest Worker: every answer that is not the Worker's fails with the method, the URL and what
 * was wrong, exit status 2, and no stack trace.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeadLetters } from "../../dead-letters/client";
import { closedPort, FOREIGN_ANSWERS, startForeignServer, type ForeignAnswer, type ForeignServer } from "../support/foreign-server";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function deadLettersCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "dead-letters/cli.ts", ...args],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, DECO_OTEL_INGEST_URL: "", DECO_OTEL_ADMIN_TOKEN: "" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A Worker-shaped replay page for `kind`, with the fields given. */
function replayPage(fields: Record<string, unknown>): ForeignAnswer {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ kind: "undelivered", replayedBatches: 1, replayedRows: 5, refused: [], unreadable: [], ...fields }));
  };
}

let server: ForeignServer;

beforeAll(async () => {
  server = await startForeignServer();
});

afterAll(() => server?.close());

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/TypeError|SyntaxError/);
}

describe("npm run dead-letters against an answer that is not the ingest Worker's", () => {
  it.each([
    ["list", "emptyJson", /^GET (\S+)\/admin\/dead-letters answered 200 with JSON that is not the Worker's dead-letter summary \(undelivered: expected object; refused: expected object; unreadableMessages: expected number\): is --url the ingest Worker, of this version\? Answer: "\{\}"$/],
    ["replay", "emptyJson", /^POST (\S+)\/admin\/dead-letters\/replay\?kind=undelivered answered 200 with JSON that is not the Worker's replay page \(kind: expected one of "undelivered", "refused"; replayedBatches: expected number; replayedRows: expected number; …\)/],
    ["list", "loginPage", /^GET (\S+)\/admin\/dead-letters answered 200 with text\/html; charset=utf-8, not the ingest Worker's JSON \(a login page, or another server at --url\?\): "<!DOCTYPE html> <html><head><title>Sign in - Cloudflare Access/],
    ["replay", "loginPage", /^POST (\S+)\/admin\/dead-letters\/replay\?kind=undelivered answered 200 with text\/html/],
    ["list", "accessRedirect", /^GET (\S+)\/admin\/dead-letters answered 302, redirecting to https:\/\/example\.cloudflareaccess\.com\/cdn-cgi\/access\/login\/ingest: not the ingest Worker's answer/],
    ["list", "badGateway", /^GET (\S+)\/admin\/dead-letters answered 502: "<html><body><h1>502 Bad Gateway<\/h1><\/body><\/html>"$/],
    ["list", "cutBody", /^GET (\S+)\/admin\/dead-letters answered 200 but the body could not be read: /],
  ] as const)("%s, %s: names the URL and what was wrong, exit 2", async (command, answer, message) => {
    server.answerWith(FOREIGN_ANSWERS[answer]);
    const run = await deadLettersCli([command, "--url", server.url, "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().match(message)?.[1]).toBe(server.url);
    expectNoStack(run);
  });

  it("names the cause of a refused connection", async () => {
    const port = await closedPort();
    const run = await deadLettersCli(["list", "--url", `http://127.0.0.1:${port}`, "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `GET http://127.0.0.1:${port}/admin/dead-letters failed: fetch failed: connect ECONNREFUSED 127.0.0.1:${port} ` +
        "(the connection was refused: nothing accepts connections at that host and port)",
    );
  });

  it("says a port fetch never connects to is that, not only \"bad port\"", async () => {
    const run = await deadLettersCli(["list", "--url", "http://127.0.0.1:1", "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "GET http://127.0.0.1:1/admin/dead-letters failed: fetch failed: bad port " +
        "(the URL's port is one fetch never connects to: the Fetch standard blocks it, as other protocols use it; serve it on another port)",
    );
  });

  it("gives up on a server that takes the request and never answers, naming it", async () => {
    server.answerWith(FOREIGN_ANSWERS.silent);
    await expect(listDeadLetters({ url: server.url, token: "t", timeoutMs: 200 })).rejects.toThrow(
      `GET ${server.url}/admin/dead-letters got no answer within 0.2 s`,
    );
  });

  it("stops a replay whose next page would be the same page, instead of asking forever", async () => {
    server.answerWith(replayPage({ next: "undelivered/otel_logs/a" }));
    const run = await deadLettersCli(["replay", "--url", server.url, "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `POST ${server.url}/admin/dead-letters/replay?kind=undelivered&after=undelivered%2Fotel_logs%2Fa answered 200 with JSON that is a replay page whose next key is the one it was asked to start after ("undelivered/otel_logs/a")`,
    );
  });

  it("refuses a page of another kind than the one asked for", async () => {
    server.answerWith(replayPage({ kind: "refused" }));
    const run = await deadLettersCli(["replay", "--url", server.url, "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("answered 200 with JSON that is a replay page of kind refused, asked for undelivered");
  });

  it.each([["ftp://ingest.example"], ["ingest.example.workers.dev"], ["https://ingest.example/?x=1"]])(
    "refuses --url %s before sending the token anywhere",
    async (url) => {
      const before = server.requests.length;
      const run = await deadLettersCli(["list", "--url", url, "--token", "t"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--url (or DECO_OTEL_INGEST_URL) must be the ingest Worker's http(s) URL`);
      expect(run.stderr).toContain(`got "${url}"`);
      expect(server.requests.length).toBe(before);
      expect(run.stderr.trimEnd().split("\n").slice(1)).toEqual(['Run "npm run dead-letters -- --help" for the usage.']);
    },
  );
});

describe("npm run dead-letters with a wrong command or flag", () => {
  it.each([
    [["lst"], 'expected list or replay, got "lst"'],
    [["list", "--colour"], 'unknown option --colour (an argument that starts with "-" goes after "--": -- --colour)'],
    [["list", "--jsn"], "unknown option --jsn: did you mean --json?"],
    [["list", "--url", "https://ingest.example"], "--token (or DECO_OTEL_ADMIN_TOKEN) is required"],
    [["list", "--url", "https://ingest.example", "--token", "t", "--include-refused"], "--include-refused goes with replay"],
  ])("%j: the mistake on one line and where the usage is, exit 2", async (args, message) => {
    const run = await deadLettersCli(args);
    expect(run.code).toBe(2);
    const [first, ...rest] = run.stderr.trimEnd().split("\n");
    expect(first).toContain(message);
    expect(rest).toEqual(['Run "npm run dead-letters -- --help" for the usage.']);
  });

  it("prints the usage when asked", async () => {
    const run = await deadLettersCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: npm run dead-letters -- <command> [flags]");
  });
});
