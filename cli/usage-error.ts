import { QoveryInvitationsError } from "../core";

/** A command line that cannot run as typed: the CLI prints the message and the usage. */
export class UsageError extends QoveryInvitationsError {
  constructor(subject: string, message: string) {
    super({ code: "USAGE", subject, message, advice: "Fix the command line as the usage printed with the error says." });
    this.name = "UsageError";
  }
}
