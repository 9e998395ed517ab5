/** The process-wide pace of requests, on sinon's fake clock: which turns are granted when. */
import { expect } from "chai";
import * as sinon from "sinon";
import { Throttle } from "../../../core/client/throttle";

describe("Throttle", () => {
  let clock: sinon.SinonFakeTimers;
  let throttle: Throttle;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000 });
    throttle = new Throttle(() => Date.now());
  });
  afterEach(() => clock.restore());

  /** Asks for `count` turns and records how many have been granted so far. */
  function ask(count: number): { granted: () => number } {
    let granted = 0;
    for (let i = 0; i < count; i++) void throttle.turn().then(() => granted++);
    return { granted: () => granted };
  }

  async function answered(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await throttle.turn();
      throttle.answered(Date.now());
    }
  }

  it("lets every request through at once until a 429 is seen", async () => {
    const turns = ask(100);
    await clock.tickAsync(0);
    expect(turns.granted()).to.equal(100);
    expect(throttle.paceMs).to.equal(0);
  });

  it("pauses every new request for a Retry-After once, however many requests were told so", async () => {
    const sentAt = Date.now();
    for (let i = 0; i < 8; i++) throttle.rateLimited(sentAt, 30_000);
    const turns = ask(5);
    await clock.tickAsync(29_999);
    expect(turns.granted()).to.equal(0);
    await clock.tickAsync(1);
    expect(turns.granted()).to.equal(5);
  });

  it("sets the pace to the rate answered in the second before the first 429", async () => {
    await answered(50);
    throttle.rateLimited(Date.now(), 1000);
    expect(throttle.paceMs).to.equal(20);
    const turns = ask(10);
    await clock.tickAsync(1000);
    expect(turns.granted()).to.equal(1);
    await clock.tickAsync(20 * 4);
    expect(turns.granted()).to.equal(5);
  });

  it("sets no pace after a 429 that follows fewer than ten answers in a second", async () => {
    await answered(9);
    throttle.rateLimited(Date.now());
    expect(throttle.paceMs).to.equal(0);
  });

  it("slows the pace by a fifth for a 429 to a request sent at that pace, not for those already in flight", async () => {
    const inFlightSince = Date.now();
    await answered(50);
    clock.tick(5);
    throttle.rateLimited(inFlightSince + 1);
    expect(throttle.paceMs).to.equal(20);
    throttle.rateLimited(inFlightSince + 2);
    expect(throttle.paceMs, "a request sent before the pace was set").to.equal(20);
    throttle.rateLimited(Date.now());
    expect(throttle.paceMs).to.equal(25);
  });

  it("moves the turns of waiting requests back when a pause comes while they wait", async () => {
    await answered(50);
    throttle.rateLimited(Date.now());
    const turns = ask(3);
    await clock.tickAsync(0);
    expect(turns.granted()).to.equal(1);
    throttle.rateLimited(Date.now(), 5000);
    await clock.tickAsync(4999);
    expect(turns.granted()).to.equal(1);
    await clock.tickAsync(1 + 25);
    expect(turns.granted()).to.equal(3);
  });
});
