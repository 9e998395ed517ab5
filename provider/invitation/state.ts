/**
 * What the engine hands the provider, parsed instead of cast: the checked inputs (create,
 * update) and the state of an earlier run (diff, read, update, delete). Older states are
 * tolerated (a missing onExpired is "keep", unknown keys are kept as they are); a state that
 * lacks what a decision needs fails naming the person, the fields and what to do.
 */
import { z } from "zod";
import { LEGACY_ROLES, ON_DELETE_POLICIES, ON_EXPIRED_POLICIES, withoutUndefined } from "../../core";
import { type InvitationInputs, type InvitationOutputs } from "./model";

const text = z.string().min(1);
const optionalText = z.string().optional();
const legacyRole = z.enum(Object.keys(LEGACY_ROLES) as [keyof typeof LEGACY_ROLES, ...(keyof typeof LEGACY_ROLES)[]]).optional();

const declared = {
  organizationId: text,
  email: text,
  onExpired: z.enum(ON_EXPIRED_POLICIES).default("keep"),
  onDelete: z.enum(ON_DELETE_POLICIES).optional(),
  downgradeRoleName: optionalText,
  role: legacyRole,
};

const outputsSchema = z.looseObject({
  ...declared,
  // Empty for an owner whose member entry names no role id (provider/invitation/owner.ts).
  roleId: z.string(),
  roleName: text,
  invitationStatus: z.enum(["PENDING", "EXPIRED", "ACCEPTED"]),
  invitationId: optionalText,
  invitationLink: optionalText,
  inviter: optionalText,
  createdAt: optionalText,
  organizationName: optionalText,
  memberId: optionalText,
  roleChangedAt: optionalText,
});

const inputsSchema = z.looseObject({ ...declared, roleId: optionalText, roleName: optionalText });

export class BrokenStateError extends Error {
  constructor(what: string, email: unknown, issues: z.core.$ZodIssue[]) {
    const fields = issues.map((issue) => `${issue.path.join(".") || "(all)"}: ${issue.message}`).join("; ");
    const person = typeof email === "string" ? ` of ${email}` : "";
    super(
      `The ${what}${person} cannot be used (${fields}). If the state was edited by hand, restore it with ` +
        "`pulumi stack import`, or remove the resource from the state with `pulumi state delete` and let the next `up` adopt the person.",
    );
    this.name = "BrokenStateError";
  }
}

/** The state of an earlier run. */
export function invitationState(props: Record<string, unknown>): InvitationOutputs {
  const parsed = outputsSchema.safeParse(props);
  if (!parsed.success) throw new BrokenStateError("recorded state", props.email, parsed.error.issues);
  return withoutUndefined(parsed.data) as InvitationOutputs;
}

/** The inputs after check. */
export function invitationInputs(inputs: Record<string, unknown>): InvitationInputs {
  const parsed = inputsSchema.safeParse(inputs);
  if (!parsed.success) throw new BrokenStateError("inputs", inputs.email, parsed.error.issues);
  return withoutUndefined(parsed.data) as InvitationInputs;
}
