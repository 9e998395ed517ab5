/**
 * Who the API token belongs to, when it can be told, so that making a roster authoritative never
 * removes the member whose credentials the run uses.
 *
 * - An organization API token (`Authorization: Token …`) belongs to the organization, not to a
 *   member: it cannot be told, and nothing is protected on its account.
 * - A JWT (a human login, `Authorization: Bearer …`) carries its claims in its payload. It is
 *   decoded here without verification (it is our own credential; nothing is granted on the
 *   strength of it): the `sub` claim is the identity-provider subject that Qovery uses as the
 *   member id (such as `github|12345`), and an `email` claim (or a namespaced one such as
 *   `https://example.com/email`) the address.
 *
 * Only the subject and the email leave this module; the token itself is never stored or logged.
 */
import type { Member } from "./client/wire";
import { authorizationScheme } from "./client/http";
import { normalizeEmail, sameEmail } from "./identifiers";

export interface TokenIdentity {
  /** The JWT's `sub` claim: the member id Qovery shows for that login. */
  subject?: string;
  /** The JWT's email claim. */
  email?: string;
}

/** The identity a JWT names; undefined for an organization API token or anything undecodable. */
export function tokenIdentity(token: string | undefined): TokenIdentity | undefined {
  if (!token || authorizationScheme(token) !== "Bearer") return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  const claims = payload as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  const emailKey = "email" in claims ? "email" : Object.keys(claims).find((key) => /[/:.]email$/i.test(key));
  const identity: TokenIdentity = {};
  const subject = text(claims.sub);
  const email = emailKey === undefined ? undefined : text(claims[emailKey]);
  if (subject) identity.subject = subject;
  if (email && email.includes("@")) identity.email = normalizeEmail(email);
  return identity.subject || identity.email ? identity : undefined;
}

/** True for the member the token belongs to: same id as the subject, or same email (any case). */
export function isTokenMember(identity: TokenIdentity | undefined, member: Pick<Member, "id" | "email">): boolean {
  if (!identity) return false;
  if (identity.subject !== undefined && member.id === identity.subject) return true;
  return identity.email !== undefined && sameEmail(member.email, identity.email);
}
