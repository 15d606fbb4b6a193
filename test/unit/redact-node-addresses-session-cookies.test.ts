/**
 * A node's or a Service's address is a server's whatever form its label takes: after `ExternalIP`
 * with a colon, a blank or `=`, under a JSON or YAML node address whose `type` says
 * `ExternalIP`/`InternalIP`, in the `EXTERNAL-IP` column of `kubectl get`'s table. A client's
 * address stays redacted in the same forms. A session's value made of cookies' `name=value`
 * members (VTEX's `vtex.session: segment=…`) keeps each member's name, as a `Cookie` header does.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, sessionMarker, storedLogAttributes } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const redacted = (text: string) => redact(text).text;
const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

/** kubectl's tables as tabwriter pads them. */
const GET_SVC = [
  "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP    PORT(S)         AGE",
  "kubernetes   ClusterIP      10.0.0.1       <none>         443/TCP         30d",
  "web          LoadBalancer   10.0.171.239   34.120.5.6     80:31234/TCP    2m",
  "api          LoadBalancer   10.0.171.240   35.190.1.2     443:31235/TCP   2m",
].join("\n");
const GET_NODES_WIDE = [
  "NAME         STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP    OS-IMAGE",
  "gke-node-1   Ready    <none>   5d    v1.29.1   10.128.0.2    34.120.5.6     Container-Optimized OS from Google",
].join("\n");

describe("a node's address after its label, in every form the label takes", () => {
  itKeepsUncounted("%s", redact, [
    "Addresses: ExternalIP 34.120.5.6, InternalIP 10.128.0.2, Hostname gke-node-1",
    "ExternalIP: 34.120.5.6",
    "Addresses:\n  InternalIP:  10.128.0.2\n  ExternalIP:  34.120.5.6\n  Hostname:    gke-node-1",
    "ExternalIP=34.120.5.6",
    "InternalIP 34.120.5.9",
    "InternalIP: 34.120.5.9",
    '{"type":"ExternalIP","address":"34.120.5.6"}',
    '"addresses":[{"type":"InternalIP","address":"10.128.0.2"},{"type":"ExternalIP","address":"34.120.5.6"},{"type":"Hostname","address":"gke-node-1"}]',
    "status:\n  addresses:\n  - address: 34.120.5.6\n    type: ExternalIP\n  - address: 10.128.0.2\n    type: InternalIP",
    "node_external_ip=34.120.5.6",
    "ExternalDNS 34.120.5.6",
    "LoadBalancer Ingress: 34.120.5.6",
    "LoadBalancer Ingress:     34.120.5.6",
    "EXTERNAL-IP 34.120.5.6",
    "EXTERNAL-IP 2600:1f18:243d:9a00::1",
    GET_SVC,
    GET_NODES_WIDE,
  ]);

  it("a node's addresses in a log body's JSON keep their address", () => {
    const body = JSON.stringify({ msg: "node ready", status: { addresses: [{ type: "ExternalIP", address: "34.120.5.6" }] } });
    expect(redactedLogBody(body)).toBe(body);
  });
});

describe("a client's address stays redacted in the same forms", () => {
  itStoresCounting("%s", redact, { ipv4: 1 }, [
    ["client 34.120.5.6", "client [REDACTED:ipv4]"],
    ["from 34.120.5.6", "from [REDACTED:ipv4]"],
    ["remote_addr=34.120.5.6", "remote_addr=[REDACTED:ipv4]"],
    ["X-Forwarded-For: 34.120.5.6", "X-Forwarded-For: [REDACTED:ipv4]"],
    ["client_ip 34.120.5.6", "client_ip [REDACTED:ipv4]"],
    ["RemoteAddr 34.120.5.6", "RemoteAddr [REDACTED:ipv4]"],
    ["GET /api/node-status 34.120.5.6", "GET /api/node-status [REDACTED:ipv4]"],
    ['{"type":"client","address":"34.120.5.6"}', '{"type":"client","address":"[REDACTED:ipv4]"}'],
    ["Access denied for user 'app'@'54.232.10.11'", "Access denied for user 'app'@'[REDACTED:ipv4]'"],
    ["Access denied for user 'app'@'54.232.10.11' (using password: YES)", "Access denied for user 'app'@'[REDACTED:ipv4]' (using password: YES)"],
    [
      "TIME       CLIENT-IP      PATH\n12:00:01   34.120.5.6     /checkout",
      "TIME       CLIENT-IP      PATH\n12:00:01   [REDACTED:ipv4]     /checkout",
    ],
    // The column does not line up under a name: no header says whose address it is.
    [
      "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE\nweb LoadBalancer 10.0.171.239 34.120.5.6 80:31234/TCP 2m",
      "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE\nweb LoadBalancer 10.0.171.239 [REDACTED:ipv4] 80:31234/TCP 2m",
    ],
  ]);

  // A private address names no host on the Internet and is kept everywhere, a MySQL client's too.
  itKeepsUncounted("%s", redact, ["Access denied for user 'app'@'10.0.0.12' (using password: YES)"]);
});

const SEGMENT = "eyJjaGFubmVsIjoiMSIsInByaWNlVGFibGVzIjpbXX0";
const SESSION = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjEyMyJ9.eyJhY2NvdW50IjoiYWJjIn0.c2lnbmF0dXJlc2lnbmF0dXJl";

describe("a session held as cookies keeps each member's name", () => {
  itStores("%s", redacted, [
    [`vtex.session: segment=${SEGMENT}`, "vtex.session: segment=[REDACTED:secret_param]"],
    [`vtex.session=segment=${SEGMENT}`, "vtex.session=segment=[REDACTED:secret_param]"],
    [`vtex.session: segment=${SEGMENT}; vtex_session=${SESSION}`, `vtex.session: segment=[REDACTED:secret_param]; vtex_session=${sessionMarker(SESSION, policy)}`],
    [`{"vtex.session":"segment=${SEGMENT}"}`, '{"vtex.session":"segment=[REDACTED:secret]"}'],
    [`{"vtex.session":"segment=${SEGMENT}; vtex_session=${SESSION}"}`, `{"vtex.session":"segment=[REDACTED:secret]; vtex_session=${sessionMarker(SESSION, policy)}"}`],
  ]);

  it("as a lifted attribute and a log body's JSON", () => {
    expect(storedLogAttributes([str("vtex.session", `segment=${SEGMENT}; vtex_session=${SESSION}`)]).values).toEqual({
      "vtex.session": `segment=[REDACTED:secret]; vtex_session=${sessionMarker(SESSION)}`,
    });
    expect(redactedLogBody(JSON.stringify({ "vtex.session": `segment=${SEGMENT}`, msg: "x" }))).toBe(
      JSON.stringify({ "vtex.session": "segment=[REDACTED:secret]", msg: "x" }),
    );
  });

  // A token's base64 padding and a generated token's parts are no member's name: the value goes whole.
  itStores("%s", redacted, [
    ["session: dGVzdHNlY3JldHRva2Vu==", `session: ${sessionMarker("dGVzdHNlY3JldHRva2Vu==", policy)}`],
    ["session: aZ3kQ9xT7mN=bcdefgh", `session: ${sessionMarker("aZ3kQ9xT7mN=bcdefgh", policy)}`],
  ]);
});
