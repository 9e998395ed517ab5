/**
 * One person of an OrganizationRoster, as a program declares it or a people file lists it: each
 * field's check, the type of its value and its description, in one place. The schema both are
 * checked with (every issue reported, by field), the people file's columns and the native
 * package's RosterPerson type derive from it.
 */
import { z } from "zod";
import { ON_EXPIRED_POLICIES, type OnExpired } from "./contract";
import { input, shapeOf } from "./definitions/field";
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

/** A boolean, or a CSV cell `true`/`false` (any case). */
const trueOrFalse = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], { error: expected("true or false") }),
);

export const rosterPersonFields = {
  email: input(emailAddress(), z.string(), { description: "The address to invite." }),
  roleName: input(text('a role name such as "admin"').optional(), z.string().optional(), {
    description: "The role's name, case-insensitive. Give roleName or roleId. `owner`: the organization owner's line only.",
  }),
  roleId: input(uuid("a role UUID (or use roleName)").optional(), z.string().optional(), { description: "The role's UUID." }),
  onExpired: input(oneOf(ON_EXPIRED_POLICIES).optional(), z.enum(ON_EXPIRED_POLICIES).optional(), {
    description: "Overrides the roster's onExpired for this person.",
  }),
  retainOnDelete: input(trueOrFalse.optional(), z.boolean().optional(), {
    description: "Pulumi's retainOnDelete for this person's resource only: taken out of the roster, they keep their access.",
  }),
};

/** The fields a person may have (a people file's columns), in definition order. */
export const PERSON_FIELDS = Object.keys(rosterPersonFields) as (keyof typeof rosterPersonFields)[];

/** A person once checked: the type the native package's RosterPerson describes. */
export const rosterPersonValueSchema = z.object(shapeOf(rosterPersonFields, "value"));

export const personSchema = z
  .strictObject(shapeOf(rosterPersonFields, "check"), {
    error: (issue) => (issue.code === "invalid_type" ? "expected a mapping with email and roleName" : undefined),
  })
  .superRefine((person, context) => {
    if (person.roleName === undefined && person.roleId === undefined) {
      context.addIssue({ code: "custom", path: ["roleName"], message: "(or roleId) is required" });
    } else if (person.roleName !== undefined && person.roleId !== undefined) {
      context.addIssue({ code: "custom", path: ["roleId"], message: "give only one of roleName and roleId" });
    }
  });
