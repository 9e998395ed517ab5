/**
 * Each fault class once through the real Pulumi CLI (the full matrix, faults.test.ts, calls the
 * provider in process): the fake answers the invites of an `up` of 13 people with the fault,
 * the CLI runs the engine with `--parallel 16`, and the run succeeds with everyone invited once,
 * the state matching the fake and nothing leaked.
 */
import { expect } from "chai";
import type { Fault } from "../fake-qovery";
import { startEngineBed, type EngineBed } from "../support/engine";
import { attempt, Crowd, fastConfig, PARALLEL, REQUEST_TIMEOUT_MS } from "./crowd";
import { assertInvariants, LinkCollector } from "./invariants";

const FAULTS: [string, Omit<Fault, "operation">][] = [
  ["429 with Retry-After", { status: 429, retryAfterSeconds: 1, times: 3 }],
  ["503", { status: 503, times: 2 }],
  ["connection resets before the server acts", { reset: "before", times: 2 }],
  ["connection resets after the server acted", { reset: "after", times: 2 }],
  ["an answer slower than the request timeout", { delayMs: REQUEST_TIMEOUT_MS + 600 }],
];

describe("faults through the real Pulumi CLI: one run per fault class", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  before(async () => {
    bed = await startEngineBed({ fake: { latencyMs: 2 }, config: fastConfig(), parallel: PARALLEL });
  });
  after(() => bed.close());

  for (const [label, fault] of FAULTS) {
    it(`rides out ${label} on the invites: everyone invited once, the state matching Qovery`, async () => {
      const crowd = Crowd.seed(bed.fake, label);
      const errors: string[] = [];
      bed.fake.resetCounts();
      bed.fake.injectFault({ operation: "postInviteMember", ...fault });
      const { error } = await attempt(errors, () => bed.engine.up(crowd.program()));
      expect(error?.message).to.equal(undefined);
      expect(bed.fake.faultsLeft("postInviteMember"), "injected faults not met").to.equal(0);
      crowd.assertConverged();
      assertInvariants(bed.engine, bed.fake, crowd.organizationId, new LinkCollector(), { stateFile: bed.stateFile, log: bed.log, errors });
    });
  }
});
