/**
 * A typed client for the Qovery endpoints this package needs. It knows nothing of Pulumi: it
 * sends requests (each attempt takes a slot of the shared concurrency limit, then waits its
 * turn at the process's throttle), retries them by the rules of retry.ts, validates answers with
 * zod and turns every failure into a QoveryApiError that names the operation and its subject.
 */
import { HTTPError, RequestError, TimeoutError, type Got } from "got";
import type { z } from "zod";
import type { ProviderSettings } from "../settings";
import { ConcurrencyLimit } from "./concurrency";
import { messageOf } from "../errors";
import { QoveryApiError, type QoveryErrorKind, type RequestSubject } from "./errors";
import { createHttp } from "./http";
import { isRateLimited, retryAfterMs, retryDelayMs, type RetryLimits } from "./retry";
import { Throttle } from "./throttle";
import { toInvitation, toMember, wireSchemas, type Invitation, type Member, type Role } from "./wire";

/** The API reference's operationIds, used in errors and by the local fake. */
type Operation =
  | "postInviteMember"
  | "getOrganizationInvitedMembers"
  | "getMemberInvitation"
  | "deleteInviteMember"
  | "getOrganizationMembers"
  | "editOrganizationMemberRole"
  | "deleteMember"
  | "listOrganizationAvailableRoles";

interface RequestSpec {
  operation: Operation;
  subject: RequestSubject;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  json?: unknown;
  /** Whether any failure may be retried; false for the invite, which is retried only on 429. */
  idempotent: boolean;
}

/** What the client shares with every other client of the process: Qovery's limits are the token's. */
interface ClientPacing {
  limit: ConcurrencyLimit;
  throttle: Throttle;
  sleep(ms: number): Promise<void>;
}

export class QoveryClient {
  private readonly http: Got;
  private readonly retryLimits: RetryLimits;
  private readonly pacing: ClientPacing;

