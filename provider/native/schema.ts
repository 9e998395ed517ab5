/**
 * The Pulumi package schema of the native plugin, built from the resources' definitions
 * (core/definitions): each field's type comes from its zod schema, its description, secrecy and
 * whether it is required from its metadata. `pulumi package get-schema` prints it, and the SDKs
 * of other languages are generated from it (tools/sdk-gen), so a field added to a definition
 * reaches every language.
 */
import { z } from "zod";
import {
  ACCESS_FUNCTION,
  CONFIG_DEFAULTS,
  DYNAMIC_INVITATION_TYPE,
  INVITATION_TYPE,
  invitationInputFields,
  invitationOutputFields,
  PACKAGE_NAME,
  ROLE_FUNCTION,
  rosterArgumentFields,
  rosterPersonFields,
  rosterPersonValueSchema,
  ROLE_TYPE,
  ROLES_FUNCTION,
  ROSTER_TYPE,
  type FieldMeta,
} from "../../core";

interface PropertySpec {
  type?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  $ref?: string;
  description?: string;
  secret?: boolean;
  default?: unknown;
}

type Field = { meta: FieldMeta; value: z.ZodType };

const PERSON_TYPE = `${PACKAGE_NAME}:index:RosterPerson`;

/**
 * The object types of the schema that a field's value may be, by their zod schema: a field of
 * such a value (or a list of them) refers to the type by its token rather than repeating it.
 */
const NAMED_TYPES = new Map<z.ZodType, string>([[rosterPersonValueSchema, PERSON_TYPE]]);

/**
 * Pulumi's property type of a zod schema: a named type's reference, a list of the type of its
 * entries, or else the JSON Schema type, which is what the schema format is built on.
 */
function typeOf(schema: z.ZodType): Pick<PropertySpec, "type" | "items" | "$ref"> {
  const given = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const named = NAMED_TYPES.get(given);
  if (named) return { $ref: `#/types/${named}` };
  if (given instanceof z.ZodArray) return { type: "array", items: typeOf(given.element as z.ZodType) };
  const json = z.toJSONSchema(given, { io: "input", unrepresentable: "any" });
  const type = typeof json.type === "string" ? json.type : "string";
  return { type };
}

function property(field: Field): PropertySpec {
  return {
    ...typeOf(field.value),
    description: field.meta.description,
    ...(field.meta.secret ? { secret: true } : {}),
  };
}

function properties(fields: Record<string, Field>): Record<string, PropertySpec> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, property(field)]));
}

/** The names of the fields whose schema refuses an absent value. */
function requiredNames<F extends Record<string, object>>(fields: F, schemaOf: (field: F[keyof F]) => z.ZodType): string[] {
  return Object.entries(fields)
    .filter(([, field]) => !schemaOf(field as F[keyof F]).safeParse(undefined).success)
    .map(([name]) => name);
}

/** The provider's own settings: the same as the dynamic provider's `qovery:` keys, in this package's namespace. */
const CONFIG_PROPERTIES: Record<string, PropertySpec> = {
  apiToken: { type: "string", secret: true, description: "The Qovery API token; else the environment variable QOVERY_API_TOKEN." },
  apiUrl: { type: "string", description: `Qovery's API base URL; else QOVERY_API_URL, else ${CONFIG_DEFAULTS.apiUrl}.` },
  requestTimeoutMs: {
    type: "integer",
    description: `Timeout of one HTTP request attempt, in ms (default ${CONFIG_DEFAULTS.requestTimeoutMs}).`,
  },
  maxRetries: { type: "integer", description: `Retries after the first attempt (default ${CONFIG_DEFAULTS.maxRetries}).` },
  maxRetryDelayMs: {
    type: "integer",
    description: `Longest wait between two attempts, in ms (default ${CONFIG_DEFAULTS.maxRetryDelayMs}).`,
  },
  maxConcurrency: { type: "integer", description: `Requests in flight at once (default ${CONFIG_DEFAULTS.maxConcurrency}).` },
};

