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
import { messageOf, QoveryInvitationsError } from "./errors";
import { PERSON_FIELDS, personSchema, type RosterPerson } from "./roster-person";
import { withoutUndefined } from "./without-undefined";
import { yaml } from "./yaml";

export type { RosterPerson } from "./roster-person";

export class PeopleFileError extends QoveryInvitationsError {
  constructor(file: string, problems: string[]) {
    super({
      code: "PEOPLE_FILE",
      subject: file,
      message: `${file}: ${problems.join("; ")}`,
      advice: "Fix each line (CSV) or entry (YAML) named; every problem of the file is listed.",
    });
    this.name = "PeopleFileError";
  }
}

/** Reads people from a .yaml, .yml or .csv file. */
export function readPeopleFile(file: string): RosterPerson[] {
  const text = readText(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return parsePeopleCsv(text, file);
  if (extension === ".yaml" || extension === ".yml") return parsePeopleYaml(text, file);
  throw new PeopleFileError(file, [`unsupported extension "${extension}": use .yaml, .yml or .csv`]);
}

/** The file's text; a file that cannot be read (missing, a directory, no permission) is a PeopleFileError naming it. */
function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PeopleFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`]);
  }
}

export function parsePeopleYaml(text: string, source = "people file"): RosterPerson[] {
  let document: unknown;
  try {
    document = yaml().parse(text);
  } catch (error) {
    throw new PeopleFileError(source, [`not valid YAML: ${messageOf(error)}`]);
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
  const unknown = columns.filter((column) => !(PERSON_FIELDS as readonly string[]).includes(column));
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
  const parsed = personSchema.safeParse(entry);
  if (parsed.success) return withoutUndefined(parsed.data) as RosterPerson;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      problems.push(`${where}: unknown field ${issue.keys.join(", ")} (valid: ${PERSON_FIELDS.join(", ")})`);
    } else {
      problems.push(issue.path.length === 0 ? `${where}: ${issue.message}` : `${where}: ${issue.path.join(".")} ${issue.message}`);
    }
  }
  return undefined;
}
