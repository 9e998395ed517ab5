/**
 * `pulumi-qovery-invitations export`: where the people file goes and in which format, checked
 * before anything is called, then the organization read and written. The file is never
 * overwritten without --force, and holds nothing secret (no token, no invitation link).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  exportPeople,
  fetchOrganizationAccess,
  formatPeopleFile,
  QoveryInvitationsError,
  type PeopleFileFormat,
  type QoveryClient,
} from "../core";
import { UsageError } from "./usage-error";

export interface ExportCommand {
  name: "export";
  organizationId: string;
  format: PeopleFileFormat;
  /** Undefined: stdout. */
  output?: string;
  force: boolean;
}

const FORMATS: readonly PeopleFileFormat[] = ["yaml", "csv"];
const EXTENSIONS: Record<string, PeopleFileFormat> = { ".yaml": "yaml", ".yml": "yaml", ".csv": "csv" };

/** The format and output of `export`; the file's extension must be one readPeopleFile reads, in that format. */
export function parseExportTarget(values: {
  format?: string;
  output?: string;
  force?: boolean;
}): Omit<ExportCommand, "name" | "organizationId"> {
  const format = values.format?.trim().toLowerCase();
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("--format", `--format must be yaml or csv; got "${values.format}"`);
  }
  const output = values.output === undefined || values.output.trim() === "-" ? undefined : values.output.trim();
  if (output === undefined) return { format: (format as PeopleFileFormat | undefined) ?? "yaml", force: values.force ?? false };
  if (output === "") throw new UsageError("--output", "--output must name a file, or - for stdout");
  const byExtension = EXTENSIONS[path.extname(output).toLowerCase()];
  if (!byExtension) {
    throw new UsageError("--output", `--output must end in .yaml, .yml or .csv (what readPeopleFile reads); got "${output}"`);
  }
  if (format !== undefined && format !== byExtension) {
    throw new UsageError(
      "--format",
      `--format ${format} does not match --output "${output}", which readPeopleFile reads as ${byExtension}`,
    );
  }
  return { format: byExtension, output, force: values.force ?? false };
}

/** Refuses, before any call, an output that exists (without --force), is a directory, or cannot be written. */
function checkWritable(file: string, force: boolean): void {
  const directory = path.dirname(path.resolve(file));
  const parent = fs.statSync(directory, { throwIfNoEntry: false });
  if (!parent?.isDirectory()) {
    const problem = `cannot be created: ${directory} ${parent ? "is not a directory" : "does not exist"}`;
    throw outputRefused(file, problem, "Name a file in a directory that exists.");
  }
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw outputRefused(file, "is a directory: name a file", "Name a file, not a directory.");
  if (stat && !force)
    throw outputRefused(file, "exists: pass --force to overwrite it", "Pass --force to overwrite it, or name another file.");
  try {
    fs.accessSync(stat ? file : directory, fs.constants.W_OK);
  } catch {
    throw outputRefused(file, "is not writable", "Name a file this user may write.");
  }
}

function outputRefused(file: string, problem: string, advice: string): QoveryInvitationsError {
  return new QoveryInvitationsError({
    code: "OUTPUT_FILE",
    subject: `--output "${file}"`,
    message: `--output "${file}" ${problem}`,
    advice,
  });
}

/** Runs the export; returns the exit code (0). Throws on file and API errors, which the CLI reports. */
export async function exportOrganization(
  command: ExportCommand,
  client: () => { client: QoveryClient },
  io: { stdout: (text: string) => void },
): Promise<number> {
  if (command.output !== undefined) checkWritable(command.output, command.force);
  const access = await fetchOrganizationAccess(client().client, command.organizationId);
  const exported = exportPeople(access);
  const text = formatPeopleFile(exported, command.format);
  if (command.output === undefined) {
    io.stdout(text);
    return 0;
  }
  // "wx" creates only: a file that appeared since the check is not overwritten either.
  fs.writeFileSync(command.output, text, { flag: command.force ? "w" : "wx" });
  const { members, invitations } = exported.counts;
  io.stdout(
    `Wrote ${command.output}: ${members} members and ${invitations} pending invitations of organization ${command.organizationId}.\n`,
  );
  return 0;
}
