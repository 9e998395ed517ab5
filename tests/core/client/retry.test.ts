/** Which failed attempts are tried again, and after how long (the rules the client's loop applies). */
import { expect } from "chai";
import { got } from "got";
import * as sinon from "sinon";
import { Throttle } from "../../../core/client/throttle";
import { RETRY_BUDGET_MS } from "../../../core/defaults";
import { retryAfterMs, retryDelayMs } from "../../../core/client/retry";
import { startFakeQovery, type FakeQovery } from "../../fake-qovery";
import { QoveryClient } from "../../../core/client/client";
import { testSettings } from "../../support/qovery";

describe("retry rules", () => {
  const limits = { maxRetries: 5, maxRetryDelayMs: 30_000 };
  const now = 1_000_000;

  /** A real got HTTPError for `status`, from a request to the fake. */
  let fake: FakeQovery;
  before(async () => {
    fake = await startFakeQovery();
  });
  after(() => fake.close());

  async function httpError(status: number, retryAfter?: string): Promise<unknown> {
    fake.injectFault({ operation: "getOrganizationMembers", status });
    try {
      await got(`${fake.url}/organization/${fake.organizationId}/member`, {
        headers: { authorization: `Token ${fake.apiToken}` },
        retry: { limit: 0 },
      });
    } catch (error) {
      if (retryAfter !== undefined)
        Object.assign((error as { response: { headers: object } }).response.headers, { "retry-after": retryAfter });
      return error;
    }
    throw new Error("expected a failure");
  }

  const attempt = (error: unknown, extra: Partial<Parameters<typeof retryDelayMs>[1]> = {}) => ({
    error,
    idempotent: true,
    retries: 0,
    startedAt: now,
    now,
    ...extra,
  });

  for (const status of [408, 429, 500, 502, 503, 504, 521, 522, 524]) {
    it(`retries ${status} for an idempotent request`, async () => {
      expect(retryDelayMs(limits, attempt(await httpError(status)))).to.be.a("number");
    });
  }

  for (const status of [400, 401, 403, 404, 409]) {
    it(`does not retry ${status}`, async () => {
      expect(retryDelayMs(limits, attempt(await httpError(status)))).to.equal(undefined);
    });
  }

  it("retries the invite POST on 429 only", async () => {
    expect(retryDelayMs(limits, attempt(await httpError(429), { idempotent: false }))).to.be.a("number");
    expect(retryDelayMs(limits, attempt(await httpError(503), { idempotent: false }))).to.equal(undefined);
  });

  it("doubles the wait from one second, with at most 100 ms of jitter, capped at maxRetryDelayMs", async () => {
    const error = await httpError(503);
    for (const [retries, base] of [
      [0, 1000],
      [1, 2000],
      [3, 8000],
    ] as const) {
      const delay = retryDelayMs(limits, attempt(error, { retries }))!;
      expect(delay).to.be.within(base, base + 100);
    }
    expect(retryDelayMs({ ...limits, maxRetryDelayMs: 1500 }, attempt(error, { retries: 3 }))).to.equal(1500);
  });

  it("stops after maxRetries retries", async () => {
    const error = await httpError(503);
    expect(retryDelayMs(limits, attempt(error, { retries: 4 }))).to.be.a("number");
    expect(retryDelayMs(limits, attempt(error, { retries: 5 }))).to.equal(undefined);
  });

  it("makes no retry that would end past the two-minute budget", async () => {
    const error = await httpError(503);
    expect(RETRY_BUDGET_MS).to.equal(120_000);
    expect(retryDelayMs(limits, attempt(error, { startedAt: now - 118_000 }))).to.be.a("number");
    expect(retryDelayMs(limits, attempt(error, { startedAt: now - 119_500 }))).to.equal(undefined);
  });

  it("honours a Retry-After given in seconds or as a date, capped at maxRetryDelayMs", async () => {
    expect(retryAfterMs(limits, await httpError(429, "7"), now)).to.equal(7000);
    expect(retryAfterMs(limits, await httpError(429, new Date(now + 4000).toUTCString()), now)).to.equal(4000);
    expect(retryAfterMs(limits, await httpError(429, "600"), now)).to.equal(30_000);
    expect(retryAfterMs(limits, await httpError(429), now)).to.equal(undefined);
    expect(retryDelayMs(limits, attempt(await httpError(429, "7")))).to.equal(7000);
  });
});

describe("QoveryClient retries, between attempts", () => {
  let fake: FakeQovery;
  beforeEach(async () => {
    fake = await startFakeQovery();
  });
  afterEach(() => fake.close());

  it("holds no concurrency slot while it waits to retry: another request goes first", async () => {
    const client = new QoveryClient(testSettings(fake, { maxConcurrency: 1, maxRetryDelayMs: 300 }));
    fake.injectFault({ operation: "getOrganizationMembers", status: 503 });
    const retried = client.listMembers(fake.organizationId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.listRoles(fake.organizationId);
    await retried;
    expect(fake.exchanges.map((e) => `${e.operation} ${e.status}`)).to.deep.equal([
      "getOrganizationMembers 503",
      "listOrganizationAvailableRoles 200",
      "getOrganizationMembers 200",
    ]);
  });

  it("pauses every request of the client after a 429 with Retry-After, and then sends them all", async () => {
    const throttle = new Throttle();
    const told = sinon.spy(throttle, "rateLimited");
    const client = new QoveryClient(testSettings(fake, { maxConcurrency: 4, maxRetryDelayMs: 5000 }), { throttle });
    fake.injectFault({ operation: "getOrganizationMembers", status: 429, retryAfterSeconds: 1 });
    const first = client.listMembers(fake.organizationId);
    while (told.callCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const others = [client.listRoles(fake.organizationId), client.listInvitations(fake.organizationId)];
    // Well inside the second Qovery asked for: nothing more has reached it (a loaded machine only delays).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.exchanges.map((e) => `${e.operation} ${e.status}`)).to.deep.equal(["getOrganizationMembers 429"]);
    await Promise.all([first, ...others]);
    expect(fake.callCount()).to.equal(4);
  });
});
