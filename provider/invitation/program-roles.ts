/**
 * The program's role requests for one organization, as sdk/role-asks.ts sends them with every
 * OrganizationInvitation in the internal input `__programRoles`: each distinct roleName, roleId
 * or role asked for, with up to three of the emails that ask for it and how many people do.
 * check reads and drops it (see role-check.ts). The input's name and shape are in core/contract.ts.
 */
import { PROGRAM_ROLES_INPUT, programRoleAskSchema, validEntries, type ProgramRoleAsk } from "../../core";

/** The asks as check reads them; a malformed one is ignored (the role check is a help, not a gate). */
const programRoleAsks = validEntries(programRoleAskSchema);

/** The asks in a resource's raw inputs, and the inputs without them. Malformed entries are ignored. */
export function takeProgramRoles(news: Record<string, unknown>): { asks: ProgramRoleAsk[]; rest: Record<string, unknown> } {
  const { [PROGRAM_ROLES_INPUT]: raw, ...rest } = news;
  return { asks: programRoleAsks.parse(raw), rest };
}

/** `bob@example.com`, or `cy@example.com, dan@example.com and 2 more`. */
export function whoAsks(ask: ProgramRoleAsk): string {
  const more = ask.people - ask.emails.length;
  return more > 0 ? `${ask.emails.join(", ")} and ${more} more` : ask.emails.join(", ");
}
