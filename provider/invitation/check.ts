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
  emailAddress,
  EXAMPLE_UUID,
  expected,
  failuresOf,
  LEGACY_ROLES,
  ON_DELETE_POLICIES,
  ON_EXPIRED_POLICIES,
  oneOf,
  text,
  uuid,
  withoutUndefined,
} from "../../core";
import type { CheckResult } from "../shared/resource";

const ROLE_INPUTS = ["roleId", "roleName", "role"] as const;
const LEGACY_ROLE_NAMES = Object.keys(LEGACY_ROLES) as [keyof typeof LEGACY_ROLES, ...(keyof typeof LEGACY_ROLES)[]];

const fields = {
  organizationId: uuid(`a UUID such as ${EXAMPLE_UUID}`, "is required: the UUID of the Qovery organization"),
  email: emailAddress("is required: the address to invite, such as jane@example.com"),
  roleId: uuid("a role UUID (see getOrganizationRoles), or use roleName").optional(),
  roleName: text('a role name such as "admin", "viewer" or a custom role\'s name').optional(),
  role: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
      z.enum(LEGACY_ROLE_NAMES, { error: expected(`one of ${LEGACY_ROLE_NAMES.join(", ")} (deprecated: prefer roleName)`) }),
    )
    .optional(),
  onExpired: oneOf(ON_EXPIRED_POLICIES).default("keep"),
  onDelete: oneOf(ON_DELETE_POLICIES).optional(),
  downgradeRoleName: text('a role name such as "viewer"').optional(),
};

/** Empty strings and nulls stand for "not given". */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** The rules between inputs; checked whatever else fails, so that every problem is named at once. */
function crossChecks(news: Record<string, unknown>, context: z.core.$RefinementCtx): void {
  const fail = (property: string, message: string) => context.addIssue({ code: "custom", path: [property], message });
  const roles = ROLE_INPUTS.filter((key) => given(news[key]));
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
