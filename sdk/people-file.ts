/**
 * Reads the people of an OrganizationRoster from a file kept beside the program, so that
 * access changes are reviewed as a change of one line:
 *
 * YAML, a list (or a `people:` key holding one):
 *   - email: ada@example.com
 *     roleName: admin
 *   - { email: grace@example.com, roleName: devops, onExpired: reissue }
 *
 * CSV, with a header line naming the columns (email and roleName or roleId; onExpired and
 * retainOnDelete optional):
 *   email,roleName
 *   ada@example.com,admin
 *
 * Every problem is reported at once, with its line (CSV) or position (YAML) and field.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { OnExpired } from "./invitation";

export interface RosterPerson {
  /** The address to invite. */
  email: string;
  /** The role's name, case-insensitive. Give roleName or roleId. */
  roleName?: string;
  /** The role's UUID. */
  roleId?: string;
  /** Overrides the roster's onExpired for this person. */
  onExpired?: OnExpired;
  /** Pulumi's retainOnDelete for this person's resource only: taken out of the roster, they keep their access. */
  retainOnDelete?: boolean;
}

const FIELDS = ["email", "roleName", "roleId", "onExpired", "retainOnDelete"] as const;

export class PeopleFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "PeopleFileError";
  }
}

/** Reads people from a .yaml, .yml or .csv file. */
export function readPeopleFile(file: string): RosterPerson[] {
  const text = fs.readFileSync(file, "utf8");
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return parsePeopleCsv(text, file);
  if (extension === ".yaml" || extension === ".yml") return parsePeopleYaml(text, file);
  throw new PeopleFileError(file, [`unsupported extension "${extension}": use .yaml, .yml or .csv`]);
}

export function parsePeopleYaml(text: string, source = "people file"): RosterPerson[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new PeopleFileError(source, [`not valid YAML: ${(error as Error).message}`]);
  }
  const list = Array.isArray(document) ? document : (document as { people?: unknown } | null)?.people;
  if (!Array.isArray(list)) throw new PeopleFileError(source, ["expected a list of people, or a `people:` key holding one"]);
  const problems: string[] = [];
  const people = list.flatMap((entry, index) => {
    const person = toPerson(entry, `entry ${index + 1}`, problems);
    return person ? [person] : [];
  });
  if (problems.length > 0) throw new PeopleFileError(source, problems);
  return people;
}

export function parsePeopleCsv(text: string, source = "people file"): RosterPerson[] {
  const lines = text.split(/\r?\n/).map((line, index) => ({ number: index + 1, line: line.trim() }));
  const rows = lines.filter(({ line }) => line !== "" && !line.startsWith("#"));
  if (rows.length === 0) throw new PeopleFileError(source, ["empty: expected a header line such as `email,roleName`"]);
  const [header, ...data] = rows;
  const columns = splitCsvLine(header.line).map((column) => column.trim());
  const unknown = columns.filter((column) => !(FIELDS as readonly string[]).includes(column));
  if (unknown.length > 0 || !columns.includes("email")) {
    throw new PeopleFileError(source, [
      `line ${header.number}: the header must name the columns email, roleName or roleId, and optionally onExpired and retainOnDelete; got "${header.line}"`,
    ]);
  }
  const problems: string[] = [];
  const people = data.flatMap(({ number, line }) => {
    const cells = splitCsvLine(line);
    const entry = Object.fromEntries(columns.map((column, i) => [column, cells[i]?.trim() || undefined]));
    const person = toPerson(entry, `line ${number}`, problems);
    return person ? [person] : [];
  });
  if (problems.length > 0) throw new PeopleFileError(source, problems);
  return people;
}

/** Splits one CSV line on commas, honouring double-quoted cells. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function toPerson(entry: unknown, where: string, problems: string[]): RosterPerson | undefined {
  if (typeof entry !== "object" || entry === null) {
    problems.push(`${where}: expected a mapping with email and roleName`);
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (extra.length > 0) problems.push(`${where}: unknown field ${extra.join(", ")} (valid: ${FIELDS.join(", ")})`);
  const text = (key: string) => (typeof record[key] === "string" && record[key] !== "" ? (record[key] as string) : undefined);
  const email = text("email");
  if (!email) problems.push(`${where}: email is required`);
  if (!text("roleName") && !text("roleId")) problems.push(`${where}: roleName (or roleId) is required`);
  const retainOnDelete = flag(record.retainOnDelete);
  if (retainOnDelete === "invalid") problems.push(`${where}: retainOnDelete must be true or false; got "${String(record.retainOnDelete)}"`);
  if (!email) return undefined;
  const person: RosterPerson = { email };
  for (const key of ["roleName", "roleId", "onExpired"] as const) {
    const value = text(key);
    if (value !== undefined) (person as unknown as Record<string, string>)[key] = value;
  }
  if (typeof retainOnDelete === "boolean") person.retainOnDelete = retainOnDelete;
  return person;
}

/** A YAML boolean, or a CSV cell `true`/`false` (any case); undefined when absent. */
function flag(value: unknown): boolean | undefined | "invalid" {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return "invalid";
}
