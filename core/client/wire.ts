/**
 * Zod schemas of Qovery's answers (the API reference's InviteMember, Member and
 * OrganizationAvailableRole), and their translation to the client's own camelCase types.
 * Required fields that this package relies on are enforced; unknown fields are tolerated
 * (zod strips them). `role`, the deprecated enum, is required by the reference but never used
 * here (docs/qovery-api.md), so its absence is tolerated. Member ids are identity-provider subjects
 * such as `github|123`, not UUIDs.
 */
import { z } from "zod";
import { withoutUndefined } from "../without-undefined";

const invitationStatus = z.enum(["PENDING", "EXPIRED"]);

const inviteMemberSchema = z.object({
  id: z.string().min(1),
  created_at: z.string(),
  email: z.string(),
  invitation_link: z.string(),
  invitation_status: invitationStatus,
  inviter: z.string(),
  organization_name: z.string().optional(),
  role_id: z.string().optional().nullable(),
  role_name: z.string().optional().nullable(),
});

const memberSchema = z.object({
  id: z.string().min(1),
  created_at: z.string().optional(),
  email: z.string(),
  name: z.string().optional().nullable(),
  role_id: z.string().optional().nullable(),
  role_name: z.string().optional().nullable(),
  last_activity_at: z.string().optional().nullable(),
});

const roleSchema = z.object({ id: z.string().min(1), name: z.string() });

export const wireSchemas = {
  invitation: inviteMemberSchema,
  invitationList: z.object({ results: z.array(inviteMemberSchema) }),
  memberList: z.object({ results: z.array(memberSchema) }),
  roleList: z.object({ results: z.array(roleSchema) }),
};

export interface Invitation {
  id: string;
  email: string;
  status: z.infer<typeof invitationStatus>;
  invitationLink: string;
  inviter: string;
  createdAt: string;
  organizationName?: string;
  roleId?: string;
  roleName?: string;
}

export interface Member {
  id: string;
  email: string;
  createdAt?: string;
  name?: string;
  roleId?: string;
  roleName?: string;
  lastActivityAt?: string;
}

export interface Role {
  id: string;
  name: string;
}

export function toInvitation(wire: z.infer<typeof inviteMemberSchema>): Invitation {
  return withoutUndefined({
    id: wire.id,
    email: wire.email,
    status: wire.invitation_status,
    invitationLink: wire.invitation_link,
    inviter: wire.inviter,
    createdAt: wire.created_at,
    organizationName: wire.organization_name,
    roleId: wire.role_id ?? undefined,
    roleName: wire.role_name ?? undefined,
  });
}

export function toMember(wire: z.infer<typeof memberSchema>): Member {
  return withoutUndefined({
    id: wire.id,
    email: wire.email,
    createdAt: wire.created_at,
    name: wire.name ?? undefined,
    roleId: wire.role_id ?? undefined,
    roleName: wire.role_name ?? undefined,
    lastActivityAt: wire.last_activity_at ?? undefined,
  });
}
