/**
 * The arguments of an OrganizationRoster, checked as a whole before anything is registered:
 * every problem is named at once, by field (`people[2].email is required`), in one error. Each
 * argument's check is its definition's (core/definitions/roster.ts); the rules between arguments
 * are here.
 */
import { z } from "zod";
import {
  downgradeRoleProblem,
  failuresOf,
  isOwnerRoleName,
  normalizeEmail,
  QoveryInvitationsError,
  rosterArgumentCheckShape,
} from "../core";

export type { UnmanagedPolicy } from "../core";

/** The rules between arguments; checked whatever else fails. */
function crossChecks(args: Record<string, unknown>, context: z.core.$RefinementCtx): void {
  const fail = (message: string, path: string[] = []) => context.addIssue({ code: "custom", path, message });
  if (Array.isArray(args.people)) {
    const emails = args.people.flatMap((person) => (typeof person?.email === "string" ? [normalizeEmail(person.email)] : []));
    const repeated = [...new Set(emails.filter((email, index) => emails.indexOf(email) !== index))];
    if (repeated.length > 0) fail(`must list each email once; repeated: ${repeated.join(", ")}`, ["people"]);
    // An organization has one owner, so a second is a mistake that only the preview would catch otherwise.
    const owners = args.people.filter((person) => typeof person?.roleName === "string" && isOwnerRoleName(person.roleName));
    if (owners.length > 1) {
      fail(
        `may declare one person with roleName "owner", the organization's one owner; got ${owners.map((person) => String(person.email)).join(", ")}`,
        ["people"],
      );
    }
  }
  if (args.unmanaged === "remove" && typeof args.organizationId !== "string") {
    fail(
      `unmanaged "remove" needs organizationId as a plain string (such as a config value), ` +
        `so that \`pulumi preview\` can list the removals before anything happens`,
    );
  }
  const downgradeProblem =
    typeof args.downgradeRoleName === "string" ? downgradeRoleProblem(args.onDelete, args.downgradeRoleName) : undefined;
  if (downgradeProblem) fail(downgradeProblem, ["downgradeRoleName"]);
  if (args.onDelete === "downgrade" && args.unmanaged === "remove") {
    fail(
      `onDelete "downgrade" cannot be combined with unmanaged "remove": a person taken out of an authoritative roster is undeclared, ` +
        `and is removed; list them in keep, or use unmanaged "report"`,
    );
  }
}

const rosterArgsSchema = z
  .looseObject(rosterArgumentCheckShape)
  .superRefine((args, context) => crossChecks(args, context), { when: () => true });

/** Refuses arguments that cannot be applied as a whole, naming every problem, before anything is registered. */
export function checkRosterArgs(name: string, args: unknown): void {
  const parsed = rosterArgsSchema.safeParse(args);
  if (parsed.success) return;
  const problems = failuresOf(parsed.error.issues).map(({ property, reason }) => (property ? `${property} ${reason}` : reason));
  throw new QoveryInvitationsError({
    code: "INVALID_INPUT",
    subject: `OrganizationRoster "${name}"`,
    message: `OrganizationRoster "${name}": ${problems.join("; ")}`,
    advice: "Fix each roster argument named; every problem is listed.",
  });
}
