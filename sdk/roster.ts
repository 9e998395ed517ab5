/**
 * OrganizationRoster: the people of one organization as one list. Each person becomes an
 * OrganizationInvitation child named after their email (in lower case), so removing one line
 * deletes exactly that person's invitation, and reordering the list changes nothing.
 *
 * It also reviews the organization's access on every preview and up (one read per roster, program
 * side, with one client on the provider's credentials): members and invitations it does not
 * declare are listed in `unmanagedMembers` / `unmanagedInvitations` and printed as a warning
 * (`unmanaged: "report"`, the default), or removed on `pulumi up` (`unmanaged: "remove"`): then one
 * UnmanagedAccessRemoval child, `<roster>:unmanaged`, names each removal in an input of its own
 * (`remove-member:<email>`, `remove-invitation:<email>`), so the preview lists every removal before
 * anything happens, and shows no change once nothing is left to remove. The organization owner,
 * the member the API token belongs to (when the token is a JWT naming it) and the emails of `keep`
 * are never removed. Before declaring any removal, the guardrails (maxRemovals, minAdmins, the
 * token's member) are checked; what breaks one, a review that cannot run in remove mode and a
 * downgradeRoleName that names no role are refusals, handed to the child `<roster>:guardrails`
 * (RosterGuard), whose check fails with them. The people and the removals depend on that child,
 * so a refused preview or up stops before anyone is updated, deleted or removed.
 *
 * What to do is decided by the pure planner core/roster-plan.ts (children's names and inputs,
 * review, refusals, removals, warnings); this component only reads the organization, registers the
 * children the plan names and prints its warnings.
 *
 * The removal child is registered inside the read's `apply`, once the organization has been read:
 * each removal is a property name of its own (so the preview lists it by email), and a resource's
 * property names must be known when it is registered. This is safe for previews because remove
 * mode needs organizationId as a plain string: the apply then runs in every preview as in every
 * up, so the preview shows the child and each removal exactly as the up will. The guard and the
 * people do not depend on those names and are registered at once.
 *
 * The roster's own resource options (retainOnDelete, protect, ignoreChanges, customTimeouts,
 * deletedWith, …) reach every child; see childOptions.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  DEFAULT_DOWNGRADE_ROLE,
  DEFAULT_MIN_ADMINS,
  DYNAMIC_ROSTER_TYPE,
  fetchOrganizationAccess,
  MAX_REMOVALS_CONFIG_KEY,
  MAX_REMOVALS_ENV,
  messageOf,
  normalizeEmail,
  planRoster,
  rosterChildren,
  rosterReadNeeds,
  type QoveryConnection,
  type Reading,
  type ReviewedInvitation,
  type ReviewedMember,
  type RosterOrganization,
  type RosterPerson,
  type RosterPlan,
} from "../core";
import { programQovery } from "./access-lookup";
import {
  OrganizationInvitation,
  type InvitationStatus,
  type OnDelete,
  type OnExpired,
  type OrganizationInvitationArgs,
} from "./invitation";
import { checkRosterArgs, type UnmanagedPolicy } from "./roster-args";
import { UnmanagedAccessRemoval, type UnmanagedAccessRemovalArgs } from "./removal";
import { RosterGuard, type RosterGuardArgs } from "./roster-guard";

export type { UnmanagedPolicy } from "./roster-args";

/**
 * A roster's arguments in TypeScript. Their checks, and their types and descriptions in the other
 * languages, come from their definition (core/definitions/roster.ts), which names the same arguments.
 */
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

type ResourceClass<A, R extends pulumi.CustomResource = pulumi.CustomResource> = new (
  name: string,
  args: A,
  opts?: pulumi.CustomResourceOptions,
) => R;

/**
 * What a roster is made of, which the dynamic roster (this file) and the native plugin's roster
 * (sdk/native/constructed-roster.ts) fill in differently: its type, its children's classes, and the
 * credentials it reads its organization with.
 */
export interface RosterParts<I extends pulumi.CustomResource & { invitationStatus: pulumi.Output<InvitationStatus> }> {
  type: string;
  Invitation: ResourceClass<OrganizationInvitationArgs, I>;
  Removal: ResourceClass<UnmanagedAccessRemovalArgs>;
  Guard: ResourceClass<RosterGuardArgs>;
  connect(): QoveryConnection;
}

const DYNAMIC_PARTS: RosterParts<OrganizationInvitation> = {
  type: DYNAMIC_ROSTER_TYPE,
  Invitation: OrganizationInvitation,
  Removal: UnmanagedAccessRemoval,
  Guard: RosterGuard,
  connect: programQovery,
};

