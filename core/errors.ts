/**
 * The package's one error vocabulary. Every failure it raises is a QoveryInvitationsError (or
 * one of its subclasses, which keep their own names for `instanceof`) with a code from one
 * closed list, the subject it is about, and the advice of what to do, so that a program, the
 * command line's exit code and docs/errors.md can all go by the code instead of the wording.
 * No message, subject or advice ever holds the API token.
 */

export const ERROR_CODES = [
  "INVALID_INPUT", // an argument of a resource, lookup or roster that cannot be used
  "INVALID_SETTINGS", // a config key or environment variable that cannot be used
  "MISSING_TOKEN", // no Qovery API token configured
  "QOVERY_API", // a request Qovery refused or did not answer, after every retry
  "UNKNOWN_ROLE", // a role the organization does not have
  "NOT_THE_OWNER", // the owner's role asked for someone who is not the owner
  "OWNER_ROLE_CHANGE", // another role asked for the owner
  "STALE_STATE", // the state no longer tells what Qovery holds: refresh first
  "INVITATION_EXPIRED", // an expired invitation with onExpired "fail"
  "BROKEN_STATE", // a state or inputs that lack what a decision needs
  "REMOVAL_FAILED", // some removals of undeclared access failed
  "PEOPLE_FILE", // a people file that cannot be read
  "OUTPUT_FILE", // a file the command line cannot write
  "USAGE", // a command line that cannot run as typed
  "IMPORT_ID", // a `pulumi import` id that is not <organizationId>/<email>, or names nobody
  "UNSUPPORTED", // a type or function this plugin does not serve: an older plugin than the program or state
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInit {
  code: ErrorCode;
  /** What the error is about: the field, setting, file, or the organization and email. */
  subject: string;
  /** The whole message: what went wrong, naming the subject, and often what to do. */
  message: string;
  /** What to do about it, on its own. */
  advice: string;
  cause?: unknown;
}

export class QoveryInvitationsError extends Error {
  readonly code: ErrorCode;
  readonly subject: string;
  readonly advice: string;

  constructor(init: ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "QoveryInvitationsError";
    this.code = init.code;
    this.subject = init.subject;
    this.advice = init.advice;
  }
}

/** The message of anything thrown: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
