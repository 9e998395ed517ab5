/**
 * `pulumi import` of an OrganizationInvitation (native plugin only: a dynamic resource cannot be
 * imported). The id names the person, `<organizationId>/<email>`; the person's member entry, else
 * their pending invitation, becomes the state, and nothing is written to Qovery: no email is
 * sent, no role changed. The inputs recorded are those a program declaring the person with
 * `roleName` would have after check, so that the program previews with no change.
 */
import {
  EXAMPLE_UUID,
  isEmailAddress,
  isUuid,
  membersWithEmail,
  normalizeEmail,
  pendingInvitationFor,
  QoveryInvitationsError,
  type InvitationInputs,
  type Role,
} from "../../core";
import type { LifecycleContext } from "../shared/context";
import { resourceId, type InvitationOutputs } from "./model";
import { invitationOutputs, memberOutputs } from "./outputs";

export interface ImportResult {
  id: string;
  props: InvitationOutputs;
  inputs: InvitationInputs;
}

const IMPORT_ADVICE = "Give <organizationId>/<email> of a member or of someone invited; declare anyone else and run `pulumi up`.";

export class ImportIdError extends QoveryInvitationsError {
  constructor(id: string, message: string) {
    super({ code: "IMPORT_ID", subject: id, message, advice: IMPORT_ADVICE });
    this.name = "ImportIdError";
  }
}

/** The organization and the email an import id names, or a failure saying what was expected. */
export function parseImportId(id: string): { organizationId: string; email: string } {
  const expected = `expected <organizationId>/<email>, such as ${EXAMPLE_UUID}/jane@example.com`;
  const slash = id.indexOf("/");
  const organizationId = slash < 0 ? "" : id.slice(0, slash).trim();
  const email = slash < 0 ? "" : normalizeEmail(id.slice(slash + 1));
  const problems = [
    ...(slash < 0 ? [`it has no "/"`] : []),
    ...(slash >= 0 && !isUuid(organizationId) ? [`"${organizationId}" is not a UUID`] : []),
    ...(slash >= 0 && !isEmailAddress(email) ? [`"${id.slice(slash + 1)}" is not an email address`] : []),
  ];
  if (problems.length > 0) throw new ImportIdError(id, `Cannot import "${id}": ${problems.join(", ")}; ${expected}.`);
  return { organizationId, email };
}

export async function importInvitation(ctx: LifecycleContext, id: string): Promise<ImportResult> {
  const { organizationId, email } = parseImportId(id);
  const declared = { organizationId, email, onExpired: "keep" as const };
  const [members, invitations] = await Promise.all([ctx.members.current(organizationId), ctx.invitations.current(organizationId)]);
  const [member] = membersWithEmail(members, email);
  if (member) {
    const role = await roleOf(ctx, organizationId, { id: member.roleId ?? "", name: member.roleName ?? "" });
    return imported(declared, memberOutputs(declared, role, member));
  }
  const invitation = pendingInvitationFor(invitations, email);
  if (invitation) {
    const role = await roleOf(ctx, organizationId, { id: invitation.roleId ?? "", name: invitation.roleName ?? "" });
    return imported(declared, invitationOutputs(declared, role, invitation));
  }
  throw new ImportIdError(
    id,
    `Cannot import "${id}": ${email} is neither a member of organization ${organizationId} nor invited to it (no pending invitation). ` +
      "Declare the person in the program and run `pulumi up` to invite them.",
  );
}

/** Qovery lists a role's id or name on some entries only: the other half comes from the role list. */
async function roleOf(ctx: LifecycleContext, organizationId: string, listed: Role): Promise<Role> {
  if (listed.id && listed.name) return listed;
  const roles = await ctx.roles.current(organizationId);
  const known = roles.find((role) => role.id === listed.id || role.name.toLowerCase() === listed.name.toLowerCase());
  return known ?? listed;
}

function imported(declared: { organizationId: string; email: string; onExpired: "keep" }, props: InvitationOutputs): ImportResult {
  return {
    id: resourceId(declared.organizationId, declared.email),
    props,
    inputs: { ...declared, roleName: props.roleName },
  };
}
