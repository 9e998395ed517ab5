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
 * Every problem is reported at once, with its line (CSV) or entry number (YAML) and field.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { withoutUndefined } from "../provider/without-undefined";
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

/** What a problem with a value says: "is required" when absent, else what would be valid and what was given. */
function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? "is required" : `must be ${what}; got ${JSON.stringify(issue.input)}`;
}

/** Text with something in it besides spaces, trimmed. */
const text = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `must not be blank: give ${what}` });

/** A YAML boolean, or a CSV cell `true`/`false` (any case). */
const trueOrFalse = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], { error: expected("true or false") }),
);

/** One entry of a people file; every issue is reported, by field. */
const personSchema = z
  .strictObject(
    {
      email: text("an email address such as ada@example.com"),
      roleName: text('a role name such as "admin"').optional(),
      roleId: text("a role UUID (or use roleName)").optional(),
      onExpired: z.enum(["keep", "reissue", "fail"], { error: expected("one of keep, reissue, fail") }).optional(),
      retainOnDelete: trueOrFalse.optional(),
    },
    { error: (issue) => (issue.code === "invalid_type" ? "expected a mapping with email and roleName" : undefined) },
  )
  .superRefine((person, context) => {
    if (person.roleName === undefined && person.roleId === undefined) {
      context.addIssue({ code: "custom", path: ["roleName"], message: "(or roleId) is required" });
    } else if (person.roleName !== undefined && person.roleId !== undefined) {
      context.addIssue({ code: "custom", path: ["roleId"], message: "give only one of roleName and roleId" });
    }
  });

function toPerson(entry: unknown, where: string, problems: string[]): RosterPerson | undefined {
  const parsed = personSchema.safeParse(entry);
  if (parsed.success) return withoutUndefined(parsed.data) as RosterPerson;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      problems.push(`${where}: unknown field ${issue.keys.join(", ")} (valid: ${FIELDS.join(", ")})`);
    } else {
      problems.push(issue.path.length === 0 ? `${where}: ${issue.message}` : `${where}: ${issue.path.join(".")} ${issue.message}`);
    }
  }
  return undefined;
}
