/**
 * OrganizationRoster: the people of one organization as one list. Each person becomes an
 * OrganizationInvitation child named after their email (in lower case), so removing one line
 * deletes exactly that person's invitation, and reordering the list changes nothing.
 *
 * It also reviews the organization's access on every preview and up (two GETs, program side,
 * with the provider's credentials): members and invitations it does not declare are listed in
 * `unmanagedMembers` / `unmanagedInvitations` and printed as a warning (`unmanaged: "report"`,
 * the default), or removed on `pulumi up` (`unmanaged: "remove"`): then one UnmanagedAccessRemoval
 * child, `<roster>:unmanaged`, names each removal in an input of its own (`remove-member:<email>`,
 * `remove-invitation:<email>`), so the preview lists every removal before anything happens, and
 * shows no change once nothing is left to remove. The organization owner, the member
 * the API token belongs to (when the token is a JWT naming it) and the emails of `keep` are never
 * removed. See core/access-review.ts for how each entry stands. Before declaring any removal, the
 * guardrails (core/guardrails.ts: maxRemovals, minAdmins, the token's member) are checked; what
 * breaks one, a review that cannot run in remove mode and a downgradeRoleName that names no role
 * are refusals, handed to the child `<roster>:guardrails` (RosterGuard), whose check fails with
 * them. The people and the removals depend on that child, so a refused preview or up stops
 * before anyone is updated, deleted or removed.
 *
 * The removal child is registered inside the review's `apply`, once the organization has been
 * read: each removal is a property name of its own (so the preview lists it by email), and a
 * resource's property names must be known when it is registered. This is safe for previews
 * because remove mode needs organizationId as a plain string: the apply then runs in every
 * preview as in every up, so the preview shows the child and each removal exactly as the up
 * will. The guard and the people do not depend on those names and are registered at once.
 *
 * The roster's own resource options (retainOnDelete, protect, ignoreChanges, customTimeouts,
 * deletedWith, …) reach every child; see childOptions.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  DEFAULT_DOWNGRADE_ROLE,
  DEFAULT_MIN_ADMINS,
  describeInvitation,
  describeMember,
  fetchOrganizationAccess,
  findRole,
  guardrailViolations,
  MAX_REMOVALS_CONFIG_KEY,
  MAX_REMOVALS_ENV,
  maxRemovalsFor,
  normalizeEmail,
  removableAccess,
  removalKey,
  reviewAccess,
  undeclaredAccess,
  UnknownDowngradeRoleError,
  UnknownRoleError,
  unmanagedAccess,
  type AccessReview,
  type Guardrails,
  type Refusal,
  type ReviewedInvitation,
  type ReviewedMember,
  type RosterPerson,
} from "../core";
import { programQovery } from "./access-lookup";
import { OrganizationInvitation, type InvitationStatus, type OnDelete, type OnExpired } from "./invitation";
import { checkRosterArgs, type UnmanagedPolicy } from "./roster-args";
import { UnmanagedAccessRemoval } from "./removal";
import { RosterGuard } from "./roster-guard";

export type { UnmanagedPolicy } from "./roster-args";

export interface OrganizationRosterArgs {
  /** The UUID of the Qovery organization. */
  organizationId: pulumi.Input<string>;
  /** The people, each with an email and a roleName (or roleId). Emails must be unique, whatever their case. */
  people: RosterPerson[];
  /** The policy for expired invitations of everyone who does not set their own; default `keep`. */
  onExpired?: OnExpired;
  /**
   * Prepended to each child's name (default: none, the child is named after the email). Only
   * needed when one program declares the same email in several rosters.
   */
  childNamePrefix?: string;
  /**
   * Members and invitations of the organization that this roster does not declare:
   * - `report` (default): listed in `unmanagedMembers` / `unmanagedInvitations` and printed as a
   *   warning by `pulumi preview` and `pulumi up`;
   * - `remove`: the roster is authoritative. Each undeclared invitation is cancelled and each
   *   undeclared member removed on `pulumi up`, listed by the preview (the child
   *   `<name>:unmanaged`, `[diff: +remove-member:<email>,+remove-invitation:<email>]`) before
   *   anything happens. Never the
   *   organization owner, the member the API token belongs to (if it is a JWT naming it), or an
   *   email of `keep`. Needs `organizationId` as a plain string, so the preview can list removals;
   *   declare each organization in one roster only (another roster's people are undeclared here).
   */
  unmanaged?: UnmanagedPolicy;
  /** Emails (any case) that are never reported as undeclared and never removed: service accounts, an auditor. */
  keep?: string[];
  /**
   * `unmanaged: "remove"` only: a preview or up that would remove more members and invitations
   * than this fails before anything is removed (default 5). For one run, the stack config
   * `qovery:maxRemovals` or the environment variable QOVERY_MAX_REMOVALS replaces it.
   */
  maxRemovals?: number;
  /**
   * `unmanaged: "remove"` only: a preview or up whose removals and role changes would leave fewer
   * people with the admin role than this (the owner not counted), or fewer than there are when
   * there already are fewer, fails before anything is removed (default 1).
   */
  minAdmins?: number;
  /**
   * What taking a person out of the roster does: `remove` (default) removes them from the
   * organization; `downgrade` gives an accepted member `downgradeRoleName` instead (a pending
   * invitation is cancelled). Not with `unmanaged: "remove"`, which removes whoever is undeclared.
   */
  onDelete?: OnDelete;
  /** The role given under `onDelete: "downgrade"` (default `viewer`); must be a role of the organization. */
  downgradeRoleName?: string;
}