/** Text properties, by name and description. */
function textProperties(descriptions: Record<string, string>): Record<string, PropertySpec> {
  return Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, { type: "string", description }]));
}

const ACCESS_MEMBER_TYPE = `${PACKAGE_NAME}:index:AccessMember`;
const ACCESS_INVITATION_TYPE = `${PACKAGE_NAME}:index:AccessInvitation`;
const REVIEWED_MEMBER_TYPE = `${PACKAGE_NAME}:index:ReviewedMember`;
const REVIEWED_INVITATION_TYPE = `${PACKAGE_NAME}:index:ReviewedInvitation`;

/** A member of an organization (core/access-review.ts, AccessMember). */
const ACCESS_MEMBER_PROPERTIES: Record<string, PropertySpec> = {
  ...textProperties({
    id: "The identity-provider subject Qovery uses as the member id, such as `github|12345`.",
    email: "The member's email.",
    roleName: "The member's role, as Qovery names it.",
    lastActivityAt: "When the member was last active (ISO 8601), as Qovery reports it.",
    createdAt: "When the member joined (ISO 8601).",
    name: "The member's name, as Qovery reports it.",
  }),
  owner: { type: "boolean", description: "The organization owner: never removed." },
};

/** An invitation of an organization (core/access-review.ts, AccessInvitation); its link, a secret, is left out. */
const ACCESS_INVITATION_PROPERTIES = textProperties({
  id: "The invitation's id.",
  email: "The invited email.",
  roleName: "The role offered, as Qovery names it.",
  status: "PENDING or EXPIRED.",
  inviter: "Who sent it, as Qovery reports it.",
  createdAt: "When it was sent (ISO 8601).",
});

/** How a roster's review classes an entry (core/access-review.ts). */
const ACCESS_STANDING = {
  type: "string",
  description:
    "undeclared (a finding), owner (the organization owner), kept (listed in keep) or declared; never removed unless undeclared.",
};

const ROLE_PROPERTIES = textProperties({
  id: "The role's UUID in this organization.",
  name: "The role's name, as Qovery spells it (built-in names are lower case).",
});

const ROLE_ARGUMENTS = {
  organizationId: { type: "string", description: "The UUID of the Qovery organization." },
};

