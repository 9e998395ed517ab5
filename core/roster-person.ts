/**
 * One person of an OrganizationRoster, as a program declares it or a people file lists it, and
 * the schema both are checked with: every issue is reported, by field.
 */
import { z } from "zod";
import { ON_EXPIRED_POLICIES, type OnExpired } from "./contract";
import { emailAddress, expected, oneOf, text, uuid } from "./schemas";

export interface RosterPerson {
  /** The address to invite. */
  email: string;
  /** The role's name, case-insensitive. Give roleName or roleId. `owner`: the organization owner's line only. */
  roleName?: string;
  /** The role's UUID. */
  roleId?: string;
  /** Overrides the roster's onExpired for this person. */
  onExpired?: OnExpired;
  /** Pulumi's retainOnDelete for this person's resource only: taken out of the roster, they keep their access. */
  retainOnDelete?: boolean;
}

export const PERSON_FIELDS = ["email", "roleName", "roleId", "onExpired", "retainOnDelete"] as const;

/** A boolean, or a CSV cell `true`/`false` (any case). */
const trueOrFalse = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], { error: expected("true or false") }),
);

export const personSchema = z
  .strictObject(
    {
      email: emailAddress(),
      roleName: text('a role name such as "admin"').optional(),
      roleId: uuid("a role UUID (or use roleName)").optional(),
      onExpired: oneOf(ON_EXPIRED_POLICIES).optional(),
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