  constructor(settings: ProviderSettings & { apiToken: string }, pacing: Partial<ClientPacing> = {}) {
    this.http = createHttp(settings);
    this.retryLimits = { maxRetries: settings.maxRetries, maxRetryDelayMs: settings.maxRetryDelayMs };
    this.pacing = {
      limit: pacing.limit ?? new ConcurrencyLimit(settings.maxConcurrency),
      throttle: pacing.throttle ?? new Throttle(),
      sleep: pacing.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  /**
   * Sends an invitation email. Retried only on 429, where Qovery has certainly not acted: any
   * other failure may hide an invitation that landed, so the caller looks it up instead.
   */
  async inviteMember(organizationId: string, email: string, roleId: string): Promise<Invitation> {
    const body = await this.send({
      operation: "postInviteMember",
      subject: { organizationId, email },
      method: "POST",
      path: `${orgPath(organizationId)}/inviteMember`,
      json: { email, role_id: roleId },
      idempotent: false,
    });
    return toInvitation(this.parse(body, wireSchemas.invitation, "postInviteMember", { organizationId, email }));
  }

  async listInvitations(organizationId: string): Promise<Invitation[]> {
    return (await this.getList(organizationId, "getOrganizationInvitedMembers", "inviteMember", wireSchemas.invitationList)).results.map(
      toInvitation,
    );
  }

  async getInvitation(organizationId: string, invitationId: string, email?: string): Promise<Invitation> {
    const subject = { organizationId, email };
    const body = await this.send({
      operation: "getMemberInvitation",
      subject,
      method: "GET",
      path: `${orgPath(organizationId)}/inviteMember/${encodeURIComponent(invitationId)}`,
      idempotent: true,
    });
    return toInvitation(this.parse(body, wireSchemas.invitation, "getMemberInvitation", subject));
  }

  async cancelInvitation(organizationId: string, invitationId: string, email?: string): Promise<void> {
    await this.send({
      operation: "deleteInviteMember",
      subject: { organizationId, email },
      method: "DELETE",
      path: `${orgPath(organizationId)}/inviteMember/${encodeURIComponent(invitationId)}`,
      idempotent: true,
    });
  }

  async listMembers(organizationId: string): Promise<Member[]> {
    return (await this.getList(organizationId, "getOrganizationMembers", "member", wireSchemas.memberList)).results.map(toMember);
  }

  /** Qovery answers 200 with no body; the member list may show the old role for a while. */
  async changeMemberRole(organizationId: string, memberId: string, roleId: string, email?: string): Promise<void> {
    await this.sendToMember("editOrganizationMemberRole", "PUT", { organizationId, email }, { user_id: memberId, role_id: roleId });
  }

  /** A DELETE with a JSON body, which Qovery requires. */
  async removeMember(organizationId: string, memberId: string, email?: string): Promise<void> {
    await this.sendToMember("deleteMember", "DELETE", { organizationId, email }, { user_id: memberId });
  }

  async listRoles(organizationId: string): Promise<Role[]> {
    return (await this.getList(organizationId, "listOrganizationAvailableRoles", "availableRole", wireSchemas.roleList)).results;
  }

  /** One of the organization's lists (`/organization/{id}/<list>`), read and parsed with its wire schema. */
  private async getList<T extends z.ZodType>(organizationId: string, operation: Operation, list: string, schema: T): Promise<z.infer<T>> {
    const subject = { organizationId };
    const body = await this.send({ operation, subject, method: "GET", path: `${orgPath(organizationId)}/${list}`, idempotent: true });
    return this.parse(body, schema, operation, subject);
  }

  /** A change to one member: `/organization/{id}/member`, the member named in the JSON body. */
  private async sendToMember(operation: Operation, method: "PUT" | "DELETE", subject: RequestSubject, json: object): Promise<void> {
    await this.send({ operation, subject, method, path: `${orgPath(subject.organizationId)}/member`, idempotent: true, json });
  }

  private async send(spec: RequestSpec): Promise<string> {
    const { limit, throttle, sleep } = this.pacing;
    const firstStartedAt = Date.now();
    for (let retries = 0; ; retries++) {
      let startedAt = Date.now();
      try {
        const response = await limit.run(async () => {
          // Inside the slot: a request let through the throttle starts at once, so a pause
          // stops every request not yet sent. While paused no request could be sent anyway.
          await throttle.turn();
          startedAt = Date.now();
          return this.http(spec.path, { method: spec.method, json: spec.json });
        });
        throttle.answered(startedAt);
        return response.body;
      } catch (error) {
        const now = Date.now();
        const pause = retryAfterMs(this.retryLimits, error, now);
        if (isRateLimited(error)) throttle.rateLimited(startedAt, pause);
        else if (error instanceof HTTPError) throttle.answered(startedAt);
        const delay = retryDelayMs(this.retryLimits, { error, idempotent: spec.idempotent, retries, startedAt: firstStartedAt, now });
        if (delay === undefined) throw toApiError(error, spec.operation, spec.subject);
        // A Retry-After pauses the throttle for every request, this one included: no sleep of its own.
        if (pause === undefined) await sleep(delay);
      }
    }
  }

  private parse<T extends z.ZodType>(body: string, schema: T, operation: Operation, subject: RequestSubject): z.infer<T> {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new QoveryApiError({ ...subject, operation, kind: "invalid-response", status: 200, detail: "the answer is not JSON" });
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
      throw new QoveryApiError({ ...subject, operation, kind: "invalid-response", status: 200, detail: issues.join("; ") });
    }
    return result.data;
  }
}

function orgPath(organizationId: string): string {
  return `organization/${encodeURIComponent(organizationId)}`;
}

/** Maps got's failures onto the client's one error type, dropping got's error (it holds the token). */
function toApiError(error: unknown, operation: Operation, subject: RequestSubject): QoveryApiError {
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const detail = qoveryDetail(String(error.response.body ?? ""));
    return new QoveryApiError({ ...subject, operation, status, detail, kind: kindOfStatus(status, detail) });
  }
  if (error instanceof TimeoutError) {
    return new QoveryApiError({ ...subject, operation, kind: "timeout", detail: "no answer within the request timeout" });
  }
  if (error instanceof RequestError) {
    return new QoveryApiError({ ...subject, operation, kind: "network", detail: error.code ?? error.message });
  }
  return new QoveryApiError({ ...subject, operation, kind: "network", detail: messageOf(error) });
}

function kindOfStatus(status: number, detail: string | undefined): QoveryErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  // Qovery sometimes reports a missing thing as a 400 whose detail says it does not exist.
  if (status === 400 && detail && /does ?n[o']t exist|not found/i.test(detail)) return "not-found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  return "bad-request";
}

/** Qovery's error bodies look like {"status", "error", "detail"}; fall back to the raw text. */
function qoveryDetail(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const detail = parsed.detail ?? parsed.message ?? parsed.error;
    if (typeof detail === "string" && detail) return detail;
  } catch {
    // not JSON: use the text itself
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
