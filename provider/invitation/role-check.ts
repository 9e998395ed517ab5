/**
 * The half of check that asks Qovery: does the role a resource asks for (and the role
 * `onDelete: "downgrade"` would give) exist in its organization? A typo then fails `pulumi preview`, on the role's field and naming the person,
 * instead of failing `pulumi up` halfway. Every resource of the program is checked in the same
 * preview, against one roles request per organization (the command's copy, Directory.current),
 * which create then reuses.
 *
 * It is skipped, with a warning, where it cannot be done: no API token at preview time (a pull
 * request from a fork gets no secrets), or an organization or role not known yet. create checks
 * the role again either way. The owner's role is checked against the member list (read once per
 * organization, only when someone asks for that role): only the owner may be declared with it.
 * Every other failure (a token without rights, an unknown organization, an API that keeps
 * failing) fails the preview with the same error `up` would give.
 */
import {
  asksForOwner,
  findRole,
  isOwnerRoleName,
  isUnknown,
  type Member,
  namingEmail,
  ownerEmails,
  type InvitationInputs,
  type ProgramRoleAsk,
  type Role,
  roleInputOf,
  type RoleRequest,
  UnknownRoleError,
} from "../../core";
import type { LifecycleContext } from "../shared/context";
import type { CheckFailure } from "../shared/resource";
import { ownerFor } from "./owner";
import { whoAsks } from "./program-roles";

/** The inputs the role check reads, as check parsed them (those that passed). */
export type RoleCheckInputs = Partial<
  Pick<InvitationInputs, "organizationId" | "email" | "roleId" | "roleName" | "role" | "onDelete" | "downgradeRoleName">
>;

/** Why the roles could not be checked, or the context to check them with. */
export type RoleCheckContext = LifecycleContext | { unavailable: string };

/** One organization's roles, and its members, read only when someone asks for the owner's role. */
interface Organization {
  id: string;
  roles: Role[];
  members(): Promise<Member[]>;
}

export async function checkRole(
  source: RoleCheckContext,
  inputs: RoleCheckInputs,
  programAsks: ProgramRoleAsk[],
  warnOnce: (message: string) => void,
): Promise<CheckFailure[]> {
  const asked = roleInputOf(inputs);
  if (!asked) return [];
  if ("unavailable" in source) {
    warnOnce(`Roles were not checked against Qovery: ${source.unavailable}. \`pulumi up\` checks each role before inviting.`);
    return [];
  }
  const { organizationId, email } = inputs;
  if (organizationId === undefined || isUnknown(organizationId) || asked.unknown) {
    warnOnce(
      "Roles were not checked against Qovery for resources whose organizationId or role is not known until `pulumi up`; " +
        "`pulumi up` checks each role before inviting.",
    );
    return [];
  }
  const person = email !== undefined && !isUnknown(email) ? email : undefined;
  const failNamingPerson = (error: unknown): never => {
    throw namingEmail(error, person);
  };
  const organization: Organization = {
    id: organizationId,
    roles: await source.roles.current(organizationId).catch(failNamingPerson),
    members: () => source.members.current(organizationId).catch(failNamingPerson),
  };
  const failures: CheckFailure[] = [];
  const problem = await requestProblem(organization, asked.request, person);
  if (problem) failures.push({ property: asked.property, reason: problem + (await everyMisfitAsk(programAsks, organization)) });
  const downgrade = downgradeProblem(organization, inputs, person);
  if (downgrade) failures.push({ property: "downgradeRoleName", reason: downgrade });
  return failures;
}

/** Why the organization cannot give the role `onDelete: "downgrade"` would give, if it cannot. */
function downgradeProblem(organization: Organization, inputs: RoleCheckInputs, email: string | undefined): string | undefined {
  const { onDelete, downgradeRoleName } = inputs;
  if (onDelete !== "downgrade" || downgradeRoleName === undefined || isUnknown(downgradeRoleName)) return undefined;
  // "owner" is refused by check, without Qovery.
  if (isOwnerRoleName(downgradeRoleName)) return undefined;
  const request: RoleRequest = { by: "name", roleName: downgradeRoleName };
  if (findRole(organization.roles, request)) return undefined;
  return new UnknownRoleError(request, organization.id, organization.roles, email).message;
}

/**
 * Why the organization cannot give this person this role, if it cannot: a role it does not have,
 * or the owner's role for someone who is not the owner. An email known only at `up` is not
 * checked against the owner's (create does it).
 */
async function requestProblem(organization: Organization, request: RoleRequest, email: string | undefined): Promise<string | undefined> {
  const { id, roles } = organization;
  if (!asksForOwner(roles, request)) return findRole(roles, request) ? undefined : new UnknownRoleError(request, id, roles, email).message;
  if (email === undefined) return undefined;
  const found = ownerFor(await organization.members(), roles, request, { organizationId: id, email });
  return "refusal" in found ? found.refusal.message : undefined;
}

/**
 * The engine stops at this first invalid resource, so its failure names every role of the
 * program that the organization does not have, and every ask for the owner's role by someone
 * other than the owner, with who asks for it.
 */
async function everyMisfitAsk(asks: ProgramRoleAsk[], organization: Organization): Promise<string> {
  const misfits: string[] = [];
  for (const ask of asks) {
    const asked = roleInputOf(ask);
    if (!asked || asked.unknown) continue;
    const named = `${asked.property} "${String(ask[asked.property])}"`;
    if (asksForOwner(organization.roles, asked.request)) {
      const owners = ownerEmails(await organization.members());
      // One email is the owner's at most, so two people asking means someone else does.
      if (ask.people > 1 || !owners.includes(ask.emails[0] ?? "")) {
        misfits.push(`${named} (${whoAsks(ask)}; only the owner${owners.length > 0 ? `, ${owners.join(", ")},` : ""} can have it)`);
      }
    } else if (!findRole(organization.roles, asked.request)) {
      misfits.push(`${named} (${whoAsks(ask)})`);
    }
  }
  if (misfits.length === 0) return "";
  return ` Every role this program asks for that organization ${organization.id} does not have: ${misfits.join("; ")}.`;
}
