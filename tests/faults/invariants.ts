/**
 * What must hold after every fault scenario, whatever the fault:
 * - no email has two invitations in the fake;
 * - the state matches the fake: every PENDING resource's invitation is in the fake with the same
 *   id and email, every ACCEPTED resource's member is, and every invitation in the fake belongs
 *   to a resource in the state (a failed run may leave named exceptions, see `unrecorded`);
 * - the API token appears nowhere in the state, the log or an error message, and no invitation
 *   link appears there in plain text: in the CLI's state file only inside Pulumi secrets; in the
 *   state of the in-process stack (stack.ts), which holds outputs as the provider gives them, only
 *   in the `invitationLink` output, the one the SDK makes a secret.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import type { FakeQovery } from "../fake-qovery";

/** A resource of a checkpoint, as the CLI writes it and the in-process stack gives it. */
export interface CheckpointResource {
  urn: string;
  custom?: boolean;
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
  delete?: boolean;
}

/** An engine whose checkpoint can be read: the CLI engine (tests/support/pulumi-cli.ts) or the in-process stack. */
export interface StateReader {
  readState(): { checkpoint: { latest?: { resources?: CheckpointResource[] } } };
}

/** What the invariants look at: an engine, its fake, its checkpoint file (none in process) and its log. */
export interface FaultBed {
  engine: StateReader;
  fake: FakeQovery;
  stateFile?: string;
  log: readonly string[];
}
import { plainOccurrences } from "../support/secrets";

export const INVITATION_TYPE = "pulumi-nodejs:dynamic/qovery:OrganizationInvitation";

/** The invitation resources of the state, the old halves of replacements included. */
export function invitationResources(engine: StateReader): CheckpointResource[] {
  return (engine.readState().checkpoint.latest?.resources ?? []).filter((r) => r.custom && r.type === INVITATION_TYPE);
}

export function outputsOf(resource: CheckpointResource): Record<string, unknown> {
  return resource.outputs ?? {};
}

/** Resources of one organization (scenarios share a fake, one organization each). */
function resourcesOf(engine: StateReader, organizationId: string): CheckpointResource[] {
  return invitationResources(engine).filter((r) => outputsOf(r).organizationId === organizationId);
}

export function assertNoDuplicateInvitations(fake: FakeQovery, organizationId: string): void {
  const byEmail = new Map<string, string[]>();
  for (const invitation of fake.invitations(organizationId)) {
    const email = invitation.email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), invitation.id]);
  }
  const duplicated = [...byEmail].filter(([, ids]) => ids.length > 1).map(([email]) => email);
  expect(duplicated, "emails with two invitations in the fake").to.deep.equal([]);
}

export interface MatchOptions {
  /**
   * Emails whose invitation may be in the fake without a resource in the state: only after a
   * failed run whose error names them, when the invitation landed but the step failed before
   * recording it (the next `up` adopts it).
   */
  unrecorded?: string[];
}

export function assertStateMatchesFake(engine: StateReader, fake: FakeQovery, organizationId: string, options: MatchOptions = {}): void {
  const resources = resourcesOf(engine, organizationId);
  expect(
    resources.filter((r) => r.delete).map((r) => r.urn),
    "old halves of replacements left in the state",
  ).to.deep.equal([]);
  const invitations = fake.invitations(organizationId);
  const members = fake.members(organizationId);
  for (const resource of resources) {
    const outputs = outputsOf(resource);
    const status = outputs.invitationStatus;
    if (status === "PENDING" || status === "EXPIRED") {
      const invitation = invitations.find((i) => i.id === outputs.invitationId);
      expect(invitation, `the invitation of ${resource.urn} (${String(outputs.invitationId)}) in the fake`).not.to.equal(undefined);
      expect(invitation!.email.toLowerCase()).to.equal(outputs.email);
      expect(invitation!.status, `status of ${resource.urn}`).to.equal(status);
      expect(invitation!.roleId, `role of ${resource.urn}`).to.equal(outputs.roleId);
    } else {
      expect(status, `status of ${resource.urn}`).to.equal("ACCEPTED");
      const member = members.find((m) => m.id === outputs.memberId);
      expect(member, `the member of ${resource.urn} (${String(outputs.memberId)}) in the fake`).not.to.equal(undefined);
    }
  }
  const recorded = new Set(resources.map((r) => outputsOf(r).invitationId));
  const strays = invitations.filter((i) => !recorded.has(i.id) && !(options.unrecorded ?? []).includes(i.email.toLowerCase()));
  expect(
    strays.map((i) => `${i.email} ${i.id}`),
    "invitations in the fake that no resource in the state holds",
  ).to.deep.equal([]);
}

