import { createServer } from "node:net";

/**
 * A start refused because a port it was told to take is in use; its message is one line to
 * print as is. Not a usage error: the flags are right, something else holds the port, so the
 * command's usage text would only bury the line that says which port and which flag.
 */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
}

/**
 * A port nothing listens on right now. Used where a port must be known before the server
 * that takes it starts (a producer's endpoint vars name the ingest port up front).
 */
export async function findFreePort(host: string): Promise<number> {
  const port = await tryListen(host, 0);
  if (port === undefined) throw new Error(`no free port on ${host}`);
  return port;
}

/**
 * Fails early with PortInUseError, naming the port and its flag, when a chosen port is taken
 * (most often by an `npm start` already running), instead of deep inside whichever server tries
 * to bind it. `portsByFlag` maps a flag (`--ingest-port`) to its port; 0 means "any".
 */
export async function assertPortsFree(host: string, portsByFlag: Record<string, number>): Promise<void> {
  for (const [flag, port] of Object.entries(portsByFlag)) {
    if (port !== 0 && (await tryListen(host, port)) === undefined) {
      throw new PortInUseError(
        `port ${port} on ${host} is in use (is \`npm start\` already running?): stop what listens there or choose another port with ${flag}`,
      );
    }
  }
}

/** Listens on `port` for a moment; resolves the port it got, or undefined when it is taken. */
function tryListen(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(undefined) : reject(error)));
    probe.listen(port, host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : undefined));
    });
  });
}
