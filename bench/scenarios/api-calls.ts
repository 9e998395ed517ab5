/**
 * Qovery API calls per lifecycle step of one OrganizationInvitation, counted by the fake while
 * each call of the in-process stack (tests/faults/stack.ts) to the provider was in flight
 * (parallel 1, so attribution is exact); the CLI does not say which call a request belongs to.
 * The stack, like the CLI's plugin per command, loads the provider afresh for each command, so its
 * caches start empty: the first step of a kind in a command fetches the lists it needs (the command's role
 * list for check, the role, member and invitation lists for create, the invitation or member list
 * for read), and the later ones of the same command reuse them. So most steps are counted twice,
 * first of their command and later in it.
 *
 * - pending invitation: check, diff, create, read, update (onExpired, no call), delete;
 * - accepted member: read at acceptance, read of a member, update (role change, PUT), delete;
 * - roleId instead of roleName: create.
 */
import { startFakeQovery, type FakeQovery, type Operation } from "../../tests/fake-qovery";
import { Stack } from "../../tests/faults/stack";
import { newProbe, type Probe, type StepCall } from "../lib/instrument";
import { emailOf, invitationDeclarations, type InvitationSpec } from "../lib/programs";

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

type Pick = "first" | "last";

class StepCounter {
  readonly steps: StepCalls[] = [];

  constructor(
    private readonly bed: Bed,
    private readonly probe: Probe,
  ) {}

  /** Runs `action` and records the API calls of its first or last `method` step. */
  async record(step: string, method: StepCall, note: string, action: () => Promise<unknown>, pick: Pick = "last"): Promise<void> {
    this.probe.reset();
    await action();
    this.also(step, method, note, pick);
  }

  /** Records another step of the action `record` last ran. */
  also(step: string, method: StepCall, note: string, pick: Pick): void {
    const ran = this.probe.steps[method];
    const chosen = pick === "first" ? ran[0] : ran.at(-1);
    if (!chosen) throw new Error(`${step}: no ${method} step ran`);
    const operations: Partial<Record<Operation, number>> = {};
    for (const exchange of this.bed.fake.exchanges.slice(chosen.firstCall, chosen.firstCall + chosen.apiCalls)) {
      if (exchange.operation === "unknown") continue;
      operations[exchange.operation] = (operations[exchange.operation] ?? 0) + 1;
    }
    this.steps.push({ step, method, calls: chosen.apiCalls, operations, note });
  }
}

interface Bed {
  fake: FakeQovery;
  engine: Stack;
}

async function withBed(body: (bed: Bed, counter: StepCounter) => Promise<void>): Promise<StepCalls[]> {
  const fake = await startFakeQovery();
  const probe = newProbe(() => fake.callCount());
  const engine = new Stack({ config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }, parallel: 1, around: probe.around });
  try {
    const counter = new StepCounter({ fake, engine }, probe);
    await body({ fake, engine }, counter);
    return counter.steps;
  } finally {
    await fake.close();
  }
}

export async function countApiCalls(): Promise<ApiCallsResult> {
  const byName = await withBed(async (bed, counter) => {
    const org = bed.fake.organizationId;
    const [ada, grace, alan]: InvitationSpec[] = ["ada", "grace", "alan"].map((name) => ({ name, roleName: "viewer" }));
    const program = (...specs: InvitationSpec[]) => invitationDeclarations(org, specs);

    await counter.record(
      "check, first of the command (preview)",
      "check",
      "the command's role list",
      () => bed.engine.preview(program(ada!, grace!)),
      "first",
    );
    counter.also("check, later in the command", "check", "role list reused", "last");
    await counter.record("create, roleName, first of the command", "create", "role list, member list, invite, invitation list", () =>
      bed.engine.up(program(ada!)),
    );
    await counter.record("diff (preview after up, no change)", "diff", "from the old outputs alone", () =>
      bed.engine.preview(program(ada!)),
    );
    await counter.record("create, roleName, later in the command", "create", "invite only (lists cached)", () =>
      bed.engine.up(program(ada!, grace!, alan!)),
    );
    await counter.record(
      "read (refresh), pending invitation, first of the command",
      "read",
      "the command's invitation list",
      () => bed.engine.refresh(),
      "first",
    );
    counter.also("read (refresh), pending invitation, later in the command", "read", "found in the same list", "last");
    await counter.record("update, onExpired change (no API call by design)", "update", "recorded in state only", () =>
      bed.engine.up(program({ ...ada!, onExpired: "reissue" }, grace!, alan!)),
    );
    await counter.record(
      "delete (destroy), pending invitation, first of the command",
      "delete",
      "DELETE of the invitation",
      () => bed.engine.destroy(),
      "first",
    );
    counter.also("delete (destroy), pending invitation, later in the command", "delete", "DELETE of the invitation", "last");

    // Accepted members.
    await bed.engine.up(program(ada!, grace!));
    for (const name of ["ada", "grace"]) bed.fake.acceptInvitation(emailOf(name));
    await counter.record(
      "read (refresh) at acceptance, first of the command",
      "read",
      "invitation list (the invitation is not in it), member list (the email is there: accepted, no GET)",
      () => bed.engine.refresh(),
      "first",
    );
    counter.also("read (refresh) at acceptance, later in the command", "read", "both lists reused", "last");
    await counter.record(
      "read (refresh), accepted member, first of the command",
      "read",
      "the command's member list",
      () => bed.engine.refresh(),
      "first",
    );
    counter.also("read (refresh), accepted member, later in the command", "read", "found in the same list", "last");
    await counter.record("update, member role change (the in-place update)", "update", "role list + PUT of the member's role", () =>
      bed.engine.up(program({ ...ada!, roleName: "admin" }, grace!)),
    );
    await counter.record(
      "delete (destroy), accepted member, first of the command",
      "delete",
      "member list (every identity of the email, owner guard) + DELETE",
      () => bed.engine.destroy(),
      "first",
    );
    counter.also(
      "delete (destroy), accepted member, later in the command",
      "delete",
      "DELETE only (the member list of the first, with its removal applied)",
      "last",
    );
  });

  const byId = await withBed(async (bed, counter) => {
    const org = bed.fake.organizationId;
    const roleId = bed.fake.roleId("viewer");
    const specs: InvitationSpec[] = ["ada", "grace", "alan"].map((name) => ({ name, roleId }));
    await counter.record(
      "create, roleId, first of the command",
      "create",
      "role list (id → name), member list, invite, invitation list",
      () => bed.engine.up(invitationDeclarations(org, specs.slice(0, 1))),
    );
    await counter.record("create, roleId, later in the command", "create", "invite only (lists cached)", () =>
      bed.engine.up(invitationDeclarations(org, specs)),
    );
  });

  return { steps: [...byName, ...byId] };
}
