/**
 * Whether a metric's instrument measures the client side of a connection, so that the peer in its
 * points' attributes (`network.peer.address`) is the server it called, as in a Client span.
 *
 * The OpenTelemetry semantic conventions name the side in the metric name: `{namespace}.client.*`
 * (`http.client.request.duration`, `rpc.client.duration`, `db.client.operation.duration`,
 * `gen_ai.client.token.usage`, `azure.cosmosdb.client.operation.request_charge`) against
 * `{namespace}.server.*` (`http.server.request.duration`, `gen_ai.server.request.duration`).
 * Three namespaces are client-side without the word: messaging (`messaging.publish.duration`,
 * `messaging.process.duration`: a producer's or consumer's peer is the broker, as in Producer and
 * Consumer spans), a Kafka client's own (`kafka.producer.*`, `kafka.consumer.*`, the Java
 * client's JMX domains as the Collector's JMX receiver names them; `kafka.client.*` says
 * `client`), whose peer is a broker too, and `dns.lookup.duration` (the peer is the resolver).
 * A broker's (`kafka.server.*`, `kafka.request.count`) is not: its peer is a client. Names as the Collector's
 * Prometheus receiver gives them (`http_client_request_duration_seconds`) read the same.
 */

/** `name`: the metric's name as sent. True when the first `client` or `server` word is `client`, or the namespace is client-side. */
export function measuresClientSide(name: string): boolean {
  const words = name.toLowerCase().split(/[._]/);
  for (const word of words) {
    if (word === "client") return true;
    if (word === "server") return false;
  }
  const [namespace, second] = words;
  return namespace === "messaging" || (namespace === "kafka" && (second === "producer" || second === "consumer")) || (namespace === "dns" && second === "lookup");
}
