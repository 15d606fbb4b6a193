/**
 * The example producer's `request.id` (examples/producer/request-context.ts) is the Workers' own
 * fallback (workers/shared/request-id.ts): the caller's `x-request-id`, else the Ray ID in the
 * one form both Workers store it in, so the producer's rows join the tail's and the export's.
 * The example writes the fallback out itself, to be copied alone, so it is held to the Workers'.
 */
import { describe, expect, it } from "vitest";
import { requestIdOf } from "../../examples/producer/request-context";
import { rayIdOf, requestIdOfRequest } from "../../workers/shared/request-id";

const requestWith = (headers: Record<string, string>) => new Request("https://shop.example/", { headers });

describe("the example producer's request id", () => {
  it("is the Ray ID in lower case, as the Workers store cloudflare.ray_id", () => {
    // Before, the producer kept the header's case: `8F3B2C1D4E5F6A7C` beside the tail's `8f3b2c1d4e5f6a7c`.
    const header = "8F3B2C1D4E5F6A7C-GRU";
    expect(requestIdOf(requestWith({ "cf-ray": header }))).toBe("8f3b2c1d4e5f6a7c");
    expect(requestIdOf(requestWith({ "cf-ray": header }))).toBe(rayIdOf(header));
    expect(requestIdOf(requestWith({ "cf-ray": " 8f3b2c1d4e5f6a7c-gru " }))).toBe("8f3b2c1d4e5f6a7c");
  });

  it("is the caller's x-request-id first, as sent", () => {
    expect(requestIdOf(requestWith({ "x-request-id": " Req-42 ", "cf-ray": "8F3B2C1D4E5F6A7C-GRU" }))).toBe("Req-42");
  });

  it("keeps a cf-ray of another form whole, and is a new UUID without either header", () => {
    expect(requestIdOf(requestWith({ "cf-ray": "not-a-ray" }))).toBe("not-a-ray");
    expect(requestIdOf(requestWith({ "x-request-id": "  " }))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("is the Workers' fallback for every header pair the Workers give an id", () => {
    // The example no longer imports workers/shared/request-id.ts: a team copies it alone.
    const xRequestIds = [undefined, "", "  ", "Req-42", " req 7 ", "8F3B2C1D4E5F6A7C-GRU"];
    const cfRays = [undefined, "", "8F3B2C1D4E5F6A7C-GRU", "8f3b2c1d4e5f6a7c", "8F3B2C1D4E5F6A7C", " 8f3b2c1d4e5f6a7c-gru ", "8F3B2C1D4E5F6A7-GRU", "8F3B2C1D4E5F6A7C-GRUX", "8F3B2C1D4E5F6A7C-", "not-a-ray"];
    let compared = 0;
    for (const xRequestId of xRequestIds) {
      for (const cfRay of cfRays) {
        const headers = { ...(xRequestId !== undefined && { "x-request-id": xRequestId }), ...(cfRay !== undefined && { "cf-ray": cfRay }) };
        const workers = requestIdOfRequest(xRequestId?.trim(), cfRay?.trim());
        if (workers === undefined) continue;
        expect(requestIdOf(requestWith(headers)), JSON.stringify(headers)).toBe(workers);
        compared++;
      }
    }
    expect(compared).toBe(54);
  });
});