/** The roster's mechanism, whatever its parts; see the file's comment. */
export class RosterComponent<I extends pulumi.CustomResource & { invitationStatus: pulumi.Output<InvitationStatus> }>
  extends pulumi.ComponentResource
{
  /** One invitation per person, keyed by email in lower case. */
  public readonly invitations: Record<string, I>;
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

  constructor(parts: RosterParts<I>, name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    checkRosterArgs(name, args);
    super(parts.type, name, {}, opts);
    const children = rosterChildren(name, args);
    const planArgs = {
      name,
      people: args.people,
      unmanaged: args.unmanaged ?? "report",
      keep: (args.keep ?? []).map(normalizeEmail),
      maxRemovals: args.maxRemovals,
      maxRemovalsOverrides: { config: pulumi.runtime.getConfig(MAX_REMOVALS_CONFIG_KEY), env: process.env[MAX_REMOVALS_ENV] },
      minAdmins: args.minAdmins ?? DEFAULT_MIN_ADMINS,
      downgradeRoleName: args.onDelete === "downgrade" ? (args.downgradeRoleName ?? DEFAULT_DOWNGRADE_ROLE) : undefined,
    };
    const plan: pulumi.Output<RosterPlan> = pulumi.output(args.organizationId).apply(async (organizationId) => {
      const planned = planRoster(await readOrganization(parts.connect, organizationId, rosterReadNeeds(planArgs)), planArgs);
      // Declared on every run in remove mode that is not refused, so that it shows no change once nothing is left to remove.
      if (planned.removals) {
        new parts.Removal(
          children.removal,
          { organizationId, removals: planned.removals },
          childOptions(this, opts, { dependsOn: [guard!] }),
        );
      }
      for (const warning of planned.warnings) await pulumi.log.warn(warning, this);
      return planned;
    });
    // Registered first, so that every person can depend on it: a refusal stops the run before anyone is touched.
    const guard: pulumi.CustomResource | undefined = children.guard
      ? new parts.Guard(
          children.guard,
          { organizationId: args.organizationId, refusals: plan.apply((planned) => planned.refusals) },
          childOptions(this, opts),
        )
      : undefined;

    this.invitations = {};
    for (const { childName, retainOnDelete, ...person } of children.people) {
      const own: pulumi.CustomResourceOptions = guard ? { dependsOn: [guard] } : {};
      if (retainOnDelete !== undefined) own.retainOnDelete = retainOnDelete;
      this.invitations[person.email] = new parts.Invitation(
        childName,
        { organizationId: args.organizationId, ...person },
        childOptions(this, opts, own),
      );
    }
    const entries = Object.entries(this.invitations).map(([email, invitation]) =>
      invitation.invitationStatus.apply((status) => [email, status] as const),
    );
    this.statuses = pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));

    this.unmanagedMembers = plan.apply(({ unmanaged }) => unmanaged?.members);
    this.unmanagedInvitations = plan.apply(({ unmanaged }) => unmanaged?.invitations);
    this.registerOutputs({
      statuses: this.statuses,
      unmanagedMembers: this.unmanagedMembers,
      unmanagedInvitations: this.unmanagedInvitations,
    });
  }
}

export class OrganizationRoster extends RosterComponent<OrganizationInvitation> {
  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DYNAMIC_PARTS, name, args, opts);
  }
}

/**
 * The roster's one read of its organization, with one client (its credentials): its members and
 * invitations, its roles when the plan needs them, and who the client's token belongs to. A
 * failure is handed to the plan, which decides whether it is a warning or a refusal.
 */
async function readOrganization(
  connect: () => QoveryConnection,
  organizationId: string,
  needs: { roles: boolean },
): Promise<RosterOrganization> {
  let connection: QoveryConnection;
  try {
    connection = connect();
  } catch (error) {
    const failure = { failure: messageOf(error) };
    return { organizationId, access: failure, roles: needs.roles ? failure : undefined };
  }
  const { client, token } = connection;
  const [access, roles] = await Promise.all([
    settle(fetchOrganizationAccess(client, organizationId)),
    needs.roles ? settle(client.listRoles(organizationId)) : undefined,
  ]);
  return { organizationId, access, roles, token };
}

async function settle<T>(promise: Promise<T>): Promise<Reading<T>> {
  try {
    return { value: await promise };
  } catch (error) {
    return { failure: messageOf(error) };
  }
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
