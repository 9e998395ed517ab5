// Maps a method and path to one of the operations the fake serves.
import type { Operation } from "./types";

export type Route =
  | { kind: "operation"; operation: Operation; organizationId: string; inviteId?: string }
  /** A known path with a method the fake does not serve. */
  | { kind: "method-not-allowed"; allowed: string[] }
  /** POST inviteMember/{inviteId}: accepting needs the invitee's own login (docs/qovery-api.md). */
  | { kind: "accept-invitation" }
  | { kind: "not-found" };

const ORG = "/organization/([^/]+)";
const patterns: Array<{ regex: RegExp; methods: Partial<Record<string, Operation>> }> = [
  {
    regex: new RegExp(`^${ORG}/inviteMember$`),
    methods: { POST: "postInviteMember", GET: "getOrganizationInvitedMembers" },
  },
  {
    regex: new RegExp(`^${ORG}/inviteMember/([^/]+)$`),
    methods: { GET: "getMemberInvitation", DELETE: "deleteInviteMember" },
  },
  {
    regex: new RegExp(`^${ORG}/member$`),
    methods: { GET: "getOrganizationMembers", PUT: "editOrganizationMemberRole", DELETE: "deleteMember" },
  },
  {
    regex: new RegExp(`^${ORG}/availableRole$`),
    methods: { GET: "listOrganizationAvailableRoles" },
  },
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: left as is, then rejected as a non-UUID
  }
}

export function matchRoute(method: string, pathname: string): Route {
  for (const { regex, methods } of patterns) {
    const match = regex.exec(pathname);
    if (!match) continue;
    const operation = methods[method];
    const organizationId = decode(match[1]!);
    const inviteId = match[2] === undefined ? undefined : decode(match[2]);
    if (operation) {
      return inviteId === undefined
        ? { kind: "operation", operation, organizationId }
        : { kind: "operation", operation, organizationId, inviteId };
    }
    if (method === "POST" && inviteId !== undefined) return { kind: "accept-invitation" };
    return { kind: "method-not-allowed", allowed: Object.keys(methods) };
  }
  return { kind: "not-found" };
}
