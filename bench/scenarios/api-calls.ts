/**
 * Qovery API calls per lifecycle step of one OrganizationInvitation, counted by the fake while
 * each gRPC call of the harness to the plugin was in flight (parallel 1, so attribution is
 * exact). A fresh plugin process starts with empty caches: the first create of a process also
 * fetches the role list (kept 5 min) and the member list (kept 30 s); later creates reuse them.
 *
 * - pending invitation: check, diff, create (cold, then warm), read, update (onExpired, no
 *   call), delete;
 * - accepted member: read at acceptance, read of a member, update (role change, PUT), delete;
 * - roleId instead of roleName: create (cold, then warm).
 */
import type { Operation } from "../../tests/fake-qovery";
import { startHarnessBed, type HarnessBed } from "../../tests/harness/bed";
import { installProbe, type Probe, type StepCall } from "../lib/instrument";
import { emailOf, invitationProgram, type InvitationSpec } from "../lib/programs";

export interface StepCalls {
  /** Which step (and in which situation). */
  step: string;
  /** The lifecycle method that ran: check, diff, create, read, update, delete. */
  method: StepCall;
  /** API calls of one such step. */
  calls: number;
  /** The same, by Qovery operation. */
  operations: Partial<Record<Operation, number>>;
  note: string;
}

export interface ApiCallsResult {
  steps: StepCalls[];
}

class StepCounter {
  readonly steps: StepCalls[] = [];

  constructor(
    private readonly bed: HarnessBed,
    private readonly probe: Probe,
  ) {}

  /** Runs `action` and records the API calls of the last `method` step it ran. */
  async record(step: string, method: StepCall, note: string, action: () => Promise<unknown>): Promise<void> {
    this.probe.reset();
    await action();
    const last = this.probe.steps[method].at(-1);
    if (!last) throw new Error(`${step}: no ${method} step ran`);
    const operations: Partial<Record<Operation, number>> = {};
    for (const exchange of this.bed.fake.exchanges.slice(last.firstCall, last.firstCall + last.apiCalls)) {
      if (exchange.operation === "unknown") continue;
      operations[exchange.operation] = (operations[exchange.operation] ?? 0) + 1;
    }
    this.steps.push({ step, method, calls: last.apiCalls, operations, note });
  }
}

async function withBed(body: (bed: HarnessBed, counter: StepCounter) => Promise<void>): Promise<StepCalls[]> {
  const bed = await startHarnessBed();
  const probe = installProbe(() => bed.fake.callCount());
  try {
    const counter = new StepCounter(bed, probe);
    await body(bed, counter);
    return counter.steps;
  } finally {
    probe.uninstall();
    await bed.close();
  }
}

export async function countApiCalls(): Promise<ApiCallsResult> {
  const byName = await withBed(async (bed, counter) => {
    const org = bed.fake.organizationId;
    const ada: InvitationSpec = { name: "ada", roleName: "viewer" };
    const grace: InvitationSpec = { name: "grace", roleName: "viewer" };
    const program = (...specs: InvitationSpec[]) => invitationProgram(org, specs);

    await counter.record("check (new resource, preview)", "check", "validation only", () => bed.engine.preview(program(ada)));
    await counter.record(
      "create, roleName, cold plugin (first create of the process)",
      "create",
      "role list + member list (cached) + invite",
      () => bed.engine.up(program(ada)),
    );
    await counter.record("check (existing resource)", "check", "", () => bed.engine.preview(program(ada)));
    await counter.record("diff (preview after up, no change)", "diff", "from the old outputs alone", () =>
      bed.engine.preview(program(ada)),
    );
    await counter.record("create, roleName, warm plugin (lists cached)", "create", "invite only", () => bed.engine.up(program(ada, grace)));
    await counter.record("read (refresh), pending invitation", "read", "GET of the invitation", () => bed.engine.refresh());
    await counter.record("update, onExpired change (no API call by design)", "update", "recorded in state only", () =>
      bed.engine.up(program({ ...ada, onExpired: "reissue" }, grace)),
    );
    await counter.record("delete (destroy), pending invitation", "delete", "DELETE of the invitation", () => bed.engine.destroy());

    // An accepted member.
    await bed.engine.up(program(ada));
    bed.fake.acceptInvitation(emailOf("ada"));
    await counter.record("read (refresh) at acceptance", "read", "GET → 404, then the member list", () => bed.engine.refresh());
    await counter.record("read (refresh), accepted member", "read", "the member list", () => bed.engine.refresh());
    await counter.record("update, member role change (the in-place update)", "update", "PUT of the member's role (role list cached)", () =>
      bed.engine.up(program({ ...ada, roleName: "admin" })),
    );
    await counter.record(
      "delete (destroy), accepted member",
      "delete",
      "member list (every identity of the email, owner guard) + DELETE",
      () => bed.engine.destroy(),
    );
  });

  const byId = await withBed(async (bed, counter) => {
    const org = bed.fake.organizationId;
    const roleId = bed.fake.roleId("viewer");
    await counter.record("create, roleId, cold plugin", "create", "role list (id → name) + member list + invite", () =>
      bed.engine.up(invitationProgram(org, [{ name: "ada", roleId }])),
    );
    await counter.record("create, roleId, warm plugin", "create", "invite only", () =>
      bed.engine.up(
        invitationProgram(org, [
          { name: "ada", roleId },
          { name: "grace", roleId },
        ]),
      ),
    );
  });

  return { steps: [...byName, ...byId] };
}
