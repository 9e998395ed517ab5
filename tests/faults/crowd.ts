/**
 * The fault suite's world: one organization per scenario in a shared fake, seeded so that one
 * `up` of its program needs every operation the provider uses — fresh invitations, pending
 * invitations to adopt (Qovery's 409), one to reissue with another role, existing members to
 * adopt with a role change — and fast provider settings, so a scenario takes a fraction of a
 * second. The same people as a program for the real CLI (`program()`) and for the in-process
 * stack of the fault matrix (`declare()`, stack.ts).
 */
import { expect } from "chai";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import type { Program } from "../support/pulumi-cli";
import { installed } from "../support/installed-package";
import { Stack, type Program as StackProgram, type Resource } from "./stack";

const { OrganizationInvitation } = installed;

/** Per attempt; an injected slow answer waits longer than this. */
export const REQUEST_TIMEOUT_MS = 400;
export const MAX_RETRIES = 4;
/** Resource steps in flight, `pulumi up --parallel 16`. */
export const PARALLEL = 16;

/** Stack config of the fault suite: short timeouts and retry delays. */
export function fastConfig(extra: Record<string, string> = {}): (fake: FakeQovery) => Record<string, string> {
  return () => ({
    "qovery:requestTimeoutMs": String(REQUEST_TIMEOUT_MS),
    "qovery:maxRetryDelayMs": "20",
    "qovery:maxRetries": String(MAX_RETRIES),
    "qovery:maxConcurrency": "8",
    ...extra,
  });
}

/** A fake for the in-process fault matrix, and stacks pointed at it. */
export interface StackBed {
  fake: FakeQovery;
  /**
   * A new stack with the fast config and the API token (or `token`), `PARALLEL` steps in flight;
   * `resources` to carry on another stack's state.
   */
  stack(options?: { token?: string; resources?: Resource[]; config?: Record<string, string> }): Stack;
  close(): Promise<void>;
}

export async function startFaultBed(options: { latencyMs?: number } = {}): Promise<StackBed> {
  const fake = await startFakeQovery({ latencyMs: options.latencyMs ?? 2 });
  return {
    fake,
    stack: ({ token, resources, config } = {}) =>
      new Stack({
        config: { "qovery:apiUrl": fake.url, "qovery:apiToken": token ?? fake.apiToken, ...fastConfig(config)(fake) },
        parallel: PARALLEL,
        resources,
      }),
    close: () => fake.close(),
  };
}

export type Kind =
  | "fresh" // nobody invited yet: one invite
  | "pending-same" // someone else's pending invitation with the declared role: adopted after a 409
  | "pending-other" // someone else's pending invitation with another role: cancelled and sent again
  | "member"; // already a member with another role: adopted, role changed, no invitation

export interface Person {
  email: string;
  roleName: string;
  kind: Kind;
}

export class Crowd {
  readonly people: Person[] = [];

  constructor(
    readonly fake: FakeQovery,
    readonly organizationId: string,
  ) {}

  /**
   * A new organization with `fresh` people to invite, two with a pending invitation of the
   * declared role, one with a pending invitation of another role and two members to give another
   * role: 13 resources by default.
   */
  static seed(fake: FakeQovery, name: string, counts: Partial<Record<Kind, number>> = {}): Crowd {
    const crowd = new Crowd(fake, fake.addOrganization(name));
    const organizationId = crowd.organizationId;
    const n = { fresh: 8, "pending-same": 2, "pending-other": 1, member: 2, ...counts };
    for (let i = 1; i <= n.fresh; i++) crowd.people.push({ email: `fresh${i}@example.com`, roleName: "viewer", kind: "fresh" });
    for (let i = 1; i <= n["pending-same"]; i++) {
      const email = `pending${i}@example.com`;
      fake.addInvitation({ email, roleName: "devops", organizationId });
      crowd.people.push({ email, roleName: "devops", kind: "pending-same" });
    }
    for (let i = 1; i <= n["pending-other"]; i++) {
      const email = `rerole${i}@example.com`;
      fake.addInvitation({ email, roleName: "viewer", organizationId });
      crowd.people.push({ email, roleName: "admin", kind: "pending-other" });
    }
    for (let i = 1; i <= n.member; i++) {
      const email = `member${i}@example.com`;
      fake.addMember({ email, roleName: "viewer", organizationId });
      crowd.people.push({ email, roleName: "devops", kind: "member" });
    }
    return crowd;
  }

  /** Invites a fault-free `up` sends: one per fresh person, and two per pre-invited one (409, then a reissue). */
  get baseInvitePosts(): number {
    return this.people.reduce((sum, p) => sum + ({ fresh: 1, "pending-same": 1, "pending-other": 2, member: 0 } as const)[p.kind], 0);
  }

  isPreInvited(email: string): boolean {
    return this.people.some((p) => p.email === email && (p.kind === "pending-same" || p.kind === "pending-other"));
  }

  program(people: readonly Person[] = this.people): Program {
    return () => {
      for (const person of people) {
        new OrganizationInvitation(person.email, { organizationId: this.organizationId, email: person.email, roleName: person.roleName });
      }
    };
  }

  /** The same program for the in-process stack: one resource per person, named by the email. */
  declare(people: readonly Person[] = this.people): StackProgram {
    return (declare) => {
      for (const person of people) {
        void declare(person.email, { organizationId: this.organizationId, email: person.email, roleName: person.roleName });
      }
    };
  }

  /** Every person has exactly what the program declares: one invitation or a membership, with the declared role. */
  assertConverged(people: readonly Person[] = this.people, accepted: readonly string[] = []): void {
    const invitations = this.fake.invitations(this.organizationId);
    const members = this.fake.members(this.organizationId);
    for (const person of people) {
      const member = members.find((m) => m.email.toLowerCase() === person.email);
      const pending = invitations.filter((i) => i.email.toLowerCase() === person.email);
      if (person.kind === "member" || accepted.includes(person.email)) {
        expect(member?.roleName, `the role of member ${person.email}`).to.equal(person.roleName);
        expect(pending, `invitations of member ${person.email}`).to.deep.equal([]);
      } else {
        expect(
          pending.map((i) => [i.status, i.roleName]),
          `the invitation of ${person.email}`,
        ).to.deep.equal([["PENDING", person.roleName]]);
        expect(member, `${person.email} is no member`).to.equal(undefined);
      }
    }
  }

  /** After destroy: no invitation, and only the owner is left. */
  assertEmpty(): void {
    expect(this.fake.invitations(this.organizationId)).to.deep.equal([]);
    expect(this.fake.members(this.organizationId).map((m) => m.roleName)).to.deep.equal(["owner"]);
  }
}

/** Runs an operation, keeping its error message (for the leak checks) and the error itself. */
export async function attempt<Result>(errors: string[], run: () => Promise<Result>): Promise<{ result?: Result; error?: Error }> {
  try {
    return { result: await run() };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    errors.push(failure.message);
    return { error: failure };
  }
}
