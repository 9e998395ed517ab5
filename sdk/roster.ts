/**
 * OrganizationRoster: the people of one organization as one list. Each person becomes an
 * OrganizationInvitation child named after their email (in lower case), so removing one line
 * deletes exactly that person's invitation, and reordering the list changes nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation, type InvitationStatus, type OnExpired } from "./invitation";
import type { RosterPerson } from "./people-file";

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
}

export class OrganizationRoster extends pulumi.ComponentResource {
  /** One invitation per person, keyed by email in lower case. */
  public readonly invitations: Record<string, OrganizationInvitation>;
  /** Email (lower case) → PENDING, EXPIRED or ACCEPTED. */
  public readonly statuses: pulumi.Output<Record<string, InvitationStatus>>;

  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("qovery:index:OrganizationRoster", name, {}, opts);
    assertUniqueEmails(name, args.people);
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
    this.registerOutputs({ statuses: this.statuses });
  }
}

function assertUniqueEmails(roster: string, people: RosterPerson[]): void {
  const seen = new Map<string, number>();
  for (const person of people) {
    const email = (person.email ?? "").trim().toLowerCase();
    seen.set(email, (seen.get(email) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([email]) => email);
  if (duplicates.length > 0) {
    throw new Error(`OrganizationRoster "${roster}": each email may appear once; repeated: ${duplicates.join(", ")}`);
  }
}
