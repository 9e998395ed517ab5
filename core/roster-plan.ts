/**
 * What an OrganizationRoster does, as pure functions: no API call, no Pulumi. The roster reads
 * its organization once per run (members, invitations and, when it needs them, roles: see
 * rosterReadNeeds) with one client, and hands what it read here; it then only registers the
 * children this plans and prints its warnings.
 *
 * - rosterChildren: from the arguments alone, the children's names and each person's invitation
 *   inputs. It needs nothing read, so the people are registered at once, even when the
 *   organization id is known only at `up`.
 * - planRoster: from what was read and the arguments, the access review (the roster's
 *   unmanagedMembers / unmanagedInvitations), the refusals handed to the guard child, the removals
 *   of the removal child (none in report mode or when refused) and the warnings to print.
 *
 * In report mode a failed read is a warning (the review is information; the people are still
 * managed); in remove mode it is a refusal, since an authoritative roster cannot be applied
 * without knowing what to remove. See access-review.ts for how each entry stands and
 * guardrails.ts for what stops an authoritative run.
 */
import type { Role } from "./client/wire";
import {
  describeAccess,
  removableAccess,
  reviewAccess,
  undeclaredAccess,
  unmanagedAccess,
  type AccessReview,
  type OrganizationAccess,
  type ReviewedInvitation,
  type ReviewedMember,
} from "./access-review";
import { removalKey, type OnDelete, type OnExpired } from "./contract";
import { guardrailViolations, maxRemovalsFor, type Refusal } from "./guardrails";
import { normalizeEmail } from "./identifiers";
import { findRole, UnknownDowngradeRoleError, UnknownRoleError } from "./role-requests";
import type { RosterPerson } from "./roster-person";
import type { TokenIdentity } from "./token";

/** What a roster does with access it does not declare. */
export const UNMANAGED_POLICIES = ["report", "remove"] as const;
export type UnmanagedPolicy = (typeof UNMANAGED_POLICIES)[number];

/** The roster's arguments, as the planner takes them: checked, with the defaults applied. */
export interface RosterPlanArgs {
  /** The roster's own name, for messages and children's names. */
  name: string;
  people: RosterPerson[];
  unmanaged: UnmanagedPolicy;
  /** Emails never reported as undeclared and never removed. */
  keep: string[];
  /** The roster's maxRemovals input; the stack config and the environment below replace it for one run. */
  maxRemovals: number | undefined;
  /** The stack config `qovery:maxRemovals` and the variable QOVERY_MAX_REMOVALS, as read. */
  maxRemovalsOverrides: { config: string | undefined; env: string | undefined };
  minAdmins: number;
  /** The role given to a person taken out under `onDelete: "downgrade"`; undefined otherwise. */
  downgradeRoleName: string | undefined;
}

/** One thing read from Qovery, or why it could not be. */
export type Reading<T> = { value: T } | { failure: string };

/** What a roster reads of its organization, once per run. */
export interface RosterOrganization {
  organizationId: string;
  /** The members and invitations. */
  access: Reading<OrganizationAccess>;
  /** The roles, when rosterReadNeeds asks for them. */
  roles?: Reading<Role[]>;
  /** Who the API token of the client that read it belongs to, when it can be told. */
  token?: TokenIdentity;
}

/** Whether the read must include the organization's roles: to check a downgradeRoleName, or to name declared role ids for the guardrails. */
export function rosterReadNeeds(args: Pick<RosterPlanArgs, "people" | "unmanaged" | "downgradeRoleName">): { roles: boolean } {
  const roleIds = args.unmanaged === "remove" && args.people.some((person) => person.roleId !== undefined);
  return { roles: args.downgradeRoleName !== undefined || roleIds };
}

/** One person's invitation child: its name and inputs, but for the organization id. */
export interface PlannedPerson {
  childName: string;
  email: string;
  roleName?: string;
  roleId?: string;
  onExpired?: OnExpired;
  onDelete?: OnDelete;
  downgradeRoleName?: string;
  retainOnDelete?: boolean;
}

