/**
 * The guardrails of an authoritative roster (`unmanaged: "remove"`), checked on the program side
 * in every preview and up, before the removals are declared: a run that breaks one fails, naming
 * every offending person at once, and nothing is removed.
 *
 * - `maxRemovals` (default 5): no more members and invitations removed in one run than this
 *   (each identity of a person and each invitation counts one). For one run, the stack config
 *   `qovery:maxRemovals` or the environment variable QOVERY_MAX_REMOVALS replaces it.
 * - `minAdmins` (default 1): the people with the admin role (members only, the owner not
 *   counted, one per email whatever their identities) are not brought below this number by the
 *   run's removals and role changes, nor lowered further when they already are.
 * - The member the API token belongs to is never removed (see access-review.ts) and never loses the
 *   admin role.
 *
 * Pure functions: the roster's planner (roster-plan.ts) hands its review here. This module does
 * not load @pulumi/pulumi.
 */
import { describeAccess, type AccessReview, type ReviewedInvitation, type ReviewedMember } from "./access-review";
import { QoveryInvitationsError } from "./errors";
import { normalizeEmail } from "./identifiers";

export const DEFAULT_MAX_REMOVALS = 5;
export const DEFAULT_MIN_ADMINS = 1;
export const MAX_REMOVALS_CONFIG_KEY = "qovery:maxRemovals";
export const MAX_REMOVALS_ENV = "QOVERY_MAX_REMOVALS";

/** Why a run must stop, by the roster input it concerns: what the RosterGuard's check fails with. */
export interface Refusal {
  property: string;
  reason: string;
}

export interface Guardrails {
  maxRemovals: number;
  minAdmins: number;
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/**
 * The removal budget of this run: stack config `qovery:maxRemovals`, else QOVERY_MAX_REMOVALS,
 * else the roster's input, else 5. A value that is not a non-negative integer fails, naming it.
 */
export function maxRemovalsFor(input: number | undefined, config: string | undefined, env: string | undefined): number {
  for (const [name, raw] of [
    [MAX_REMOVALS_CONFIG_KEY, config],
    [MAX_REMOVALS_ENV, env],
  ] as const) {
    if (raw === undefined || raw.trim() === "") continue;
    const value = Number(raw.trim());
    // The value is not shown: whatever was put in a config key or variable stays out of messages.
    if (!isNonNegativeInteger(value)) {
      throw new QoveryInvitationsError({
        code: "INVALID_SETTINGS",
        subject: name,
        message: `${name} must be a non-negative integer`,
        advice: `Set ${name} to the number of removals this run may make, such as 7, or unset it.`,
      });
    }
    return value;
  }
  return input ?? DEFAULT_MAX_REMOVALS;
}

export interface GuardrailInput {
  review: AccessReview;
  /** What the run removes: the undeclared members (except the token's) and invitations. */
  removable: { members: ReviewedMember[]; invitations: ReviewedInvitation[] };
  /** Each declared email (lower case) → the role name it declares, when known. */
  declaredRoles: Map<string, string | undefined>;
  limits: Guardrails;
}

const isAdmin = (roleName: string | undefined) => roleName?.trim().toLowerCase() === "admin";

/** Every guardrail the run breaks, each naming every offending person; empty when it may go on. */
export function guardrailViolations(input: GuardrailInput): Refusal[] {
  const violations: [string, string | undefined][] = [
    ["maxRemovals", removalBudgetViolation(input)],
    ["minAdmins", adminViolation(input)],
    ["people", tokenMemberViolation(input)],
  ];
  return violations.flatMap(([property, reason]) => (reason === undefined ? [] : [{ property, reason }]));
}

function removalBudgetViolation({ removable, limits }: GuardrailInput): string | undefined {
  const total = removable.members.length + removable.invitations.length;
  if (total <= limits.maxRemovals) return undefined;
  const lines = describeAccess(removable);
  return (
    `it would remove ${total} members and invitations, more than maxRemovals (${limits.maxRemovals}):` +
    lines.map((line) => `\n    - ${line}`).join("") +
    `\n  To allow it for one run: \`${MAX_REMOVALS_ENV}=${total} pulumi up\` (or \`pulumi config set ${MAX_REMOVALS_CONFIG_KEY} ${total}\`, ` +
    `and \`pulumi config rm ${MAX_REMOVALS_CONFIG_KEY}\` after); or raise the roster's maxRemovals input.`
  );
}

/** Where each admin (by email) stands after the run: still admin, or why not. */
function adminsAfterRun({ review, removable, declaredRoles }: GuardrailInput): {
  before: Set<string>;
  after: Set<string>;
  losing: string[];
} {
  const removed = new Set(removable.members.map((member) => member.id));
  const before = new Set<string>();
  const after = new Set<string>();
  const losing = new Map<string, string>();
  for (const member of review.members) {
    if (member.owner) continue;
    const email = normalizeEmail(member.email);
    if (isAdmin(member.roleName)) before.add(email);
    let roleAfter: string | undefined = member.roleName;
    if (removed.has(member.id)) roleAfter = undefined;
    else if (member.access === "declared") roleAfter = declaredRoles.get(email);
    if (isAdmin(roleAfter)) after.add(email);
    else if (isAdmin(member.roleName)) losing.set(email, removed.has(member.id) ? "removed" : `role → ${roleAfter ?? "another role"}`);
  }
  return { before, after, losing: [...losing].filter(([email]) => !after.has(email)).map(([email, why]) => `${email} (${why})`) };
}

function adminViolation(input: GuardrailInput): string | undefined {
  const { before, after, losing } = adminsAfterRun(input);
  const { minAdmins } = input.limits;
  if (after.size >= minAdmins || after.size >= before.size) return undefined;
  const left = after.size === 0 ? "none" : [...after].sort().join(", ");
  return (
    `it would leave ${after.size} ${after.size === 1 ? "admin" : "admins"} (the owner not counted), fewer than minAdmins (${minAdmins}); ` +
    `losing the admin role: ${losing.sort().join(", ")}; admins left: ${left}. ` +
    `Declare enough people with roleName "admin", or lower the roster's minAdmins input.`
  );
}

function tokenMemberViolation({ review, declaredRoles }: GuardrailInput): string | undefined {
  const downgraded = review.members.filter(
    (member) =>
      member.tokenMember &&
      member.access === "declared" &&
      isAdmin(member.roleName) &&
      !isAdmin(declaredRoles.get(normalizeEmail(member.email))),
  );
  if (downgraded.length === 0) return undefined;
  return (
    `it would take the admin role from the member the API token belongs to, which is never downgraded: ` +
    downgraded
      .map((member) => `${member.email} (${member.id}, role → ${declaredRoles.get(normalizeEmail(member.email)) ?? "another role"})`)
      .join(", ") +
    `. Declare them with roleName "admin", or run with another token.`
  );
}
