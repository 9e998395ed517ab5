#!/usr/bin/env node
/**
 * `npx pulumi-qovery-invitations review --organization <id> [--roster people.yaml] [--keep email]… [--json]`
 *
 * Prints who has access to a Qovery organization (every member and every invitation) and, given
 * a roster file, which of it the roster does not declare: the report an OrganizationRoster
 * prints as a warning, for a scheduled audit job.
 *
 * `npx pulumi-qovery-invitations export --organization <id> [--format yaml|csv] [--output people.yaml] [--force]`
 *
 * Writes the organization as a people file (see core/people-export.ts and export-command.ts).
 *
 * Credentials come from the environment only: QOVERY_API_TOKEN (required) and QOVERY_API_URL
 * (default https://api.qovery.com).
 *
 * Exit codes: 0 done (review: no undeclared access, or no --roster given); 1 undeclared access
 * with --roster; on an error, the exit code its error code maps to (exit-codes.ts: 2 for each),
 * with a message that never holds the token.
 */
import { parseArgs } from "node:util";
import {
  connect,
  fetchOrganizationAccess,
  isUuid,
  messageOf,
  readPeopleFile,
  resolveSettings,
  reviewAccess,
  shortDate,
  undeclaredAccess,
  type AccessReview,
  type AccessStanding,
  type QoveryConnection,
} from "../core";
import { EXIT_OK, EXIT_UNDECLARED, exitCodeOf } from "./exit-codes";
import { exportOrganization, parseExportTarget, type ExportCommand } from "./export-command";
import { UsageError } from "./usage-error";

export const USAGE = `Usage: pulumi-qovery-invitations review --organization <id> [--roster <file>] [--keep <email>]... [--json]
       pulumi-qovery-invitations export --organization <id> [--format yaml|csv] [--output <file>] [--force]

review: lists every member and invitation of a Qovery organization and, with --roster, the
ones the roster does not declare.
export: writes the organization as a people file for an OrganizationRoster (readPeopleFile):
every member and pending invitation with its role name, sorted by email.

Options:
  --organization, -o <id>  the organization's UUID (required)
  --roster, -r <file>      review: the people file of the OrganizationRoster (.yaml, .yml or .csv)
  --keep, -k <email>       review: an email that is never reported (repeatable, or comma-separated)
  --json                   review: print the report as JSON instead of a table
  --format, -f <format>    export: yaml (default, or from the --output extension) or csv
  --output <file>          export: the file to write (.yaml, .yml or .csv); - or none: stdout
  --force                  export: overwrite --output if it exists
  --help, -h               print this help

Environment:
  QOVERY_API_TOKEN  an organization API token (role admin or owner), or a login JWT (required)
  QOVERY_API_URL    the API's base URL (default https://api.qovery.com)

Exit codes: 0 done (review: no undeclared access, or no --roster), 1 undeclared access with
--roster, 2 usage, file or API error.`;

interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

interface ReviewCommand {
  name: "review";
  organizationId: string;
  roster?: string;
  keep: string[];
  json: boolean;
}

const COMMAND_OPTIONS = {
  review: ["roster", "keep", "json"],
  export: ["format", "output", "force"],
} as const;

const OPTIONS = {
  organization: { type: "string", short: "o" },
  roster: { type: "string", short: "r" },
  keep: { type: "string", short: "k", multiple: true },
  json: { type: "boolean" },
  format: { type: "string", short: "f" },
  output: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** The options and positionals as node's parser reads them; what it refuses (an unknown option, a missing value) is a usage error. */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError("options", messageOf(error));
  }
}

