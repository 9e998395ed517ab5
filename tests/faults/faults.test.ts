/**
 * The fault suite: each fault on each operation the provider uses, injected by the fake while the
 * provider, called in this process as the engine calls it with 16 steps in flight (stack.ts),
 * runs `up` for 13 people (fresh
 * invitations, adoptions after a 409, a reissue with another role, members given a role), then,
 * for a fault meant for them, `refresh` (two people have accepted, one invitation was withdrawn)
 * or `destroy`. Every fault here is one the provider must ride out: each run succeeds, the fault was really met in the run it
 * was meant for, and after each run the invariants hold (invariants.ts). Then lost invite answers
 * around invitations that already exist, including a run that legitimately fails.
 */
import { expect } from "chai";
import type { Fault, Operation, RecordedExchange } from "../fake-qovery";
import { attempt, Crowd, MAX_RETRIES, REQUEST_TIMEOUT_MS, startFaultBed, type StackBed } from "./crowd";
import { assertInvariants, invitationResources, LinkCollector, outputsOf, scenarioInvariants } from "./invariants";
import { CommandFailed, type Stack } from "./stack";

type Phase = "up" | "refresh" | "destroy";
type FaultKind = "429" | "5xx" | "reset-before" | "reset-after" | "slow";

interface FaultCase {
  label: string;
  kind: FaultKind;
  /** Queued in this order on the operation. */
  faults: Omit<Fault, "operation">[];
}

const FAULTS: FaultCase[] = [
  { label: "a burst of 429 with Retry-After", kind: "429", faults: [{ status: 429, retryAfterSeconds: 1, times: 3 }] },
  { label: "a burst of 429 without Retry-After", kind: "429", faults: [{ status: 429, times: 3 }] },
  // One scenario for the three: the provider treats them alike, and the suite stays fast.
  { label: "500, 502 and 503 in a row", kind: "5xx", faults: [{ status: 500 }, { status: 502 }, { status: 503 }] },
  { label: "connection resets before the server acts", kind: "reset-before", faults: [{ reset: "before", times: 2 }] },
  { label: "connection resets after the server acted", kind: "reset-after", faults: [{ reset: "after", times: 2 }] },
  { label: "an answer slower than the request timeout", kind: "slow", faults: [{ delayMs: REQUEST_TIMEOUT_MS + 600 }] },
];

/** Each operation, and the run of the scenario that needs it. */
const OPERATIONS: [Operation, Phase][] = [
  ["listOrganizationAvailableRoles", "up"],
  ["getOrganizationMembers", "up"],
  ["postInviteMember", "up"],
  ["getOrganizationInvitedMembers", "up"],
  ["editOrganizationMemberRole", "up"],
  ["getOrganizationInvitedMembers", "refresh"],
  ["getMemberInvitation", "refresh"],
  ["getOrganizationMembers", "refresh"],
  ["deleteInviteMember", "destroy"],
  ["deleteMember", "destroy"],
];

const ACCEPTING = ["fresh1@example.com", "fresh2@example.com"];
/** Withdrawn behind the program's back before the refresh: the one read that asks for its invitation's GET. */
const WITHDRAWN = "fresh3@example.com";

/** The exchanges the injected faults answered (a reset shows as status 0). */
function faulted(exchanges: readonly RecordedExchange[], operation: Operation, fault: FaultCase): RecordedExchange[] {
  const statuses = fault.faults.map((f) => (f.reset ? 0 : f.status));
  return exchanges.filter((e) => e.operation === operation && statuses.includes(e.status));
}

function timesOf(fault: FaultCase): number {
  return fault.faults.reduce((sum, f) => sum + (f.times ?? 1), 0);
}

