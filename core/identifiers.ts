/**
 * What an organization or role id and an email address look like, and when two emails name the
 * same person: the one definition that the provider's check, the roster, the people file and the
 * command line all use.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately simple: one @, no spaces, a dot in the domain. Qovery validates the rest.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** The longest address SMTP allows. */
const EMAIL_MAX_LENGTH = 254;

/** An id such as the one error messages show as an example. */
export const EXAMPLE_UUID = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";

/** Organization and role ids are UUIDs, in any case. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value);
}

/** How an email is stored and compared: trimmed, in lower case (Qovery may change its casing on acceptance). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function sameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b);
}
