/**
 * Today's organization as a people file (YAML or CSV) that `readPeopleFile` reads back, so that
 * an OrganizationRoster over it adopts everyone as they are: no invitation email, no role change,
 * nothing removed. Pure: the export command reads the organization and writes the text.
 *
 * - Every member and every pending invitation, one entry per email (lower case), sorted, with
 *   the role's name as Qovery lists it (custom roles included).
 * - A person with several identities (one member per identity provider) is one entry with the
 *   role of the identity the roster adopts (the most recent, as create does), and a comment
 *   naming each identity.
 * - A member with a pending invitation too is the member (create adopts the member).
 * - The owner is listed with `roleName: owner` and a comment: never invited or removed, whether
 *   or not Qovery lists that role (the plugin adopts the owner by the member list).
 * - Expired invitations are left out (declaring them would invite again), named in a comment.
 * - An entry that names no role at all is left out, named in a comment: only a person can say
 *   which role it should have.
 */
import type { YAMLMap } from "yaml";
import { type AccessMember, type OrganizationAccess } from "./access-review";
import { normalizeEmail } from "./identifiers";
import { membersWithEmail } from "./people";
import { yaml } from "./yaml";

export type PeopleFileFormat = "yaml" | "csv";

export interface ExportedPerson {
  email: string;
  roleName: string;
  /** Said in a comment above the entry. */
  note?: string;
}

export interface PeopleExport {
  organizationId: string;
  people: ExportedPerson[];
  /** Comments of the file's head: what was left out, and why. */
  leftOut: string[];
  counts: { members: number; invitations: number };
}

/** Decides, for each email, the entry a roster needs to adopt that person as they are. */
export function exportPeople(access: OrganizationAccess): PeopleExport {
  const emails = [...new Set([...access.members, ...access.invitations].map((entry) => normalizeEmail(entry.email)))].sort();
  const people: ExportedPerson[] = [];
  const expired: string[] = [];
  const roleless: string[] = [];
  const counts = { members: 0, invitations: 0 };
  for (const email of emails) {
    const identities = membersWithEmail(access.members, email);
    const pending = access.invitations.find((invitation) => invitation.status === "PENDING" && normalizeEmail(invitation.email) === email);
    if (identities.length > 0) {
      const person = memberEntry(email, identities);
      if (person) {
        people.push(person);
        counts.members += 1;
      } else roleless.push(`member ${email}`);
    } else if (pending) {
      if (pending.roleName) {
        people.push({ email, roleName: pending.roleName });
        counts.invitations += 1;
      } else roleless.push(`invitation ${email}`);
    } else {
      const invitation = access.invitations.find((candidate) => normalizeEmail(candidate.email) === email)!;
      expired.push(`${email} (${invitation.roleName ?? "no role"})`);
    }
  }
  const leftOut: string[] = [];
  if (expired.length > 0) {
    leftOut.push(
      `Left out, expired invitations: ${expired.join(", ")}.`,
      `Add a line to invite one again; under unmanaged: "remove" the roster cancels them.`,
    );
  }
  if (roleless.length > 0) leftOut.push(`Left out, naming no role (add them with the role they should have): ${roleless.join(", ")}.`);
  return { organizationId: access.organizationId, people, leftOut, counts };
}

function memberEntry(email: string, identities: AccessMember[]): ExportedPerson | undefined {
  const owner = identities.find((member) => member.owner);
  const adopted = owner ?? identities[0]!;
  const notes: string[] = [];
  if (owner) notes.push("the organization owner: never invited, removed or given another role by the roster");
  if (identities.length > 1) {
    const list = identities.map((member) => `${member.id} (${member.roleName ?? "no role"})`).join(", ");
    notes.push(`one person, ${identities.length} identities: ${list}; the roster sets the role of ${adopted.id} and removes them all`);
  }
  const roleName = owner ? "owner" : adopted.roleName;
  if (!roleName) return undefined;
  return { email, roleName, ...(notes.length > 0 ? { note: notes.join("; ") } : {}) };
}

function header(exported: PeopleExport): string[] {
  const { members, invitations } = exported.counts;
  return [
    `The people of Qovery organization ${exported.organizationId}: ${members} members and ${invitations} pending invitations,`,
    `written by \`pulumi-qovery-invitations export\`. An OrganizationRoster over this file adopts each person as they are.`,
    ...exported.leftOut,
  ];
}

/** The export as the text of a people file in the given format. */
export function formatPeopleFile(exported: PeopleExport, format: PeopleFileFormat): string {
  return format === "csv" ? formatCsv(exported) : formatYaml(exported);
}

function formatYaml(exported: PeopleExport): string {
  const { Document, isSeq } = yaml();
  const document = new Document({
    people: exported.people.map(({ note: _note, ...entry }) => entry),
  });
  document.commentBefore = header(exported)
    .map((line) => ` ${line}`)
    .join("\n");
  const list = document.get("people");
  if (isSeq(list)) {
    list.items.forEach((item, index) => {
      const note = exported.people[index]!.note;
      if (note) (item as YAMLMap).commentBefore = ` ${note}`;
    });
  }
  return document.toString();
}

function formatCsv(exported: PeopleExport): string {
  const lines = [...header(exported).map((line) => `# ${line}`), "email,roleName"];
  for (const person of exported.people) {
    if (person.note) lines.push(`# ${person.note}`);
    lines.push(`${csvCell(person.email)},${csvCell(person.roleName)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A cell quoted when it holds a comma, a quote or surrounding spaces. */
function csvCell(value: string): string {
  return /[",]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
