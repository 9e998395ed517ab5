/**
 * The roles that the OrganizationInvitations of this program ask for, per organization. The
 * Pulumi engine checks resources one after another and stops at the first invalid one, so the
 * provider's role check (provider/invitation/role-check.ts) alone could name only the first role
 * typo of a preview. Each resource therefore carries the program's distinct role requests for its
 * organization (a few strings, with up to three emails each) in the internal input
 * `__programRoles`, and the first check that fails names every unknown role at once. check
 * drops that input: it never reaches the state or a diff.
 *
 * Only literal values are collected (an organization or a role known only at `up` is checked by
 * its own resource), from the resources built before the program's next turn of the event loop:
 * those of the program's main code, rosters and people files included.
 */
import * as pulumi from "@pulumi/pulumi";
import { normalizeEmail, PROGRAM_ROLES_INPUT, type ProgramRoleAsk } from "../core";
import type { OrganizationInvitationArgs } from "./invitation";

const EMAILS_PER_ASK = 3;

interface Collected {
  ask: Omit<ProgramRoleAsk, "emails" | "people">;
  emails: string[];
  people: number;
}

/** The asks of the resources built in this turn of the event loop; a new batch starts after it. */
const asksByOrganization = new Map<string, Map<string, Collected>>();

/** What a resource's arguments say about the role it asks for. */
type RoleAskArgs = Pick<OrganizationInvitationArgs, "organizationId" | "email" | "roleName" | "roleId" | "role">;

/** Records the resource's role request and gives the input that carries the program's requests. */
export function programRoleInput(args: RoleAskArgs): Record<string, pulumi.Input<ProgramRoleAsk[]>> {
  const { organizationId, email } = args;
  const ask = literalAsk(args);
  if (typeof organizationId !== "string" || typeof email !== "string" || !ask) return {};
  // The batch is forgotten once its snapshots are taken, so that another program run in the same
  // process (the Automation API's inline programs) starts from nothing.
  if (asksByOrganization.size === 0) setImmediate(() => asksByOrganization.clear());
  const organization = organizationId.trim().toLowerCase();
  const asks = asksByOrganization.get(organization) ?? new Map<string, Collected>();
  asksByOrganization.set(organization, asks);
  const key = JSON.stringify(ask);
  const collected = asks.get(key) ?? { ask, emails: [], people: 0 };
  asks.set(key, collected);
  collected.people += 1;
  if (collected.emails.length < EMAILS_PER_ASK) collected.emails.push(normalizeEmail(email));
  const snapshot = new Promise<ProgramRoleAsk[]>((resolve) =>
    setImmediate(() => resolve([...asks.values()].map(({ ask: asked, emails, people }) => ({ ...asked, emails: [...emails], people })))),
  );
  return { [PROGRAM_ROLES_INPUT]: snapshot };
}

function literalAsk(args: RoleAskArgs): Collected["ask"] | undefined {
  if (args.roleId !== undefined) return typeof args.roleId === "string" ? { roleId: args.roleId } : undefined;
  if (args.roleName !== undefined) return typeof args.roleName === "string" ? { roleName: args.roleName } : undefined;
  if (args.role !== undefined) return typeof args.role === "string" ? { role: args.role } : undefined;
  return undefined;
}