export class OrganizationRoster extends pulumi.ComponentResource {
  /** One invitation per person, keyed by email in lower case. */
  public readonly invitations: Record<string, OrganizationInvitation>;
  /** Email (lower case) → PENDING, EXPIRED or ACCEPTED. */
  public readonly statuses: pulumi.Output<Record<string, InvitationStatus>>;
  /**
   * The organization's members that this roster does not declare, as seen by this run: findings
   * (`access: "undeclared"`), the owner (`"owner"`) and the `keep` list (`"kept"`). Undefined when
   * the review could not run (a warning says why).
   */
  public readonly unmanagedMembers: pulumi.Output<ReviewedMember[] | undefined>;
  /** The organization's invitations that this roster does not declare; see unmanagedMembers. */
  public readonly unmanagedInvitations: pulumi.Output<ReviewedInvitation[] | undefined>;

  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    checkRosterArgs(name, args);
    super("qovery:index:OrganizationRoster", name, {}, opts);
    const policy = args.unmanaged ?? "report";
    const keep = (args.keep ?? []).map(normalizeEmail);
    type Reviewed = { review?: AccessReview; refusals: Refusal[] };
    const review: pulumi.Output<Reviewed> = pulumi.output(args.organizationId).apply((organizationId) =>
      this.reviewUnmanagedAccess(name, {
        organizationId,
        policy,
        keep,
        people: args.people,
        childNamePrefix: args.childNamePrefix ?? "",
        options: opts,
        guard: (): RosterGuard | undefined => guard,
        limits: { maxRemovals: args.maxRemovals, minAdmins: args.minAdmins ?? DEFAULT_MIN_ADMINS },
        downgradeRoleName: args.onDelete === "downgrade" ? (args.downgradeRoleName ?? DEFAULT_DOWNGRADE_ROLE) : undefined,
      }),
    );
    // Registered first, so that every person can depend on it: a refusal stops the run before anyone is touched.
    const guard: RosterGuard | undefined =
      policy === "remove" || args.onDelete === "downgrade"
        ? new RosterGuard(
            `${args.childNamePrefix ?? ""}${name}:guardrails`,
            { organizationId: args.organizationId, refusals: review.apply((result) => result.refusals) },
            childOptions(this, opts),
          )
        : undefined;

