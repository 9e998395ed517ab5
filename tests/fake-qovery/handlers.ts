// What each operation does: validates the request with the fake's schemas, applies it to the
// store, and builds a response body that is checked against the fake's response schemas.
// Errors are thrown as ApiError; the server turns them into Qovery-style JSON answers.
import type { z } from "zod";
import { ApiError } from "./errors";
import {
  availableRoleListSchema,
  deleteMemberRequestSchema,
  describeIssues,
  inviteMemberListSchema,
  inviteMemberRequestSchema,
  inviteMemberSchema,
  memberListSchema,
  memberRoleUpdateRequestSchema,
  uuid,
  type InviteMemberBody,
  type MemberBody,
} from "./schemas";
import { legacyRoleFor, roleNameForLegacy, type Organization, type Store, type StoredInvitation } from "./store";
import type { Operation } from "./types";

export interface Answer {
  status: number;
  /** undefined: an empty body (204, and PUT member's 200). */
  body?: unknown;
}

export interface OperationRequest {
  operation: Operation;
  organizationId: string;
  inviteId?: string;
  bodyText: string;
  contentType: string | undefined;
}

export function handleOperation(store: Store, request: OperationRequest): Answer {
  const org = resolveOrganization(store, request.organizationId);
  switch (request.operation) {
    case "postInviteMember":
      return postInviteMember(store, org, request);
    case "getOrganizationInvitedMembers":
      return ok(200, inviteMemberListSchema, { results: org.invitations.map((i) => inviteMemberBody(org, i)) });
    case "getMemberInvitation":
      return ok(200, inviteMemberSchema, inviteMemberBody(org, store.apiInvitation(org, inviteIdOf(request))));
    case "deleteInviteMember":
      store.removeInvitation(org, store.apiInvitation(org, inviteIdOf(request)));
      return { status: 204 };
    case "getOrganizationMembers":
      return ok(200, memberListSchema, { results: store.readMembers(org).map(memberBody) });
    case "editOrganizationMemberRole": {
      const body = validate(memberRoleUpdateRequestSchema, readJson(request));
      store.editMemberRole(org, body.user_id, body.role_id);
      return { status: 200 }; // Qovery answers this one with no body at all (docs/qovery-api.md)
    }
    case "deleteMember": {
      // The body is required: a client that drops the body of a DELETE must fail loudly here.
      const body = validate(deleteMemberRequestSchema, readJson(request));
      store.deleteMember(org, body.user_id);
      return { status: 204 };
    }
    case "listOrganizationAvailableRoles":
      return ok(200, availableRoleListSchema, { results: org.roles.map((r) => ({ id: r.id, name: r.name })) });
  }
}

function postInviteMember(store: Store, org: Organization, request: OperationRequest): Answer {
  const body = validate(inviteMemberRequestSchema, readJson(request));
  let role;
  if (body.role_id !== undefined) {
    role = store.apiRoleById(org, body.role_id); // role_id wins over the deprecated enum
  } else if (body.role !== undefined) {
    // Unknown in reality; the fake maps the deprecated enum to the nearest built-in role.
    role = store.apiRoleByName(org, roleNameForLegacy(body.role));
  } else {
    // The document makes only `email` required; what Qovery does without a role is unknown.
    // The fake refuses, so a client that forgets role_id is caught.
    throw new ApiError(400, "role_id: required (or the deprecated role)");
  }
  const invitation = store.invite(org, body.email, role);
  return ok(201, inviteMemberSchema, inviteMemberBody(org, invitation));
}

function resolveOrganization(store: Store, organizationId: string): Organization {
  if (!uuid.safeParse(organizationId).success) {
    throw new ApiError(400, `organizationId: "${organizationId}" is not a valid UUID`);
  }
  return store.apiOrg(organizationId);
}

function inviteIdOf(request: OperationRequest): string {
  const inviteId = request.inviteId ?? "";
  if (!uuid.safeParse(inviteId).success) throw new ApiError(400, `inviteId: "${inviteId}" is not a valid UUID`);
  return inviteId;
}

/** The request body as JSON; an absent body reads as `{}` so that validation names the missing fields. */
function readJson(request: OperationRequest): unknown {
  if (request.bodyText.trim() === "") return {};
  const mediaType = (request.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new ApiError(415, `Content-Type must be application/json, got "${request.contentType ?? ""}"`);
  }
  try {
    return JSON.parse(request.bodyText) as unknown;
  } catch {
    throw new ApiError(400, "request body is not valid JSON");
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, describeIssues(result.error));
  return result.data;
}

/** A success answer whose body is checked against the fake's response schema (a throw here is a bug of the fake). */
function ok<S extends z.ZodType>(status: number, schema: S, body: z.input<S>): Answer {
  return { status, body: schema.parse(body) };
}

function inviteMemberBody(org: Organization, i: StoredInvitation): InviteMemberBody {
  const body: InviteMemberBody = {
    id: i.id,
    created_at: i.createdAt,
    email: i.email,
    role: i.legacyRole,
    invitation_link: i.invitationLink,
    invitation_status: i.status,
    organization_name: org.name,
    inviter: i.inviter,
    logo_url: org.logoUrl,
  };
  if (i.roleId !== undefined) body.role_id = i.roleId;
  if (i.roleName !== undefined) body.role_name = i.roleName;
  return body;
}

function memberBody(m: ReturnType<Store["readMembers"]>[number]): MemberBody {
  const body: MemberBody = {
    id: m.id,
    created_at: m.createdAt,
    email: m.email,
    role: legacyRoleFor(m.visibleRoleName),
    role_name: m.visibleRoleName,
    role_id: m.visibleRoleId,
  };
  if (m.name !== undefined) body.name = m.name;
  if (m.nickname !== undefined) body.nickname = m.nickname;
  if (m.lastActivityAt !== undefined) body.last_activity_at = m.lastActivityAt;
  if (m.profilePictureUrl !== undefined) body.profile_picture_url = m.profilePictureUrl;
  return body;
}
