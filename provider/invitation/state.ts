/**
 * What the engine hands the provider, parsed instead of cast: the checked inputs (create,
 * update) and the state of an earlier run (diff, read, update, delete). Older states are
 * tolerated (a missing onExpired is "keep", unknown keys are kept as they are); a state that
 * lacks what a decision needs fails naming the person, the fields and what to do.
 */
import { z } from "zod";
import {
  invitationInputsSchema,
  invitationOutputsSchema,
  QoveryInvitationsError,
  withoutUndefined,
  type InvitationInputs,
  type InvitationOutputs,
} from "../../core";

/** A state as diff reads it: every field may be missing (diff decides from what is there). */
const diffStateSchema = invitationOutputsSchema.partial();

export class BrokenStateError extends QoveryInvitationsError {
  constructor(what: string, email: unknown, issues: z.core.$ZodIssue[]) {
    const fields = issues.map((issue) => `${issue.path.join(".") || "(all)"}: ${issue.message}`).join("; ");
    const person = typeof email === "string" ? ` of ${email}` : "";
    const advice =
      "If the state was edited by hand, restore it with `pulumi stack import`, " +
      "or remove the resource from the state with `pulumi state delete` and let the next `up` adopt the person.";
    super({
      code: "BROKEN_STATE",
      subject: `the ${what}${person}`,
      message: `The ${what}${person} cannot be used (${fields}). ${advice}`,
      advice,
    });
    this.name = "BrokenStateError";
  }
}

/** The state of an earlier run. */
export function invitationState(props: Record<string, unknown>): InvitationOutputs {
  const parsed = invitationOutputsSchema.safeParse(props);
  if (!parsed.success) throw new BrokenStateError("recorded state", props.email, parsed.error.issues);
  return withoutUndefined(parsed.data);
}

/** The inputs after check. */
export function invitationInputs(inputs: Record<string, unknown>): InvitationInputs {
  const parsed = invitationInputsSchema.safeParse(inputs);
  if (!parsed.success) throw new BrokenStateError("inputs", inputs.email, parsed.error.issues);
  return withoutUndefined(parsed.data);
}

/** The state of an earlier run as diff reads it: what is there, parsed. */
export function invitationDiffState(props: Record<string, unknown>): Partial<InvitationOutputs> {
  const parsed = diffStateSchema.safeParse(props);
  if (!parsed.success) throw new BrokenStateError("recorded state", props.email, parsed.error.issues);
  return withoutUndefined(parsed.data);
}
