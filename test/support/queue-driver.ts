/**
 * A queue consumed on the test's word: a driver Worker consumes the queue in place of the
 * Worker under test and holds its messages; `deliver(attempts)` hands every held message to the
 * Worker's queue() handler as one batch, through a service binding's queue() (workerd's way of
 * delivering a batch on demand), at the delivery number the test names. Messages the handler
 * retries are held again, the ones it acknowledges are gone. Nothing depends on how fast a
 * local queue redelivers.
 */
import type { Miniflare, WorkerOptions } from "miniflare";

/** What one delivery came to (workerd's FetcherQueueResult), and how many messages it carried. */
export interface Delivery {
  delivered: number;
  outcome: string;
  explicitAcks: string[];
  retryMessages: { msgId: string; delaySeconds?: number }[];
}

export interface DrivenQueue {
  /** The bodies of the messages held now. */
  held<Body = unknown>(): Promise<Body[]>;
  deliver(attempts: number): Promise<Delivery>;
}

export interface QueueDriverOptions {
  /** The driver Worker's name. */
  name: string;
  queue: string;
  /** The Worker whose queue() handler receives the batches. */
  consumer: string;
  compatibilityDate: string;
}

export function queueDriverWorker(options: QueueDriverOptions): WorkerOptions {
  return {
    name: options.name,
    modules: true,
    compatibilityDate: options.compatibilityDate,
    compatibilityFlags: ["service_binding_extra_handlers"],
    serviceBindings: { CONSUMER: options.consumer },
    queueConsumers: { [options.queue]: { maxBatchTimeout: 0 } },
    script: `const held = [];
      export default {
        async queue(batch) {
          for (const message of batch.messages) {
            held.push(message.body);
            message.ack();
          }
        },
        async fetch(request, env) {
          const url = new URL(request.url);
          if (url.pathname === "/held") return Response.json(held);
          const attempts = Number(url.searchParams.get("attempts"));
          const bodies = held.splice(0);
          const result = await env.CONSUMER.queue(${JSON.stringify(options.queue)},
            bodies.map((body, i) => ({ id: "m" + i, timestamp: new Date(), body, attempts })));
          const retried = new Set(result.retryMessages.map((retry) => retry.msgId));
          bodies.forEach((body, i) => {
            if (result.retryBatch.retry || retried.has("m" + i)) held.push(body);
          });
          return Response.json({ delivered: bodies.length, ...result });
        },
      };`,
  };
}

export function drivenQueue(mf: Miniflare, driverName: string): DrivenQueue {
  return {
    async held<Body>() {
      const driver = await mf.getWorker(driverName);
      return (await (await driver.fetch("http://driver/held")).json()) as Body[];
    },
    async deliver(attempts) {
      const driver = await mf.getWorker(driverName);
      const answer = await driver.fetch(`http://driver/deliver?attempts=${attempts}`, { method: "POST" });
      if (!answer.ok) throw new Error(`the queue driver answered ${answer.status}: ${await answer.text()}`);
      return (await answer.json()) as Delivery;
    },
  };
}
