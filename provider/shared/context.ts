/** What the lifecycle functions need from the outside world, built once per provider process. */
import {
  type Invitation,
  LIST_TTL_MS,
  type Member,
  type QoveryClient,
  type Role,
  ROLE_LAG_MS,
  ROLES_TTL_MS,
  type TokenIdentity,
} from "../../core";
import { Directory } from "./directory";

export interface LifecycleContext {
  client: QoveryClient;
  /** Who the client's token belongs to (a login's JWT names a member), as `connect()` read it: never removed or downgraded. */
  token: TokenIdentity | undefined;
  roles: Directory<Role[]>;
  members: Directory<Member[]>;
  invitations: Directory<Invitation[]>;
  /** Tells the person running `pulumi` something they should know; never throws. */
  warn(message: string): void;
  /** Waits between two invite attempts after a lost response. */
  sleep(ms: number): Promise<void>;
  /** Invite attempts after lost responses (5xx, reset, timeout), each preceded by a lookup. */
  maxInviteAttempts: number;
  /** Upper bound of the wait between two invite attempts (qovery:maxRetryDelayMs). */
  maxRetryDelayMs: number;
  /** How long after a role change the member list may still show the old role. */
  roleLagMs: number;
}

export function createContext(
  client: QoveryClient,
  options: { maxRetries: number; maxRetryDelayMs: number; token?: TokenIdentity; warn?: (message: string) => void },
): LifecycleContext {
  return {
    client,
    token: options.token,
    roles: new Directory((organizationId) => client.listRoles(organizationId), ROLES_TTL_MS),
    members: new Directory((organizationId) => client.listMembers(organizationId), LIST_TTL_MS),
    invitations: new Directory((organizationId) => client.listInvitations(organizationId), LIST_TTL_MS),
    warn: options.warn ?? ((message) => console.warn(`warning: ${message}`)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    maxInviteAttempts: options.maxRetries + 1,
    maxRetryDelayMs: options.maxRetryDelayMs,
    roleLagMs: ROLE_LAG_MS,
  };
}
