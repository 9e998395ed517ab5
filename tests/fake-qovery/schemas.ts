// The fake's own wire schemas, written by hand from Qovery's OpenAPI document (InviteMember,
// InviteMemberRequest, Member, MemberRoleUpdateRequest, OrganizationAvailableRole, ...) and the
// corrections in docs/qovery-api.md. They are deliberately separate from the client's schemas in
// provider/: a client bug copied into both would otherwise go unnoticed.
//
// Requests are validated leniently about extra properties (servers usually ignore them), strictly
// about the declared ones. Responses use strict objects: the fake must never send a property the
// reference does not declare, and every response is checked against these before it is sent.
import { z } from "zod";

/** Error messages that say "required" for a missing field, so a 400's detail is plain about it. */
const messages = (invalid: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "required" : invalid),
});

// The reference says `format: uuid`; any 8-4-4-4-12 hex string is accepted (the real server parses
// UUIDs without caring about version bits).
export const uuid = z.guid(messages("not a valid UUID"));

// Member ids are identity-provider subjects ("github|12345", "auth0|abc"), NOT UUIDs, whatever the
// document says (docs/qovery-api.md).
export const memberId = z.string(messages("expected a string")).min(1, "must not be empty");

export const emailSchema = z.email(messages("not a valid email address"));

export const legacyRoleSchema = z.enum(["ADMIN", "DEVELOPER", "OWNER", "VIEWER"]);
export type LegacyRole = z.infer<typeof legacyRoleSchema>;

export const invitationStatusSchema = z.enum(["EXPIRED", "PENDING"]);

const dateTime = z.iso.datetime();

// ---- requests -------------------------------------------------------------------------------

/** InviteMemberRequest: only `email` is required by the document; the fake also needs a role (see handlers). */
export const inviteMemberRequestSchema = z.object({
  email: emailSchema,
  role: legacyRoleSchema.optional(),
  role_id: uuid.optional(),
});

/** MemberRoleUpdateRequest */
export const memberRoleUpdateRequestSchema = z.object({
  user_id: memberId,
  role_id: uuid,
});

/** The inline body of DELETE /member (declared `format: uuid`, corrected per docs/qovery-api.md). */
export const deleteMemberRequestSchema = z.object({
  user_id: memberId,
});

// ---- responses ------------------------------------------------------------------------------

/** InviteMember = Base + invitation properties. */
export const inviteMemberSchema = z.strictObject({
  id: uuid,
  created_at: dateTime,
  updated_at: dateTime.optional(),
  email: emailSchema,
  role: legacyRoleSchema, // deprecated, but required in responses
  invitation_link: z.url(),
  invitation_status: invitationStatusSchema,
  organization_name: z.string().optional(),
  inviter: z.string(),
  logo_url: z.url().optional(),
  role_id: uuid.optional(), // old invitations may carry none
  role_name: z.string().optional(),
});
export type InviteMemberBody = z.infer<typeof inviteMemberSchema>;

export const inviteMemberListSchema = z.strictObject({ results: z.array(inviteMemberSchema) });

/** Member = Base (with a non-UUID id) + member properties. */
export const memberSchema = z.strictObject({
  id: memberId,
  created_at: dateTime,
  updated_at: dateTime.optional(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  email: emailSchema,
  profile_picture_url: z.url().optional(),
  last_activity_at: dateTime.optional(),
  role: legacyRoleSchema.optional(),
  role_name: z.string().optional(),
  role_id: uuid.optional(),
});
export type MemberBody = z.infer<typeof memberSchema>;

export const memberListSchema = z.strictObject({ results: z.array(memberSchema) });

export const availableRoleSchema = z.strictObject({ id: uuid, name: z.string() });
export const availableRoleListSchema = z.strictObject({ results: z.array(availableRoleSchema) });

/** Not declared by the document; what Qovery actually sends on errors (docs/qovery-api.md). */
export const errorBodySchema = z.strictObject({
  status: z.number().int(),
  error: z.string(),
  detail: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** "email: Invalid email address; role_id: Invalid UUID" — every failing field named. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}