export interface RosterChildren {
  /** The RosterGuard's name, when the roster has one (remove mode, or onDelete "downgrade"). */
  guard: string | undefined;
  /** The UnmanagedAccessRemoval's name (remove mode only). */
  removal: string;
  people: PlannedPerson[];
}

/** The children's names and the people's inputs, from the arguments alone. */
export function rosterChildren(
  name: string,
  args: {
    people: RosterPerson[];
    childNamePrefix?: string;
    unmanaged?: UnmanagedPolicy;
    onExpired?: OnExpired;
    onDelete?: OnDelete;
    downgradeRoleName?: string;
  },
): RosterChildren {
  const prefix = args.childNamePrefix ?? "";
  const guarded = args.unmanaged === "remove" || args.onDelete === "downgrade";
  return {
    guard: guarded ? `${prefix}${name}:guardrails` : undefined,
    removal: `${prefix}${name}:unmanaged`,
    people: args.people.map((person) => {
      const email = normalizeEmail(person.email);
      const planned: PlannedPerson = {
        childName: `${prefix}${email}`,
        email,
        roleName: person.roleName,
        roleId: person.roleId,
        onExpired: person.onExpired ?? args.onExpired,
        onDelete: args.onDelete,
        downgradeRoleName: args.downgradeRoleName,
      };
      if (person.retainOnDelete !== undefined) planned.retainOnDelete = person.retainOnDelete;
      return planned;
    }),
  };
}

export interface RosterPlan {
  /** The access review; undefined when the organization could not be read. */
  review?: AccessReview;
  /** Everything not declared (findings, the owner, the keep list): the roster's outputs. Undefined with review. */
  unmanaged?: { members: ReviewedMember[]; invitations: ReviewedInvitation[] };
  /** What the guard fails with; empty when the run may go on. */
  refusals: Refusal[];
  /** The removal child's inputs (removal key → member or invitation id); undefined when there is no removal child. */
  removals?: Record<string, string>;
  /** What to print, in order. */
  warnings: string[];
}

/** The roster's run over what was read of its organization. Throws only for a bad maxRemovals override. */
export function planRoster(organization: RosterOrganization, args: RosterPlanArgs): RosterPlan {
  const { name, unmanaged: policy } = args;
  const { organizationId } = organization;
  const refusals: Refusal[] = [];
  const warnings: string[] = [];
  if (args.downgradeRoleName !== undefined) {
    const refusal = downgradeRoleRefusal(name, organizationId, args.downgradeRoleName, organization.roles);
    if (refusal) refusals.push(refusal);
  }
  const access = "value" in organization.access ? organization.access.value : undefined;
  const failure =
    "failure" in organization.access ? organization.access.failure : policy === "remove" ? failureOf(organization.roles) : undefined;
  if (access === undefined || failure !== undefined) {
    if (policy === "remove") {
      const why = `OrganizationRoster "${name}" (unmanaged: "remove") could not review access to organization ${organizationId}, so nothing is removed: ${failure}`;
      return { refusals: [...refusals, { property: "unmanaged", reason: why }], warnings };
    }
    warnings.push(`OrganizationRoster "${name}" could not review access to organization ${organizationId}: ${failure}`);
    return { refusals, warnings };
  }
  const review = reviewAccess(access, {
    declared: args.people.map((person) => person.email),
    keep: args.keep,
    token: organization.token,
  });
  const plan: RosterPlan = { review, unmanaged: unmanagedAccess(review), refusals, warnings };
  const findings = undeclaredAccess(review);

  if (policy === "report") {
    const total = findings.members.length + findings.invitations.length;
    if (total > 0) {
      warnings.push(
        `OrganizationRoster "${name}": ${count(total)} to organization ${organizationId} ${total === 1 ? "is" : "are"} not declared in this roster:` +
          lines(findings.members, findings.invitations) +
          `\nDeclare them in the roster, list them in \`keep\`, or set \`unmanaged: "remove"\` to remove them with \`pulumi up\`.`,
      );
    }
    return plan;
  }

  const removable = removableAccess(review);
  const roles = organization.roles && "value" in organization.roles ? organization.roles.value : [];
  const limits = {
    maxRemovals: maxRemovalsFor(args.maxRemovals, args.maxRemovalsOverrides.config, args.maxRemovalsOverrides.env),
    minAdmins: args.minAdmins,
  };
  const stop = `OrganizationRoster "${name}" (unmanaged: "remove") stops before removing anything from organization ${organizationId}: `;
  for (const violation of guardrailViolations({ review, removable, declaredRoles: declaredRoleNames(args.people, roles), limits })) {
    refusals.push({ property: violation.property, reason: stop + violation.reason });
  }
  if (refusals.length > 0) return plan;
  // Declared on every run in remove mode, so that it shows no change once nothing is left to remove.
  plan.removals = removalKeys(removable);
  const total = removable.members.length + removable.invitations.length;
  if (total > 0) {
    warnings.push(
      `OrganizationRoster "${name}" (unmanaged: "remove"): \`pulumi up\` removes ${count(total)} to organization ${organizationId} that this roster does not declare:` +
        lines(removable.members, removable.invitations),
    );
  }
  const protectedMembers = findings.members.filter((member) => member.tokenMember);
  if (protectedMembers.length > 0) {
    warnings.push(
      `OrganizationRoster "${name}" (unmanaged: "remove"): not declared, but the member the API token belongs to, so never removed:` +
        lines(protectedMembers, []) +
        `\nDeclare it in the roster or list it in \`keep\`.`,
    );
  }
  return plan;
}

