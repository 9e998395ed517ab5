/**
 * The one error type of the Qovery client. Its message names the operation, the organization,
 * the email when there is one, the HTTP status and Qovery's own detail, and says what to do.
 * It never holds the token, the request headers, or the underlying HTTP library's error
 * object (whose options carry the Authorization header).
 */
import { QoveryInvitationsError, type ErrorInit } from "../errors";

export type QoveryErrorKind =
  | "unauthorized" // 401: token missing, rejected or expired
  | "forbidden" // 403: token valid but lacking rights, or a thing hidden from it
  | "not-found" // 404, or a 400 whose detail says the thing does not exist
  | "conflict" // 409: e.g. an invitation is already pending for that email
  | "rate-limited" // 429 after every retry
  | "server" // 5xx after every retry
  | "bad-request" // other 4xx
  | "network" // connection refused, reset, DNS...
  | "timeout" // no answer within the request timeout
  | "invalid-response"; // an answer that does not match the API's documented shape

/** Who and what a request was about, so that every message can name them. */
export interface RequestSubject {
  organizationId: string;
  email?: string;
}

export interface QoveryApiErrorInit extends RequestSubject {
  operation: string;
  kind: QoveryErrorKind;
  status?: number;
  detail?: string;
}

const ADVICE: Record<QoveryErrorKind, string> = {
  unauthorized:
    "The Qovery API token was rejected. Set a valid organization API token with `pulumi config set qovery:apiToken --secret` or the QOVERY_API_TOKEN environment variable.",
  forbidden:
    "The API token lacks the right to manage members of this organization: use a token whose role is admin or owner, and check the organization id.",
  "not-found": "Check the organization id and that the thing still exists in the Qovery console.",
  conflict: "Qovery reports a conflicting invitation or member for this email.",
  "rate-limited": "Qovery kept answering 429 (rate limited); raise qovery:maxRetries or lower qovery:maxConcurrency.",
  server: "Qovery answered with a server error after every retry; try again later.",
  "bad-request": "Qovery rejected the request.",
  network: "The Qovery API could not be reached; check qovery:apiUrl / QOVERY_API_URL and the network.",
  timeout: "Qovery did not answer in time; raise qovery:requestTimeoutMs if this keeps happening.",
  "invalid-response": "Qovery answered with data this package does not understand; please report it.",
};

export class QoveryApiError extends QoveryInvitationsError {
  readonly operation: string;
  readonly kind: QoveryErrorKind;
  readonly status?: number;
  readonly detail?: string;
  readonly organizationId: string;
  readonly email?: string;

  constructor(init: QoveryApiErrorInit) {
    super({ code: "QOVERY_API", subject: subjectOf(init), message: describe(init), advice: advice(init) });
    this.name = "QoveryApiError";
    this.operation = init.operation;
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.organizationId = init.organizationId;
    this.email = init.email;
  }
}

/** Operations whose path names nothing but the organization: their 404 means the organization is unknown. */
const ORGANIZATION_OPERATIONS = [
  "postInviteMember",
  "getOrganizationInvitedMembers",
  "getOrganizationMembers",
  "listOrganizationAvailableRoles",
];

function advice(init: QoveryApiErrorInit): string {
  if (init.kind === "not-found" && init.status === 404 && ORGANIZATION_OPERATIONS.includes(init.operation)) {
    return (
      `Organization ${init.organizationId} was not found: check organizationId (the organization's UUID, shown in the Qovery console) ` +
      `and that the API token belongs to that organization.`
    );
  }
  return ADVICE[init.kind];
}

function subjectOf(init: RequestSubject): string {
  return init.email ? `organization ${init.organizationId}, email ${init.email}` : `organization ${init.organizationId}`;
}

function describe(init: QoveryApiErrorInit): string {
  const status = init.status === undefined ? "no HTTP status" : `HTTP ${init.status}`;
  const detail = init.detail ? `: ${init.detail}` : "";
  return `Qovery ${init.operation} failed (${subjectOf(init)}; ${status}${detail}). ${advice(init)}`;
}

/**
 * The error of a request made for one person's resource, naming that person's email: lists
 * (roles, members, invitations) are shared by every resource of an organization, so their
 * errors are raised without one. Anything else is returned as it is.
 */
export function namingEmail(error: unknown, email: string | undefined): unknown {
  if (!(error instanceof QoveryApiError) || error.email || !email) return error;
  const { operation, kind, status, detail, organizationId } = error;
  return new QoveryApiError({ operation, kind, status, detail, organizationId, email });
}

/** True for the errors that mean "this thing does not exist (any more)". */
export function isNotFound(error: unknown): boolean {
  return error instanceof QoveryApiError && error.kind === "not-found";
}

/** True for the errors that a refresh must never read as "the resource is gone". */
export function isAccessDenied(error: unknown): boolean {
  return error instanceof QoveryApiError && (error.kind === "unauthorized" || error.kind === "forbidden");
}

/**
 * Where a token is looked for: a Pulumi command's stack config (the dynamic provider's `qovery:`
 * keys, or the native plugin's `qovery-invitations:` keys) and environment, or the environment
 * only (the command line).
 */
export type TokenSource = "pulumi" | "native" | "environment";

const ENVIRONMENT_TOKEN_ADVICE = "export an organization API token whose role is admin or owner.";
const pulumiTokenAdvice = (namespace: string) =>
  `Set one with \`pulumi config set ${namespace}:apiToken --secret\` (stack config), or export QOVERY_API_TOKEN in the environment of \`pulumi\`.`;
const PULUMI_TOKEN_ADVICE = pulumiTokenAdvice("qovery");
const NATIVE_TOKEN_ADVICE = pulumiTokenAdvice("qovery-invitations");

const MISSING_TOKEN: Record<TokenSource, ErrorInit> = {
  environment: {
    code: "MISSING_TOKEN",
    subject: "QOVERY_API_TOKEN",
    message: `QOVERY_API_TOKEN is not set: ${ENVIRONMENT_TOKEN_ADVICE}`,
    advice: ENVIRONMENT_TOKEN_ADVICE,
  },
  pulumi: {
    code: "MISSING_TOKEN",
    subject: "qovery:apiToken",
    message: `No Qovery API token is configured. ${PULUMI_TOKEN_ADVICE}`,
    advice: PULUMI_TOKEN_ADVICE,
  },
  native: {
    code: "MISSING_TOKEN",
    subject: "qovery-invitations:apiToken",
    message: `No Qovery API token is configured. ${NATIVE_TOKEN_ADVICE}`,
    advice: NATIVE_TOKEN_ADVICE,
  },
};

export class MissingTokenError extends QoveryInvitationsError {
  constructor(source: TokenSource = "pulumi") {
    super(MISSING_TOKEN[source]);
    this.name = "MissingTokenError";
  }
}

/** A setting that cannot be used (see core/settings.ts); raised by the first operation that needs the API. */
export class InvalidSettingsError extends QoveryInvitationsError {
  constructor(problems: string[]) {
    super({
      code: "INVALID_SETTINGS",
      subject: "the provider configuration",
      message: `Invalid Qovery provider configuration: ${problems.join("; ")}.`,
      advice: "Fix each config key named (its value is never printed back).",
    });
    this.name = "InvalidSettingsError";
  }
}
