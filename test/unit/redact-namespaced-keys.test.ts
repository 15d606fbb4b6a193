/**
 * A key whose words a namespace's `/` parts is ruled by its words like any other: Clojure's JSON
 * encoders (cheshire, jsonista) write `:user/password` as `"user/password"`, and a lifted JSON body
 * makes that an attribute key. Kubernetes' and Helm's label keys (`app.kubernetes.io/name`) keep
 * their values: a label's `name` is an app's. A key that is a URL's path (a route in a latency map)
 * is no namespaced name: `/oauth/token` names no secret.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { nameWords } from "../../workers/ingest/core/redact/secret-names";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";

/** The stored LogAttributes of one record whose string body is `body`, with `attributes` (string values). */
function storedAttributes(body: string, attributes: Record<string, string> = {}): Record<string, string> {
  const request = {
    resourceLogs: [
      {
        scopeLogs: [
          {
            logRecords: [
              {
                timeUnixNano: NOW,
                body: { stringValue: body },
                attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
              },
            ],
          },
        ],
      },
    ],
  };
  const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(request)), pipeline, NOW);
  const flat = (prepared.batches[0]!.rows[0] as unknown as { LogAttributes: string[] }).LogAttributes;
  const map: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) map[flat[i]!] = flat[i + 1]!;
  return map;
}

describe("namespaced keys", () => {
  it("parts a name's words at `/`", () => {
    expect(nameWords("user/password")).toEqual(["user", "password"]);
    expect(nameWords("app.kubernetes.io/name")).toEqual(["app", "kubernetes", "io", "name"]);
  });

  it("rules a Clojure body's namespaced members by their words once lifted", () => {
    const stored = storedAttributes('{"msg":"login","user/password":"x1y2z3w4","user/name":"Ana Souza","user/email":"ana@example.com","user/id":42}');
    expect(stored).toMatchObject({
      "user/password": "[REDACTED:secret]",
      "user/name": "[REDACTED:person_name]",
      "user/email": "[REDACTED:email]",
      "user/id": "42",
    });
  });

  it("keeps text under a URL path's key, an attribute or a lifted member", () => {
    expect(nameWords("/oauth/token")).toEqual(["/oauth/token"]);
    const routes = { "/api/v1/users/password": "reset-ok", "http.route./users/password": "ok", "/oauth/token": "p99=12ms" };
    expect(storedAttributes("hi", routes)).toMatchObject(routes);
    expect(storedAttributes('{"msg":"latency","routes":{"/auth/token":{"p99":"12ms"}}}')).toMatchObject({ "routes./auth/token.p99": "12ms" });
  });

  it("keeps Kubernetes and Helm label values", () => {
    const labels = { "app.kubernetes.io/name": "checkout", "app.kubernetes.io/instance": "checkout-prod", "helm.sh/chart": "api-1.2.3" };
    expect(storedAttributes("hi", labels)).toMatchObject(labels);
  });
});