function emailOf(exchange: RecordedExchange): string {
  return String((exchange.requestBody as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
}

/**
 * How many invites a run sends under the fault: a 429 is retried as such; an invite lost before
 * it landed (5xx, reset before) is sent again once the lookup found nothing, unless the person
 * already had a pending invitation (the lookup finds that one); an invite that landed although
 * its answer was lost (reset after, slow answer) is never sent again.
 */
function expectedInvitePosts(crowd: Crowd, fault: FaultCase, exchanges: readonly RecordedExchange[]): number {
  const posts = exchanges.filter((e) => e.operation === "postInviteMember");
  const hit = faulted(exchanges, "postInviteMember", fault);
  if (fault.kind === "429") return crowd.baseInvitePosts + hit.length;
  if (fault.kind === "reset-after" || fault.kind === "slow") return crowd.baseInvitePosts;
  const firsts = new Set(crowd.people.map((p) => posts.find((e) => emailOf(e) === p.email)));
  return crowd.baseInvitePosts + hit.filter((e) => !(crowd.isPreInvited(emailOf(e)) && firsts.has(e))).length;
}

describe("faults: each fault on each operation, the provider in process with parallel steps", function () {
  this.timeout(60_000);
  let bed: StackBed;
  let scenario = 0;

  before(async () => {
    bed = await startFaultBed();
  });
  after(() => bed.close());
  afterEach(() => {
    bed.fake.clearFaults();
    bed.fake.setTokenForbidden(false);
  });

  for (const [operation, phase] of OPERATIONS) {
    describe(`${operation} during ${phase}`, () => {
      for (const fault of FAULTS) {
        it(`rides out ${fault.label}`, async () => {
          const { fake } = bed;
          const engine = bed.stack();
          const crowd = Crowd.seed(fake, `Faults ${++scenario}`);
          const org = crowd.organizationId;
          const { errors, check, links } = scenarioInvariants(
            () => ({ engine, fake, log: engine.log }),
            () => org,
          );
          const inject = (now: Phase) => {
            if (now === phase) for (const one of fault.faults) fake.injectFault({ operation, ...one });
          };
          const timed = async (now: Phase, run: () => Promise<unknown>) => {
            inject(now);
            const started = Date.now();
            const outcome = await attempt(errors, run);
            expect(outcome.error?.message, `${now} failed`).to.equal(undefined);
            return Date.now() - started;
          };
          fake.resetCounts();
          const program = crowd.declare();
          const ms: Partial<Record<Phase, number>> = {};

          ms.up = await timed("up", () => engine.up(program));
          check();
          crowd.assertConverged();
          if (operation === "postInviteMember" || operation === "getOrganizationInvitedMembers") {
            // Where an invitation could be adopted with the wrong role (assertConverged and the
            // state's roles cover the other operations).
            expect(await engine.preview(program), "a second up would change nothing").to.equal(0);
          }
          if (operation === "postInviteMember") {
            expect(fake.callCount("postInviteMember"), "invites sent").to.equal(expectedInvitePosts(crowd, fault, fake.exchanges));
          }

          if (phase === "refresh") {
            for (const email of ACCEPTING) fake.acceptInvitation(email, { organizationId: org });
            fake.deleteInvitation(WITHDRAWN, org);
            ms.refresh = await timed("refresh", () => engine.refresh());
            check();
            const resources = invitationResources(engine);
            const kept = crowd.people.filter((p) => p.email !== WITHDRAWN);
            expect(resources.map((r) => String(outputsOf(r).email)).sort(), "only the withdrawn one dropped by the refresh").to.deep.equal(
              kept.map((p) => p.email).sort(),
            );
            for (const resource of resources) {
              const { email, invitationStatus } = outputsOf(resource);
              const member = ACCEPTING.includes(String(email)) || crowd.people.find((p) => p.email === email)?.kind === "member";
              expect(invitationStatus, String(email)).to.equal(member ? "ACCEPTED" : "PENDING");
            }
            crowd.assertConverged(kept, ACCEPTING);
          }

          if (phase === "destroy") {
            ms.destroy = await timed("destroy", () => engine.destroy());
            check();
            crowd.assertEmpty();
            expect(invitationResources(engine)).to.deep.equal([]);
          }

          // The fault was really met, in the run it was meant for.
          if (fault.kind === "slow") {
            expect(ms[phase], `the ${phase} waited for the timeout`).to.be.at.least(REQUEST_TIMEOUT_MS - 20);
          } else {
            expect(faulted(fake.exchanges, operation, fault), "requests the faults answered").to.have.length(timesOf(fault));
          }
          expect(links.size, "links were checked").to.be.at.least(crowd.people.length - 2);
        });
      }
    });
  }

  describe("lost invite answers around invitations that already exist", () => {
    /** Runs `up`, then checks the invariants and that a second `up` would change nothing. */
    async function upConverges(engine: Stack, crowd: Crowd, errors: string[] = []): Promise<void> {
      const links = new LinkCollector();
      const outcome = await attempt(errors, () => engine.up(crowd.declare()));
      expect(outcome.error?.message, "up failed").to.equal(undefined);
      assertInvariants(engine, bed.fake, crowd.organizationId, links, { log: engine.log, errors });
      crowd.assertConverged();
      expect(await engine.preview(crowd.declare()), "a second up would change nothing").to.equal(0);
    }

    for (const [label, fault] of [
      ["a 503", { status: 503 }],
      ["a reset before", { reset: "before" }],
      ["a reset after", { reset: "after" }],
      ["a slow answer", { delayMs: REQUEST_TIMEOUT_MS + 600 }],
    ] as const) {
      it(`reissues with the declared role after ${label} to the invite of someone invited with another role`, async () => {
        // Only such people, so that the faults meet their first invites.
        const crowd = Crowd.seed(bed.fake, `Other role ${++scenario}`, { fresh: 0, "pending-same": 0, "pending-other": 5, member: 0 });
        bed.fake.resetCounts();
        bed.fake.injectFault({ operation: "postInviteMember", ...fault, times: 5 });
        await upConverges(bed.stack(), crowd);
        if (!("delayMs" in fault)) {
          expect(faulted(bed.fake.exchanges, "postInviteMember", { label, kind: "5xx", faults: [fault] })).to.have.length(5);
        }
        expect(bed.fake.callCount("deleteInviteMember"), "each old invitation cancelled").to.equal(5);
      });
    }

    for (const [label, fault] of [
      ["a 502", { status: 502 }],
      ["a reset after the server stored it", { reset: "after" }],
    ] as const) {
      it(`adopts or re-sends the reissued invitation after ${label}, never sending two`, async () => {
        const crowd = Crowd.seed(bed.fake, `Reissue ${++scenario}`, { fresh: 0, "pending-same": 0, "pending-other": 1, member: 0 });
        bed.fake.resetCounts();
        // The first invite passes (Qovery answers 409); the fault hits the reissue after the cancel.
        bed.fake.injectFault({ operation: "postInviteMember", delayMs: 0 });
        bed.fake.injectFault({ operation: "postInviteMember", ...fault });
        await upConverges(bed.stack(), crowd);
        const statuses = bed.fake.exchanges.filter((e) => e.operation === "postInviteMember").map((e) => e.status);
        expect(statuses).to.deep.equal(fault.status ? [409, 502, 201] : [409, 0]);
      });
    }

    it("fails the run when the lookup after a lost invite fails too, and the next up adopts what landed", async () => {
      const crowd = Crowd.seed(bed.fake, `Lookup ${++scenario}`, { fresh: 1, "pending-same": 0, "pending-other": 0, member: 0 });
      const [person] = crowd.people;
      const { fake } = bed;
      const engine = bed.stack();
      const errors: string[] = [];
      const links = new LinkCollector();
      const sources = { log: engine.log, errors };
      fake.injectFault({ operation: "postInviteMember", reset: "after" });
      fake.injectFault({ operation: "getOrganizationInvitedMembers", status: 503, times: MAX_RETRIES + 1 });
      const failed = await attempt(errors, () => engine.up(crowd.declare()));
      expect(failed.error).to.be.instanceOf(CommandFailed);
      const [failure, ...others] = (failed.error as CommandFailed).failures;
      expect(others).to.deep.equal([]);
      expect(failure).to.include({ op: "create", name: person!.email });
      expect(failure!.message).to.include("HTTP 503").and.include(person!.email).and.include(crowd.organizationId);
      // What holds after this failed run: the invitation landed but no resource holds it; it is
      // the only one, and it belongs to the person whose step failed.
      expect(fake.invitations(crowd.organizationId).map((i) => i.email)).to.deep.equal([person!.email]);
      expect(invitationResources(engine)).to.deep.equal([]);
      assertInvariants(engine, fake, crowd.organizationId, links, sources, { unrecorded: [person!.email] });

      fake.resetCounts();
      await upConverges(engine, crowd, errors);
      expect(
        fake.exchanges.filter((e) => e.operation === "postInviteMember").map((e) => e.status),
        "Qovery refused a second invitation",
      ).to.deep.equal([409]);
    });
  });
});