function parseCommand(argv: string[]): ReviewCommand | ExportCommand | "help" {
  const { values, positionals } = parseOptions(argv);
  if (values.help) return "help";
  const [command, ...extra] = positionals;
  if (command !== "review" && command !== "export") {
    throw new UsageError(
      "command",
      command === undefined
        ? "a command is required: review or export"
        : `unknown command "${command}": the commands are review and export`,
    );
  }
  if (extra.length > 0) throw new UsageError("arguments", `unexpected argument "${extra[0]}"`);
  const other = command === "review" ? "export" : "review";
  const misplaced = COMMAND_OPTIONS[other].find((option) => values[option] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced}`, `--${misplaced} is an option of ${other}, not of ${command}`);
  const organizationId = values.organization?.trim();
  if (!organizationId) throw new UsageError("--organization", "--organization <id> is required");
  if (!isUuid(organizationId)) {
    throw new UsageError("--organization", `--organization must be the organization's UUID; got "${organizationId}"`);
  }
  if (command === "export") return { name: "export", organizationId, ...parseExportTarget(values) };
  const keep = (values.keep ?? [])
    .flatMap((value) => value.split(","))
    .map((email) => email.trim())
    .filter(Boolean);
  const badKeep = keep.find((email) => !email.includes("@"));
  if (badKeep) throw new UsageError("--keep", `--keep takes email addresses; got "${badKeep}"`);
  return { name: "review", organizationId, roster: values.roster, keep, json: values.json ?? false };
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = defaultIo): Promise<number> {
  let command: ReviewCommand | ExportCommand | "help";
  try {
    command = parseCommand(argv);
  } catch (error) {
    io.stderr(`error: ${messageOf(error)}\n\n${USAGE}\n`);
    return exitCodeOf(error);
  }
  if (command === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    if (command.name === "export") return await exportOrganization(command, () => environmentClient(env), io);
    const declared = command.roster === undefined ? undefined : readPeopleFile(command.roster).map((person) => person.email);
    const { client, token } = environmentClient(env);
    const access = await fetchOrganizationAccess(client, command.organizationId);
    const review = reviewAccess(access, { declared, keep: command.keep, token });
    const findings = undeclaredAccess(review);
    const undeclared = { members: findings.members.length, invitations: findings.invitations.length };
    const roster = command.roster ?? null;
    if (command.json) {
      io.stdout(
        `${JSON.stringify({ organizationId: review.organizationId, roster, undeclared, members: review.members, invitations: review.invitations }, null, 2)}\n`,
      );
    } else {
      io.stdout(`${formatReport(review, roster, declared?.length)}\n`);
    }
    return roster !== null && undeclared.members + undeclared.invitations > 0 ? EXIT_UNDECLARED : EXIT_OK;
  } catch (error) {
    io.stderr(`error: ${messageOf(error)}\n`);
    return exitCodeOf(error);
  }
}

/** The client of the environment's credentials; fails, naming the variable (never the token), without one. */
function environmentClient(env: NodeJS.ProcessEnv): QoveryConnection {
  return connect(resolveSettings(undefined, env), "environment");
}

const ACCESS_LABEL: Record<AccessStanding, string> = {
  declared: "declared",
  undeclared: "UNDECLARED",
  owner: "owner",
  kept: "kept",
  unreviewed: "-",
};

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ")}`.trimEnd(),
  );
}

/** A titled table, or "(none)" under the title when there is no row. */
function section(title: string, header: string[], rows: string[][]): string[] {
  return [title, ...(rows.length === 0 ? ["  (none)"] : table([header, ...rows]))];
}

/** The report as a table: members, invitations, and a closing line saying what to do. */
function formatReport(review: AccessReview, roster: string | null, declaredCount?: number): string {
  const { members, invitations } = review;
  const against = roster === null ? "no roster given" : `reviewed against ${roster} (${plural(declaredCount ?? 0, "person", "people")})`;
  const lines = [
    `Qovery organization ${review.organizationId}: ${plural(members.length, "member")}, ${plural(invitations.length, "invitation")}; ${against}`,
    "",
  ];

  const memberRows = members.map((member) => [
    ACCESS_LABEL[member.access],
    member.email,
    member.roleName ?? "-",
    member.lastActivityAt ? shortDate(member.lastActivityAt) : "-",
    member.id,
    [member.owner ? "organization owner: never removed" : "", member.tokenMember ? "the API token's member: never removed" : ""]
      .filter(Boolean)
      .join("; "),
  ]);
  const invitationRows = invitations.map((invitation) => [
    ACCESS_LABEL[invitation.access],
    invitation.email,
    invitation.roleName ?? "-",
    invitation.status,
    invitation.createdAt ? shortDate(invitation.createdAt) : "-",
    invitation.inviter ?? "-",
  ]);
  lines.push(...section("MEMBERS", ["ACCESS", "EMAIL", "ROLE", "LAST ACTIVITY", "ID", "NOTE"], memberRows));
  lines.push("", ...section("INVITATIONS", ["ACCESS", "EMAIL", "ROLE", "STATUS", "SENT", "INVITED BY"], invitationRows));
  lines.push("");
  if (roster === null) {
    lines.push("No --roster given: nothing is reported as undeclared.");
  } else {
    const findings = undeclaredAccess(review);
    const total = findings.members.length + findings.invitations.length;
    lines.push(
      total === 0
        ? `No undeclared access: everyone is declared in ${roster}, kept, or the owner.`
        : `${plural(total, "undeclared access", "undeclared accesses")} (${plural(findings.members.length, "member")}, ${plural(findings.invitations.length, "invitation")}): ` +
            `declare in ${roster}, add to keep (--keep), or let the roster remove (unmanaged: "remove").`,
    );
  }
  return lines.join("\n");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * The message of a failure that escaped main (main reports its own): printed, never silent, with
 * the environment's token masked should anything ever carry it.
 */
export function failureMessage(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = messageOf(error);
  const token = env.QOVERY_API_TOKEN?.trim();
  return `error: ${token ? message.split(token).join("<token>") : message}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(failureMessage(error, process.env));
      process.exitCode = exitCodeOf(error);
    },
  );
}
