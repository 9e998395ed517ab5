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
 * removed. See sdk/access.ts for how each entry stands.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  describeInvitation,
  describeMember,
  fetchOrganizationAccess,
  normalizeEmail,
  removableAccess,
  reviewAccess,
  undeclaredAccess,
  unmanagedAccess,
  type AccessReview,
  type ReviewedInvitation,
  type ReviewedMember,
} from "./access";
import { programQovery } from "./access-lookup";
import { OrganizationInvitation, type InvitationStatus, type OnExpired } from "./invitation";
import type { RosterPerson } from "./people-file";
import { removalKey } from "../provider/lifecycle/removal";
import { UnmanagedAccessRemoval } from "./removal";

/** What a roster does with access it does not declare. */
export type UnmanagedPolicy = "report" | "remove";
const UNMANAGED_POLICIES: readonly UnmanagedPolicy[] = ["report", "remove"];

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
    this.invitations = {};
    for (const person of args.people) {
      const email = person.email.trim().toLowerCase();
      this.invitations[email] = new OrganizationInvitation(
        `${args.childNamePrefix ?? ""}${email}`,
        {
          organizationId: args.organizationId,
          email,
          roleName: person.roleName,
          roleId: person.roleId,
          onExpired: person.onExpired ?? args.onExpired,
        },
        { parent: this },
      );
    }
    const entries = Object.entries(this.invitations).map(([email, invitation]) =>
      invitation.invitationStatus.apply((status) => [email, status] as const),
    );
    this.statuses = pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));

    const review = pulumi.output(args.organizationId).apply((organizationId) =>
      this.reviewUnmanagedAccess(name, {
        organizationId,
        policy,
        keep,
        declared: Object.keys(this.invitations),
        childNamePrefix: args.childNamePrefix ?? "",
      }),
    );
    this.unmanagedMembers = review.apply((result) => (result ? unmanagedAccess(result).members : undefined));
    this.unmanagedInvitations = review.apply((result) => (result ? unmanagedAccess(result).invitations : undefined));
    this.registerOutputs({
      statuses: this.statuses,
      unmanagedMembers: this.unmanagedMembers,
      unmanagedInvitations: this.unmanagedInvitations,
    });
  }

  /**
   * Lists the organization's access and compares it with the roster. Reports the findings, or
   * declares the removal of every removable finding. In report mode a failed review is a warning (the
   * review is information; the people are still managed); in remove mode it fails the program,
   * since an authoritative roster cannot be applied without knowing what to remove.
   */
  private async reviewUnmanagedAccess(
    name: string,
    options: { organizationId: string; policy: UnmanagedPolicy; keep: string[]; declared: string[]; childNamePrefix: string },
  ): Promise<AccessReview | undefined> {
    const { organizationId, policy } = options;
    let review: AccessReview;
    try {
      const { client, token } = programQovery();
      const access = await fetchOrganizationAccess(client, organizationId);
      review = reviewAccess(access, { declared: options.declared, keep: options.keep, token });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (policy === "remove") {
        throw new Error(
          `OrganizationRoster "${name}" (unmanaged: "remove") could not review access to organization ${organizationId}, so nothing is removed: ${reason}`,
          { cause: error },
        );
      }
      await pulumi.log.warn(`OrganizationRoster "${name}" could not review access to organization ${organizationId}: ${reason}`, this);
      return undefined;
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
      return review;
    }

    const removable = removableAccess(review);
    // Declared on every run in remove mode, so that it shows no change once nothing is left to remove.
    new UnmanagedAccessRemoval(
      `${options.childNamePrefix}${name}:unmanaged`,
      { organizationId, removals: removalKeys(removable) },
      { parent: this },
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
    return review;
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

/** Refuses arguments that cannot be applied as a whole, naming every problem, before anything is registered. */
function checkRosterArgs(name: string, args: OrganizationRosterArgs): void {
  const problems: string[] = [];
  if (!Array.isArray(args.people)) {
    problems.push("people must be a list of { email, roleName }");
  } else {
    const seen = new Map<string, number>();
    args.people.forEach((person, index) => {
      if (typeof person?.email !== "string" || person.email.trim() === "") {
        problems.push(`people[${index}].email is required`);
        return;
      }
      const email = person.email.trim().toLowerCase();
      seen.set(email, (seen.get(email) ?? 0) + 1);
    });
    const repeated = [...seen].filter(([, count]) => count > 1).map(([email]) => email);
    if (repeated.length > 0) problems.push(`each email may appear once; repeated: ${repeated.join(", ")}`);
  }
  const policy = args.unmanaged ?? "report";
  if (!UNMANAGED_POLICIES.includes(policy)) problems.push(`unmanaged must be "report" or "remove"; got "${String(policy)}"`);
  if (policy === "remove" && typeof args.organizationId !== "string") {
    problems.push(
      `unmanaged "remove" needs organizationId as a plain string (such as a config value), ` +
        `so that \`pulumi preview\` can list the removals before anything happens`,
    );
  }
  for (const email of args.keep ?? []) {
    if (typeof email !== "string" || !email.includes("@")) problems.push(`keep must list email addresses; got "${String(email)}"`);
  }
  if (problems.length > 0) throw new Error(`OrganizationRoster "${name}": ${problems.join("; ")}`);
}