/** Gathers every invitation link the fake has handed out, from its answers and its store. */
export class LinkCollector {
  readonly links = new Set<string>();

  collect(fake: FakeQovery, organizationId: string): void {
    for (const invitation of fake.invitations(organizationId)) this.links.add(invitation.invitationLink);
    for (const exchange of fake.exchanges) this.walk(exchange.responseBody);
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) value.forEach((item) => this.walk(item));
    else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === "invitation_link" && typeof child === "string") this.links.add(child);
        else this.walk(child);
      }
    }
  }
}

export interface LeakSources {
  /** The CLI's checkpoint file; without it, the engine's state in process. */
  stateFile?: string;
  log: readonly string[];
  errors: readonly string[];
}

/** Where an in-process state may hold a link: the output the SDK makes a Pulumi secret. */
const LINK_OUTPUT = /\.outputs\.invitationLink$/;

/** No token anywhere; no invitation link in plain text in the state, the log or an error. */
export function assertNoLeaks(engine: StateReader, fake: FakeQovery, links: Iterable<string>, sources: LeakSources): void {
  const text = sources.stateFile ? fs.readFileSync(sources.stateFile, "utf8") : JSON.stringify(engine.readState());
  const state = JSON.parse(text) as unknown;
  const outsideSecrets = (link: string) => plainOccurrences(state, link).filter((at) => sources.stateFile || !LINK_OUTPUT.test(at));
  const log = sources.log.join("\n");
  const errors = sources.errors.join("\n");
  for (const [where, content] of [
    ["state file", text],
    ["log", log],
    ["error messages", errors],
  ] as const) {
    expect(content.includes(fake.apiToken), `the API token in the ${where}`).to.equal(false);
    expect(content.includes(fake.jwt), `the JWT in the ${where}`).to.equal(false);
  }
  for (const link of links) {
    expect(outsideSecrets(link), "an invitation link in plain text in the state").to.deep.equal([]);
    expect(log.includes(link), "an invitation link in the log").to.equal(false);
    expect(errors.includes(link), "an invitation link in an error message").to.equal(false);
  }
}

/** All three, for one organization. */
export function assertInvariants(
  engine: StateReader,
  fake: FakeQovery,
  organizationId: string,
  links: LinkCollector,
  sources: LeakSources,
  options: MatchOptions = {},
): void {
  links.collect(fake, organizationId);
  assertNoDuplicateInvitations(fake, organizationId);
  assertStateMatchesFake(engine, fake, organizationId, options);
  assertNoLeaks(engine, fake, links.links, sources);
}

/**
 * The invariants of one scenario, bound to its bed and organization (read when checked, since
 * both are usually set up in a `before` hook): `errors` collects what the runs failed with (hand
 * it to `attempt`), and `check()` asserts all three invariants, remembering every invitation link
 * the fake has handed out so far.
 */
export function scenarioInvariants(
  bed: () => FaultBed,
  organizationId: () => string,
): { errors: string[]; check: (options?: MatchOptions) => void; links: ReadonlySet<string> } {
  const errors: string[] = [];
  const links = new LinkCollector();
  const check = (options: MatchOptions = {}) => {
    const { engine, fake, stateFile, log } = bed();
    assertInvariants(engine, fake, organizationId(), links, { stateFile, log, errors }, options);
  };
  return { errors, check, links: links.links };
}
