/**
 * The definition of OrganizationRoster's arguments: each argument's check, the type of its value
 * and its description, in one place. The program side (sdk/roster-args.ts) checks a roster's
 * arguments with the checks, and the native package's schema (provider/native/schema.ts) types and
 * describes them from the values and the metadata. The TypeScript contract, OrganizationRosterArgs
 * (sdk/roster.ts), names the same arguments (a test keeps it so).
 *
 * Several checks cannot tell the schema a type: they accept a value zod has no type for (an Output
 * for organizationId) or test it with a function (the integers), so `z.toJSONSchema` of a check is
 * no type at all. Each argument's value schema says the type instead, as an invitation's does: the
 * value a checked argument holds. It is a zod schema rather than a `schemaType` entry in the
 * metadata, so that the schema generator reads every field's type one way (the invitation's too)
 * and the metadata holds no word of the schema format's own.
 */
import { z } from "zod";
import { ON_DELETE_POLICIES, ON_EXPIRED_POLICIES } from "../contract";
import { isNonNegativeInteger } from "../guardrails";
import { isUuid } from "../identifiers";
import { personSchema, rosterPersonValueSchema } from "../roster-person";
import { UNMANAGED_POLICIES } from "../roster-plan";
import { emailAddress, expected, oneOf, text } from "../schemas";
import { input, shapeOf } from "./field";

const nonNegativeInteger = z.unknown().refine(isNonNegativeInteger, { error: expected("a non-negative integer") });
const optionalText = () => z.string().optional();
const optionalCount = () => z.number().int().nonnegative().optional();

export const rosterArgumentFields = {
  // An Input: checked here only when it is a plain string (an Output is checked by each person's resource).
  organizationId: input(
    z.unknown().refine((id) => (typeof id === "string" ? isUuid(id.trim()) : typeof id === "object" && id !== null), {
      error: expected("the organization's UUID"),
    }),
    z.string(),
    { description: "The UUID of the Qovery organization." },
  ),
  people: input(z.array(personSchema, { error: expected("a list of { email, roleName }") }), z.array(rosterPersonValueSchema), {
    description: "The people, each with an email and a roleName (or roleId). Emails must be unique, whatever their case.",
  }),
  onExpired: input(oneOf(ON_EXPIRED_POLICIES).optional(), z.enum(ON_EXPIRED_POLICIES).optional(), {
    description: "The policy for expired invitations of everyone who does not set their own: `keep` (default), `reissue` or `fail`.",
  }),
  childNamePrefix: input(z.string({ error: expected("text") }).optional(), optionalText(), {
    description:
      "Prepended to each child's name (default: none, the child is named after the email). Only needed when one program " +
      "declares the same email in several rosters.",
  }),
  unmanaged: input(oneOf(UNMANAGED_POLICIES).optional(), z.enum(UNMANAGED_POLICIES).optional(), {
    description:
      "Members and invitations of the organization that this roster does not declare: `report` (default) lists them in " +
      "`unmanagedMembers` / `unmanagedInvitations` and prints a warning; `remove` makes the roster authoritative: each is " +
      "removed at `pulumi up`, listed by the preview before anything happens. Never the organization owner, the member the " +
      "API token belongs to, or an email of `keep`. `remove` needs `organizationId` as a plain string; declare each " +
      "organization in one roster only.",
  }),
  keep: input(z.array(emailAddress(), { error: expected("a list of email addresses") }).optional(), z.array(z.string()).optional(), {
    description: "Emails (any case) that are never reported as undeclared and never removed: service accounts, an auditor.",
  }),
  maxRemovals: input(nonNegativeInteger.optional(), optionalCount(), {
    description:
      "`unmanaged: remove` only: a preview or up that would remove more members and invitations than this fails before " +
      "anything is removed (default 5). For one run, the stack config `qovery:maxRemovals` or the environment variable " +
      "QOVERY_MAX_REMOVALS replaces it.",
  }),
  minAdmins: input(nonNegativeInteger.optional(), optionalCount(), {
    description:
      "`unmanaged: remove` only: a preview or up that would leave fewer people with the admin role than this (the owner " +
      "not counted), or fewer than there are when there already are fewer, fails before anything is removed (default 1).",
  }),
  onDelete: input(oneOf(ON_DELETE_POLICIES).optional(), z.enum(ON_DELETE_POLICIES).optional(), {
    description:
      "What taking a person out of the roster does: `remove` (default) removes them from the organization; `downgrade` " +
      "gives an accepted member `downgradeRoleName` instead (a pending invitation is cancelled). Not with `unmanaged: remove`.",
  }),
  downgradeRoleName: input(text('a role name such as "viewer"').optional(), optionalText(), {
    description: "The role given under `onDelete: downgrade` (default `viewer`); must be a role of the organization.",
  }),
};

/** What a roster's arguments are checked with, argument by argument (the rules between them are the program side's). */
export const rosterArgumentCheckShape = shapeOf(rosterArgumentFields, "check");
