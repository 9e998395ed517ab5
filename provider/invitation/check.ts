/**
 * check: validates and normalizes a program's inputs without calling Qovery, with the
 * definition's check schemas, each input parsed once. Every failure is returned by property name,
 * so `pulumi preview` lists them all before anything is applied. Values not known yet (preview)
 * pass through untouched. Inputs the definition does not declare (`__provider`) are kept as they
 * are.
 */
import {
  allowingUnknowns,
  DEFAULT_DOWNGRADE_ROLE,
  downgradeRoleProblem,
  failuresOf,
  invitationCheckShape,
  INVITATION_ROLE_INPUTS,
  parseFields,
  withoutUndefined,
  type InvitationInputs,
} from "../../core";
import type { CheckFailure, Props } from "../shared/resource";

/**
 * What check makes of a program's inputs: the inputs Pulumi gets back (checked, or as given when
 * something failed), the failures, and the inputs that passed, which the role check reads.
 */
type CheckedInputs =
  | { inputs: InvitationInputs; valid: InvitationInputs; failures: [] }
  | { inputs: Props; valid: Partial<InvitationInputs>; failures: CheckFailure[] };

const fields = invitationCheckShape;

/** Empty strings and nulls stand for "not given". */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * The rules between inputs, over the inputs given and those that passed; checked whatever else
 * fails, so that every problem is named at once. An onDelete that failed has its own failure.
 */
function crossChecks(news: Props, valid: Partial<InvitationInputs>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const roles = INVITATION_ROLE_INPUTS.filter((name) => name in news);
  if (roles.length === 0) {
    failures.push({ property: "roleName", reason: 'one of roleName (e.g. "admin"), roleId (a role UUID) or role is required' });
  }
  if (roles.length > 1)
    failures.push({ property: roles[1]!, reason: `give only one of roleName, roleId and role; got ${roles.join(" and ")}` });
  const { onDelete, downgradeRoleName } = valid;
  const onDeleteFailed = "onDelete" in news && onDelete === undefined;
  const downgradeProblem =
    downgradeRoleName === undefined || onDeleteFailed ? undefined : downgradeRoleProblem(onDelete, downgradeRoleName);
  if (downgradeProblem) failures.push({ property: "downgradeRoleName", reason: downgradeProblem });
  return failures;
}

export function check(raw: Props): CheckedInputs {
  const news = Object.fromEntries(Object.entries(raw).filter(([key, value]) => !(key in fields) || given(value)));
  const parsed = parseFields(allowingUnknowns(fields, news), news);
  const valid = parsed.success ? parsed.data : parsed.valid;
  const failures = [...(parsed.success ? [] : failuresOf(parsed.issues)), ...crossChecks(news, valid)];
  if (!parsed.success || failures.length > 0) return { inputs: withoutUndefined(news), valid, failures };
  const undeclared = Object.fromEntries(Object.entries(news).filter(([key]) => !(key in fields)));
  const inputs: InvitationInputs = { ...undeclared, ...parsed.data };
  // Recorded in state, so that a deletion knows which role it gives.
  if (inputs.onDelete === "downgrade") inputs.downgradeRoleName ??= DEFAULT_DOWNGRADE_ROLE;
  return { inputs, valid: inputs, failures: [] };
}