function failureOf(reading: Reading<unknown> | undefined): string | undefined {
  return reading && "failure" in reading ? reading.failure : undefined;
}

const count = (n: number) => `${n} ${n === 1 ? "access" : "accesses"}`;

const lines = (members: ReviewedMember[], invitations: ReviewedInvitation[]) =>
  describeAccess({ members, invitations })
    .map((line) => `\n  - ${line}`)
    .join("");

/** A downgradeRoleName the organization lacks (or roles that could not be read) refuses the run, before anything is deleted. */
function downgradeRoleRefusal(
  name: string,
  organizationId: string,
  roleName: string,
  roles: Reading<Role[]> | undefined,
): Refusal | undefined {
  const request = { by: "name", roleName } as const;
  let reason: string;
  if (roles === undefined || "failure" in roles) {
    const why = roles === undefined ? "the roles were not read" : roles.failure;
    reason = `downgradeRoleName "${roleName}" could not be checked against the roles of organization ${organizationId}: ${why}`;
  } else {
    if (findRole(roles.value, request)) return undefined;
    reason = new UnknownDowngradeRoleError(new UnknownRoleError(request, organizationId, roles.value)).message;
  }
  return { property: "downgradeRoleName", reason: `OrganizationRoster "${name}": ${reason}` };
}

/** Each declared email → the role name it declares, for the guardrails; a roleId is named through the organization's roles. */
function declaredRoleNames(people: RosterPerson[], roles: Role[]): Map<string, string | undefined> {
  const nameOf = (roleId: string) => findRole(roles, { by: "id", roleId })?.name;
  return new Map(
    people.map((person) => [normalizeEmail(person.email), person.roleName ?? (person.roleId ? nameOf(person.roleId) : undefined)]),
  );
}

/**
 * One input key per removal, naming it by email: `remove-member:<email>` or
 * `remove-invitation:<email>`, and `…/<id>` when one email has several entries of a kind (several
 * identities of one person, an expired and a pending invitation) or is not an address at all.
 * Value: the member or invitation id.
 */
function removalKeys(removable: { members: ReviewedMember[]; invitations: ReviewedInvitation[] }): Record<string, string> {
  const all = [
    ...removable.members.map((entry) => ({ kind: "member" as const, entry })),
    ...removable.invitations.map((entry) => ({ kind: "invitation" as const, entry })),
  ];
  const counts = new Map<string, number>();
  for (const { kind, entry } of all) counts.set(removalKey(kind, entry.email), (counts.get(removalKey(kind, entry.email)) ?? 0) + 1);
  return Object.fromEntries(
    all.map(({ kind, entry }) => {
      const key = removalKey(kind, entry.email);
      const ambiguous = counts.get(key)! > 1 || !entry.email.includes("@");
      return [ambiguous ? removalKey(kind, entry.email, entry.id) : key, entry.id];
    }),
  );
}
