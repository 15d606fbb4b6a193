/**
 * Which kind of event started an invocation, and the few details of it worth keeping.
 *
 * Cloudflare does not label TraceItem.event with its kind; each kind has its own fields, so the
 * kind is recognised by them. Reads are defensive because the tail also receives kinds that did
 * not exist when it was written: those become "other" rather than an error.
 */

export type InvocationEvent =
  | {
      kind: "fetch";
      url: string;
      method: string;
      /** Read only for correlation headers; never copied out wholesale. */
      headers: Readonly<Record<string, string>>;
      /** Absent when the Worker produced no response (it threw, or was killed). */
      status: number | undefined;
    }
  | { kind: "scheduled"; cron: string; scheduledTime: unknown }
  | { kind: "queue"; queue: string; batchSize: number }
  | { kind: "alarm"; scheduledTime: unknown }
  | { kind: "email"; rcptTo: string; rawSize: number }
  | { kind: "rpc"; method: string }
  | { kind: "tail" }
  | { kind: "websocket"; eventType: string }
  | { kind: "other" }
  | { kind: "none" };

export type EventKind = InvocationEvent["kind"];

type Fields = Readonly<Record<string, unknown>>;

export function classifyEvent(event: object | null): InvocationEvent {
  if (event === null) return { kind: "none" };
  const fields = event as Fields;
  if (isObject(fields["request"])) return fetchEvent(fields["request"], fields["response"]);
  if ("rpcMethod" in fields) return { kind: "rpc", method: text(fields["rpcMethod"]) };
  if ("cron" in fields) {
    return { kind: "scheduled", cron: text(fields["cron"]), scheduledTime: fields["scheduledTime"] };
  }
  if ("queue" in fields) {
    return { kind: "queue", queue: text(fields["queue"]), batchSize: count(fields["batchSize"]) };
  }
  if ("rcptTo" in fields || "mailFrom" in fields) {
    return { kind: "email", rcptTo: text(fields["rcptTo"]), rawSize: count(fields["rawSize"]) };
  }
  if ("consumedEvents" in fields) return { kind: "tail" };
  if (isObject(fields["getWebSocketEvent"])) {
    return { kind: "websocket", eventType: text(fields["getWebSocketEvent"]["webSocketEventType"]) };
  }
  // Checked after "cron": a scheduled event also has scheduledTime, an alarm has nothing else.
  if ("scheduledTime" in fields) return { kind: "alarm", scheduledTime: fields["scheduledTime"] };
  return { kind: "other" };
}

function fetchEvent(request: Fields, response: unknown): InvocationEvent {
  const headers = isObject(request["headers"]) ? stringRecord(request["headers"]) : {};
  const status = isObject(response) && typeof response["status"] === "number" ? response["status"] : undefined;
  return { kind: "fetch", url: text(request["url"]), method: text(request["method"]), headers, status };
}

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function stringRecord(fields: Fields): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") record[name] = value;
  }
  return record;
}
