/**
 * One concurrency limit for every resource of the provider process (`qovery:maxConcurrency`),
 * seen from the fake: 40 invitations with 40 steps in flight in the engine never put more than
 * the limit of requests in flight at Qovery. And a burst of 429 with `Retry-After: 1` on many
 * resources at once, honoured (the fault suite caps it at 20 ms to stay fast).
 */
import { expect } from "chai";
import type { EngineBed } from "../support/engine";
import { startEngineBed } from "../support/engine";
import { attempt, Crowd, fastConfig } from "./crowd";
import { assertInvariants, invitationResources, LinkCollector, scenarioInvariants } from "./invariants";

const PEOPLE = 40;

describe("faults: one concurrency limit shared by every resource, through the real plugin", function () {
  this.timeout(180_000);

  describe("qovery:maxConcurrency 3, 40 steps in flight", () => {
    let bed: EngineBed;
    let crowd: Crowd;
    const { errors, check } = scenarioInvariants(
      () => bed,
      () => crowd.organizationId,
    );

    before(async () => {
      bed = await startEngineBed({ fake: { latencyMs: 100 }, config: fastConfig({ "qovery:maxConcurrency": "3" }), parallel: PEOPLE });
      crowd = Crowd.seed(bed.fake, "Crowded", { fresh: PEOPLE, "pending-same": 0, "pending-other": 0, member: 0 });
    });
    after(() => bed.close());

    it("never has more than 3 requests in flight at Qovery during up, refresh and destroy", async () => {
      const peaks: number[] = [];
      for (const run of [() => bed.engine.up(crowd.program()), () => bed.engine.refresh(), () => bed.engine.destroy()]) {
        bed.fake.resetCounts();
        const { error } = await attempt(errors, run);
        expect(error?.message).to.equal(undefined);
        peaks.push(bed.fake.peakInFlight);
        check();
      }
      // Exactly the limit: the engine ran the 40 resources side by side, and the one limit held.
      // The refresh reads one invitation list for all 40.
      expect(peaks).to.deep.equal([3, 1, 3]);
      expect(invitationResources(bed.engine)).to.deep.equal([]);
      crowd.assertEmpty();
    });
  });

  describe("qovery:maxConcurrency 12, and Retry-After honoured up to qovery:maxRetryDelayMs", () => {
    let bed: EngineBed;
    before(async () => {
      bed = await startEngineBed({
        // Answers slow enough that requests overlap however slowly a loaded machine starts the steps.
        fake: { latencyMs: 150 },
        config: fastConfig({ "qovery:maxConcurrency": "12", "qovery:maxRetryDelayMs": "1500" }),
        parallel: PEOPLE,
      });
    });
    after(() => bed.close());

    it("puts more than 3 requests in flight at once, and never more than 12 (the control)", async () => {
      const crowd = Crowd.seed(bed.fake, "Crowded", { fresh: PEOPLE, "pending-same": 0, "pending-other": 0, member: 0 });
      await bed.engine.up(crowd.program());
      expect(bed.fake.peakInFlight).to.be.above(3).and.at.most(12);
      crowd.assertConverged();
    });

    it("rides out a burst of 429 with Retry-After: 1 on 14 invites, waiting as Qovery asks, inviting each once", async () => {
      const crowd = Crowd.seed(bed.fake, "Rate limited", { fresh: 14, "pending-same": 0, "pending-other": 0, member: 0 });
      const errors: string[] = [];
      bed.fake.resetCounts();
      bed.fake.injectFault({ operation: "postInviteMember", status: 429, retryAfterSeconds: 1, times: 8 });
      const started = Date.now();
      const { error } = await attempt(errors, () => bed.engine.up(crowd.program()));
      expect(error?.message).to.equal(undefined);
      expect(Date.now() - started, "the retries waited for Retry-After").to.be.at.least(950);
      expect(bed.fake.callCount("postInviteMember")).to.equal(14 + 8);
      crowd.assertConverged();
      assertInvariants(bed.engine, bed.fake, crowd.organizationId, new LinkCollector(), { stateFile: bed.stateFile, log: bed.log, errors });
    });
  });
});
