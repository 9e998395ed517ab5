/**
 * The command line's exit codes: 0 and 1 are the review's answers, and every failure exits with
 * the code its error code maps to here. Scripts and scheduled jobs test these numbers, so a new
 * error code must be given one (the table is total) and docs/errors.md lists them.
 */
import { QoveryInvitationsError, type ErrorCode } from "../core";

export const EXIT_OK = 0;
export const EXIT_UNDECLARED = 1;
/** Usage, file, configuration and API errors alike: a job that exits 2 needs a person to look at it. */
export const EXIT_ERROR = 2;

export const EXIT_CODES: Record<ErrorCode, number> = {
  USAGE: EXIT_ERROR,
  OUTPUT_FILE: EXIT_ERROR,
  PEOPLE_FILE: EXIT_ERROR,
  MISSING_TOKEN: EXIT_ERROR,
  INVALID_SETTINGS: EXIT_ERROR,
  QOVERY_API: EXIT_ERROR,
  INVALID_INPUT: EXIT_ERROR,
  UNKNOWN_ROLE: EXIT_ERROR,
  NOT_THE_OWNER: EXIT_ERROR,
  OWNER_ROLE_CHANGE: EXIT_ERROR,
  STALE_STATE: EXIT_ERROR,
  INVITATION_EXPIRED: EXIT_ERROR,
  BROKEN_STATE: EXIT_ERROR,
  REMOVAL_FAILED: EXIT_ERROR,
  IMPORT_ID: EXIT_ERROR,
  UNSUPPORTED: EXIT_ERROR,
};

/** The exit code of a failure: its code's, or EXIT_ERROR for anything else (a broken pipe, a bug). */
export function exitCodeOf(error: unknown): number {
  return error instanceof QoveryInvitationsError ? EXIT_CODES[error.code] : EXIT_ERROR;
}