    this.invitations = {};
    for (const person of args.people) {
      const email = normalizeEmail(person.email);
      const own: pulumi.CustomResourceOptions = guard ? { dependsOn: [guard] } : {};
      if (person.retainOnDelete !== undefined) own.retainOnDelete = person.retainOnDelete;
      this.invitations[email] = new OrganizationInvitation(
        `${args.childNamePrefix ?? ""}${email}`,
        {
          organizationId: args.organizationId,
          email,
          roleName: person.roleName,
          roleId: person.roleId,
          onExpired: person.onExpired ?? args.onExpired,
          onDelete: args.onDelete,
          downgradeRoleName: args.downgradeRoleName,
        },
        childOptions(this, opts, own),
      );
    }
    const entries = Object.entries(this.invitations).map(([email, invitation]) =>
      invitation.invitationStatus.apply((status) => [email, status] as const),
    );
    this.statuses = pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));

    this.unmanagedMembers = review.apply(({ review }) => (review ? unmanagedAccess(review).members : undefined));
    this.unmanagedInvitations = review.apply(({ review }) => (review ? unmanagedAccess(review).invitations : undefined));
    this.registerOutputs({
      statuses: this.statuses,
      unmanagedMembers: this.unmanagedMembers,
      unmanagedInvitations: this.unmanagedInvitations,
    });
  }

  /**
   * Lists the organization's access and compares it with the roster. Reports the findings, or
   * declares the removal of every removable finding, unless a guardrail refuses the run. In report
   * mode a failed review is a warning (the review is information; the people are still managed); in
   * remove mode it is a refusal, since an authoritative roster cannot be applied without knowing
   * what to remove. Refusals go to the RosterGuard, whose failed check stops the run.
   */
  private async reviewUnmanagedAccess(
    name: string,
    options: {
      organizationId: string;
      policy: UnmanagedPolicy;
      keep: string[];
      people: RosterPerson[];
      childNamePrefix: string;
      options: pulumi.ComponentResourceOptions | undefined;
      guard: () => RosterGuard | undefined;
      limits: { maxRemovals: number | undefined; minAdmins: number };
      downgradeRoleName: string | undefined;
    },
  ): Promise<{ review?: AccessReview; refusals: Refusal[] }> {
    const { organizationId, policy } = options;
    const refusals: Refusal[] = [];
    if (options.downgradeRoleName !== undefined) {
      const refusal = await downgradeRoleRefusal(name, organizationId, options.downgradeRoleName);
      if (refusal) refusals.push(refusal);
    }
    let review: AccessReview;
    let declaredRoles: Map<string, string | undefined>;
    try {
      const { client, token } = programQovery();
      const access = await fetchOrganizationAccess(client, organizationId);
      review = reviewAccess(access, { declared: options.people.map((person) => person.email), keep: options.keep, token });
      declaredRoles = policy === "remove" ? await declaredRoleNames(client, organizationId, options.people) : new Map();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (policy === "remove") {
        const why = `OrganizationRoster "${name}" (unmanaged: "remove") could not review access to organization ${organizationId}, so nothing is removed: ${reason}`;
        return { refusals: [...refusals, { property: "unmanaged", reason: why }] };
      }
      await pulumi.log.warn(`OrganizationRoster "${name}" could not review access to organization ${organizationId}: ${reason}`, this);
      return { refusals };
    }

    const findings = undeclaredAccess(review);
    const lines = (members: ReviewedMember[], invitations: ReviewedInvitation[]) =>
      [...members.map(describeMember), ...invitations.map(describeInvitation)].map((line) => `\n  - ${line}`).join("");
    const count = (n: number) => `${n} ${n === 1 ? "access" : "accesses"}`;

    if (policy === "report") {
      const total = findings.members.length + findings.invitations.length;
      if (total > 0) {
        await pulumi.log.warn(
          `OrganizationRoster "${name}": ${count(total)} to organization ${organizationId} ${total === 1 ? "is" : "are"} not declared in this roster:` +
            lines(findings.members, findings.invitations) +
            `\nDeclare them in the roster, list them in \`keep\`, or set \`unmanaged: "remove"\` to remove them with \`pulumi up\`.`,
          this,
        );
      }
      return { review, refusals };
    }

    const removable = removableAccess(review);
    const limits: Guardrails = {
      maxRemovals: maxRemovalsFor(
        options.limits.maxRemovals,
        pulumi.runtime.getConfig(MAX_REMOVALS_CONFIG_KEY),
        process.env[MAX_REMOVALS_ENV],
      ),
      minAdmins: options.limits.minAdmins,
    };
    const stop = `OrganizationRoster "${name}" (unmanaged: "remove") stops before removing anything from organization ${organizationId}: `;
    for (const violation of guardrailViolations({ review, removable, declaredRoles, limits })) {
      refusals.push({ property: violation.property, reason: stop + violation.reason });
    }
    if (refusals.length > 0) return { review, refusals };
    // Declared on every run in remove mode, so that it shows no change once nothing is left to remove.
    new UnmanagedAccessRemoval(
      `${options.childNamePrefix}${name}:unmanaged`,
      { organizationId, removals: removalKeys(removable) },
      childOptions(this, options.options, { dependsOn: [options.guard()!] }),
    );
    const total = removable.members.length + removable.invitations.length;
    if (total > 0) {
      await pulumi.log.warn(
        `OrganizationRoster "${name}" (unmanaged: "remove"): \`pulumi up\` removes ${count(total)} to organization ${organizationId} that this roster does not declare:` +
          lines(removable.members, removable.invitations),
        this,
      );
    }
    const protectedMembers = findings.members.filter((member) => member.tokenMember);
    if (protectedMembers.length > 0) {
      await pulumi.log.warn(
        `OrganizationRoster "${name}" (unmanaged: "remove"): not declared, but the member the API token belongs to, so never removed:` +
          lines(protectedMembers, []) +
          `\nDeclare it in the roster or list it in \`keep\`.`,
        this,
      );
    }
    return { review, refusals };
  }
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

