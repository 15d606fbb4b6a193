/**
 * Before the demo sends anything: whether the ingest Worker takes its token for the demo's own
 * service.name. Otherwise the SDK's exporters meet the refusal and the demo ends, at their
 * shutdown, in a stack trace holding the answer's protobuf bytes.
 */
import { DEMO_CLIENT_SERVICE } from "../defaults";
import type { SenderToken } from "../local-tokens";

/** The ingest Worker refused the demo's token: the message says which token, why, and the fix. */
export class DemoTokenRefused extends Error {}

/**
 * Sends the ingest Worker a traces export holding the demo's resource and no span, with the
 * demo's token (`sender`, read from `from`): the Worker checks the token and its scope as for any
 * export and writes nothing. Throws DemoTokenRefused on its 401 or 403; any other answer is left
 * to the traffic to meet, as before.
 */
export async function assertTokenTaken(ingestUrl: string, sender: SenderToken, from: string): Promise<void> {
  const resource = { attributes: [{ key: "service.name", value: { stringValue: DEMO_CLIENT_SERVICE } }] };
  const response = await fetch(`${ingestUrl}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${sender.token.secret}` },
    body: JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [] }] }),
  });
  const answer = await response.text();
  if (response.status !== 401 && response.status !== 403) return;
  throw new DemoTokenRefused(refusalMessage(ingestUrl, sender, from, response.status, statusMessageOf(answer)));
}

/**
 * What the demo says when its token is refused: the token by name (never its secret), the
 * Worker's reason, and what to change. With no listed token in scope the demo sent the first: the
 * demo cannot see npm start's list, so it first says that npm start's own list (or its token for
 * demo-client) is enough when it has one, then how to add one; a token the list gives demo-client
 * but the Worker refuses means npm start was given another list.
 */
export function refusalMessage(ingestUrl: string, sender: SenderToken, from: string, status: number, reason: string): string {
  const lead = `npm run demo: the ingest Worker at ${ingestUrl} refused the demo's token "${sender.token.name}" (from ${from}) with HTTP ${status}: ${reason}`;
  const fix = sender.inScope
    ? `That token may write service.name "${DEMO_CLIENT_SERVICE}" in the demo's list, but npm start was given another: pass the demo the --token ` +
      "(or $INGEST_TOKEN) npm start was given."
    : `No token ${from} lists may write service.name "${DEMO_CLIENT_SERVICE}", the demo's own service, so it sent the first. If npm start's ` +
      `--token (or $INGEST_TOKEN) holds one that may (an entry SECRET or NAME:SECRET, any service, or NAME:SECRET:${DEMO_CLIENT_SERVICE}), ` +
      "pass the demo npm start's whole list, or that token: no restart is needed. Otherwise add such an entry to npm start's " +
      "--token, restart npm start and pass the demo the same list.";
  return `${lead}\n${fix}`;
}

/** A JSON error answer's `message` (google.rpc.Status), else the answer's first line. */
function statusMessageOf(answer: string): string {
  try {
    const { message } = JSON.parse(answer) as { message?: unknown };
    if (typeof message === "string") return message;
  } catch {
    // Not the Worker's JSON: shown as it came.
  }
  return answer.split("\n", 1)[0]!.slice(0, 200);
}
