/**
 * What the operator commands (dead-letters, dashboards, audit) print for a failed connection:
 * the error's message and its causes, where Node's fetch keeps what went wrong, and what the
 * deepest cause means in words, after its own text.
 */
import { describe, expect, it } from "vitest";
import { messageWithCauses } from "../../cli/error-causes";
import { closedPort } from "../support/foreign-server";

/** What Node's fetch throws for `url`. */
async function fetchFailure(url: string): Promise<unknown> {
  try {
    await fetch(url);
  } catch (error) {
    return error;
  }
  throw new Error(`${url} answered`);
}

describe("messageWithCauses", () => {
  it.each([1, 6000, 10080])("says a port the Fetch standard blocks (%i) is never connected to, not only undici's \"bad port\"", async (port) => {
    expect(messageWithCauses(await fetchFailure(`http://127.0.0.1:${port}/`))).toBe(
      "fetch failed: bad port (the URL's port is one fetch never connects to: the Fetch standard blocks it, as other protocols use it; serve it on another port)",
    );
  });

  it("says a refused connection is refused", async () => {
    const port = await closedPort();
    expect(messageWithCauses(await fetchFailure(`http://127.0.0.1:${port}/`))).toBe(
      `fetch failed: connect ECONNREFUSED 127.0.0.1:${port} (the connection was refused: nothing accepts connections at that host and port)`,
    );
  });

  it("explains the deepest cause it knows, whatever wraps it", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    const wrapped = new Error("could not read the tables", { cause: new TypeError("fetch failed", { cause: reset }) });
    expect(messageWithCauses(wrapped)).toBe("could not read the tables: fetch failed: read ECONNRESET (the other end closed the connection before answering)");
  });

  it("leaves a message without a known code as it is", () => {
    expect(messageWithCauses(new Error("EACCES: permission denied, open 'x'", { cause: "no more" }))).toBe("EACCES: permission denied, open 'x': no more");
    expect(messageWithCauses("a thrown string")).toBe("a thrown string");
  });
});
