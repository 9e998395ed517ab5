/**
 * Figures read from the fake's record of the requests it answered (fake.exchanges): counts by
 * operation and status, and the bytes of the response bodies. The fake sends each body as
 * `JSON.stringify(body)` with that length as its Content-Length, so the sum below is exactly the
 * body bytes the client received (headers not included).
 */
import type { FakeQovery, Operation } from "../../tests/fake-qovery";

/** "<operation> <status>" → count. */
export function tally(fake: FakeQovery): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const exchange of fake.exchanges) {
    const key = `${exchange.operation} ${exchange.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** operation → count, whatever the answer. */
export function byOperation(fake: FakeQovery): Partial<Record<Operation | "unknown", number>> {
  const counts: Partial<Record<Operation | "unknown", number>> = {};
  for (const exchange of fake.exchanges) counts[exchange.operation] = (counts[exchange.operation] ?? 0) + 1;
  return counts;
}

/** Sum of the response bodies' bytes, as the fake sent them. */
export function responseBytes(fake: FakeQovery): number {
  let bytes = 0;
  for (const exchange of fake.exchanges)
    if (exchange.responseBody !== undefined) bytes += Buffer.byteLength(JSON.stringify(exchange.responseBody));
  return bytes;
}

/** Requests that change something at Qovery. */
export function mutatingCalls(fake: FakeQovery): number {
  return fake.exchanges.filter((exchange) => exchange.method !== "GET").length;
}
