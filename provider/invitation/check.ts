/**
 * check: validates and normalizes a program's inputs without calling Qovery. Every failure is
 * returned by property name, so `pulumi preview` lists them all before anything is applied.
 * Values not known yet (preview) pass through untouched. Inputs this schema does not declare
 * (`__provider`) are kept as they are.
 */
import { z } from "zod";
import {
  allowingUnknowns,
  DEFAULT_DOWNGRADE_ROLE,
  downgradeRoleProblem,
  failuresOf,
  invitationCheckShape,
  INVITATION_ROLE_INPUTS,
  withoutUndefined,
} from "../../core";
import type { CheckResult } from "../shared/resource";

const fields = invitationCheckShape;

/** Empty strings and nulls stand for "not given". */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** The rules between inputs; checked whatever else fails, so that every problem is named at once. */
function crossChecks(news: Record<string, unknown>, context: z.core.$RefinementCtx): void {
  const fail = (property: string, message: string) => context.addIssue({ code: "custom", path: [property], message });
  const roles = INVITATION_ROLE_INPUTS.filter((key) => given(news[key]));
  if (roles.length === 0) fail("roleName", 'one of roleName (e.g. "admin"), roleId (a role UUID) or role is required');
  if (roles.length > 1) fail(roles[1]!, `give only one of roleName, roleId and role; got ${roles.join(" and ")}`);
  const { onDelete, downgradeRoleName } = news;
  const downgradeProblem =
    typeof downgradeRoleName === "string" && downgradeRoleName.trim() !== ""
      ? downgradeRoleProblem(onDelete, downgradeRoleName)
      : undefined;
  if (downgradeProblem) fail("downgradeRoleName", downgradeProblem);
}

export function check(raw: Record<string, unknown>): CheckResult {
  const news = Object.fromEntries(Object.entries(raw).filter(([key, value]) => !(key in fields) || given(value)));
  const schema = z
    .looseObject(allowingUnknowns(fields, news))
    .superRefine((_, context) => crossChecks(news, context), { when: () => true });
  const parsed = schema.safeParse(news);
  if (!parsed.success) return { inputs: withoutUndefined(news), failures: failuresOf(parsed.error.issues) };
  const inputs = parsed.data;
  // Recorded in state, so that a deletion knows which role it gives.
  if (inputs.onDelete === "downgrade") inputs.downgradeRoleName ??= DEFAULT_DOWNGRADE_ROLE;
  return { inputs: withoutUndefined(inputs), failures: [] };
}
