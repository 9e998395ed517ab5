/**
 * check: validates and normalizes a program's inputs without calling Qovery. Every failure is
 * returned by property name, so `pulumi preview` lists them all before anything is applied.
 * Values not known yet (preview) pass through untouched.
 */
import { withoutUndefined } from "../without-undefined";
import { isUnknown, LEGACY_ROLES, ON_EXPIRED_POLICIES } from "./model";
import { checkOnDelete } from "./on-delete";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately simple: one @, no spaces, a dot in the domain. Qovery validates the rest.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const ROLE_INPUTS = ["roleId", "roleName", "role"] as const;

export function check(news: Record<string, unknown>): CheckResult {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });

  const organizationId = normalizeText(news.organizationId);
  if (organizationId === undefined) fail("organizationId", "is required: the UUID of the Qovery organization");
  else if (!isUnknown(organizationId) && !UUID.test(organizationId))
    fail("organizationId", `must be a UUID such as 3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11; got "${organizationId}"`);

  let email = normalizeText(news.email);
  if (email === undefined) fail("email", "is required: the address to invite, such as jane@example.com");
  else if (!isUnknown(email)) {
    email = email.toLowerCase();
    if (email.length > 254 || !EMAIL.test(email)) fail("email", `must be an email address such as jane@example.com; got "${email}"`);
  }

  const given = ROLE_INPUTS.filter((key) => news[key] !== undefined && news[key] !== null && news[key] !== "");
  if (given.length === 0) fail("roleName", 'one of roleName (e.g. "admin"), roleId (a role UUID) or role is required');
  if (given.length > 1) fail(given[1], `give only one of roleName, roleId and role; got ${given.join(" and ")}`);

  const roleId = normalizeText(news.roleId);
  if (roleId !== undefined && !isUnknown(roleId) && !UUID.test(roleId))
    fail("roleId", `must be a role UUID (see getOrganizationRoles), or use roleName; got "${roleId}"`);

  const roleName = normalizeText(news.roleName);
  if (news.roleName !== undefined && news.roleName !== "" && roleName === undefined)
    fail("roleName", 'must be a role name such as "admin", "viewer" or a custom role\'s name');

  let role = normalizeText(news.role);
  if (role !== undefined && !isUnknown(role)) {
    role = role.toUpperCase();
    if (!(role in LEGACY_ROLES))
      fail("role", `must be one of ${Object.keys(LEGACY_ROLES).join(", ")} (deprecated: prefer roleName); got "${news.role}"`);
  }

  const onExpired = news.onExpired === undefined ? "keep" : normalizeText(news.onExpired);
  if (onExpired === undefined || (!isUnknown(onExpired) && !(ON_EXPIRED_POLICIES as readonly string[]).includes(onExpired)))
    fail("onExpired", `must be one of ${ON_EXPIRED_POLICIES.join(", ")}; got "${String(news.onExpired)}"`);

  const onDelete = checkOnDelete(news, failures);

  const inputs = withoutUndefined({
    ...news,
    ...onDelete,
    organizationId: organizationId === undefined || isUnknown(organizationId) ? organizationId : organizationId.toLowerCase(),
    email,
    roleId: roleId === undefined || isUnknown(roleId) ? roleId : roleId.toLowerCase(),
    roleName,
    role,
    onExpired,
  });
  return { inputs, failures };
}

/** Trims strings; anything that is not a non-empty string (or the unknown marker) is undefined. */
function normalizeText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