/**
 * A child's options: the roster's own (retainOnDelete, protect, ignoreChanges, customTimeouts,
 * deletedWith, dependsOn, …) with the roster as parent, and the person's overrides. Left out:
 * what names the roster itself (aliases, urn) and what a child already inherits through its
 * parent (providers, transformations, transforms), which would otherwise apply twice or fail.
 */
function childOptions(
  roster: pulumi.ComponentResource,
  opts: pulumi.ComponentResourceOptions | undefined,
  overrides: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
  const {
    aliases: _aliases,
    urn: _urn,
    providers: _providers,
    provider: _provider,
    transformations: _t,
    transforms: _ts,
    ...own
  } = opts ?? {};
  return pulumi.mergeOptions(pulumi.mergeOptions(own, { parent: roster }), overrides);
}

/**
 * Each declared email → the role name it declares, for the guardrails; a roleId is named through
 * the organization's roles (read only when someone declares one).
 */
async function declaredRoleNames(
  client: ReturnType<typeof programQovery>["client"],
  organizationId: string,
  people: RosterPerson[],
): Promise<Map<string, string | undefined>> {
  const roles = people.some((person) => person.roleId !== undefined) ? await client.listRoles(organizationId) : [];
  const nameOf = (roleId: string) => findRole(roles, { by: "id", roleId })?.name;
  return new Map(
    people.map((person) => [normalizeEmail(person.email), person.roleName ?? (person.roleId ? nameOf(person.roleId) : undefined)]),
  );
}

/** A downgradeRoleName the organization lacks (or roles that cannot be read) refuses the run, before anything is deleted. */
async function downgradeRoleRefusal(name: string, organizationId: string, roleName: string): Promise<Refusal | undefined> {
  const request = { by: "name", roleName } as const;
  let reason: string;
  try {
    const roles = await programQovery().client.listRoles(organizationId);
    if (findRole(roles, request)) return undefined;
    reason = new UnknownDowngradeRoleError(new UnknownRoleError(request, organizationId, roles)).message;
  } catch (error) {
    reason = `downgradeRoleName "${roleName}" could not be checked against the roles of organization ${organizationId}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { property: "downgradeRoleName", reason: `OrganizationRoster "${name}": ${reason}` };
}