export function packageSchema(version: string) {
  const outputs = { ...properties(invitationInputFields), ...properties(invitationOutputFields) };
  return {
    name: PACKAGE_NAME,
    displayName: "Qovery invitations",
    version,
    description: "Qovery organization access as code: invitations, roles and rosters of a Qovery organization.",
    keywords: ["qovery", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    // The version reaches the generated SDKs (and their pulumi-plugin.json), and the Go SDK gets a go.mod of its own.
    meta: { supportPack: true },
    config: { variables: CONFIG_PROPERTIES },
    provider: { description: "The Qovery invitations provider.", inputProperties: CONFIG_PROPERTIES },
    types: {
      [PERSON_TYPE]: {
        type: "object",
        description: "One person of a roster.",
        properties: properties(rosterPersonFields),
        required: requiredNames(rosterPersonFields, (field) => field.check),
      },
      [ACCESS_MEMBER_TYPE]: {
        type: "object",
        description: "A member of an organization.",
        properties: ACCESS_MEMBER_PROPERTIES,
        required: ["id", "email", "owner"],
      },
      [ACCESS_INVITATION_TYPE]: {
        type: "object",
        description: "A pending or expired invitation of an organization.",
        properties: ACCESS_INVITATION_PROPERTIES,
        required: ["id", "email", "status"],
      },
      [REVIEWED_MEMBER_TYPE]: {
        type: "object",
        description: "A member of the organization that a roster does not declare.",
        properties: {
          ...ACCESS_MEMBER_PROPERTIES,
          access: ACCESS_STANDING,
          tokenMember: { type: "boolean", description: "The member the API token belongs to (a JWT naming it): never removed." },
        },
        required: ["id", "email", "owner", "access"],
      },
      [REVIEWED_INVITATION_TYPE]: {
        type: "object",
        description: "An invitation of the organization that a roster does not declare.",
        properties: { ...ACCESS_INVITATION_PROPERTIES, access: ACCESS_STANDING },
        required: ["id", "email", "status", "access"],
      },
      [ROLE_TYPE]: {
        type: "object",
        description: "A role of an organization, built-in or custom.",
        properties: ROLE_PROPERTIES,
        required: ["id", "name"],
      },
    },
    resources: {
      [ROSTER_TYPE]: {
        isComponent: true,
        description:
          "The people of one organization as one list: one OrganizationInvitation per person, named after the email, " +
          "and the organization's undeclared access reported or removed.",
        inputProperties: properties(rosterArgumentFields),
        requiredInputs: requiredNames(rosterArgumentFields, (field) => field.check),
        properties: {
          statuses: {
            type: "object",
            additionalProperties: { type: "string" },
            description: "Email (lower case) → PENDING, EXPIRED or ACCEPTED.",
          },
          unmanagedMembers: {
            type: "array",
            items: { $ref: `#/types/${REVIEWED_MEMBER_TYPE}` },
            description:
              "The organization's members this roster does not declare, as seen by this run: findings, the owner and the keep list. " +
              "Absent when the review could not run (a warning says why).",
          },
          unmanagedInvitations: {
            type: "array",
            items: { $ref: `#/types/${REVIEWED_INVITATION_TYPE}` },
            description: "The organization's invitations this roster does not declare; see unmanagedMembers.",
          },
        },
        required: ["statuses"],
      },
      [INVITATION_TYPE]: {
        description:
          "One person invited into a Qovery organization with one role: the invitation is followed until it is accepted, " +
          "and the access revoked when the resource is deleted. Imports by `<organizationId>/<email>`.",
        inputProperties: properties(invitationInputFields),
        requiredInputs: requiredNames(invitationInputFields, (field) => field.check),
        properties: outputs,
        required: requiredNames({ ...invitationInputFields, ...invitationOutputFields }, (field) => field.value),
        aliases: [{ type: DYNAMIC_INVITATION_TYPE }],
      },
    },
    functions: {
      [ACCESS_FUNCTION]: {
        description:
          "Every member and every invitation of an organization (invitation links left out), with the provider's credentials: " +
          "what `pulumi-qovery-invitations review` reads.",
        inputs: { properties: ROLE_ARGUMENTS, required: ["organizationId"] },
        outputs: {
          properties: {
            organizationId: { type: "string", description: "The organization's UUID." },
            members: { type: "array", items: { $ref: `#/types/${ACCESS_MEMBER_TYPE}` } },
            invitations: { type: "array", items: { $ref: `#/types/${ACCESS_INVITATION_TYPE}` } },
          },
          required: ["organizationId", "members", "invitations"],
        },
      },
      [ROLES_FUNCTION]: {
        description: "Every role of an organization, built-in and custom.",
        inputs: { properties: ROLE_ARGUMENTS, required: ["organizationId"] },
        outputs: {
          properties: { roles: { type: "array", items: { $ref: `#/types/${ROLE_TYPE}` } } },
          required: ["roles"],
        },
      },
      [ROLE_FUNCTION]: {
        description: "One role of an organization by case-insensitive name; fails listing the organization's roles if none matches.",
        inputs: {
          properties: { ...ROLE_ARGUMENTS, name: { type: "string", description: "The role's name, case-insensitive." } },
          required: ["organizationId", "name"],
        },
        outputs: {
          properties: ROLE_PROPERTIES,
          required: ["id", "name"],
        },
      },
    },
    language: {
      go: {
        importBasePath: "github.com/pulumi-qovery-invitations/pulumi-qovery-invitations/sdk/go/qoveryinvitations",
        generateResourceContainerTypes: false,
      },
      python: { packageName: "pulumi_qovery_invitations", requires: { pulumi: ">=3.0.0,<4.0.0" } },
    },
  };
}
