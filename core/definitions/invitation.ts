/**
 * The definition of OrganizationInvitation: every input and output, its schemas and its
 * metadata, in one place. The program side (sdk/invitation.ts) and the plugin
 * (provider/invitation/) derive from it their types, check, the parsing of state, the outputs,
 * diff's rules and the secret outputs. Adding a field means adding it here (and to the docs).
 */
import { z } from "zod";
import { INVITATION_STATUSES, ON_DELETE_POLICIES, ON_EXPIRED_POLICIES } from "../contract";
import { EXAMPLE_UUID } from "../identifiers";
import { LEGACY_ROLES } from "../role-requests";
import { emailAddress, expected, oneOf, text, uuid } from "../schemas";
import { absentMeanings, input, namesWhere, output, recordedOf, shapeOf, valuesOf } from "./field";

const LEGACY_ROLE_NAMES = Object.keys(LEGACY_ROLES) as [keyof typeof LEGACY_ROLES, ...(keyof typeof LEGACY_ROLES)[]];

/** A value in state or after check: text with something in it. */
const filled = () => z.string().min(1);
const optionalText = () => z.string().optional();

export const invitationInputFields = {
  /** The UUID of the Qovery organization. Changing it replaces the invitation. */
  organizationId: input(uuid(`a UUID such as ${EXAMPLE_UUID}`, "is required: the UUID of the Qovery organization"), filled(), {
    description: "The UUID of the Qovery organization. Changing it replaces the invitation.",
    change: "replace",
    recorded: true,
  }),
  /** The address to invite. Trimmed and compared in lower case; changing it replaces the invitation. */
  email: input(emailAddress("is required: the address to invite, such as jane@example.com"), filled(), {
    description: "The address to invite. Trimmed and compared in lower case; changing it replaces the invitation.",
    change: "replace",
    recorded: true,
  }),
  /** The role's UUID in this organization (see `getOrganizationRoles`). */
  roleId: input(uuid("a role UUID (see getOrganizationRoles), or use roleName").optional(), optionalText(), {
    description: "The role's UUID in this organization (see `getOrganizationRoles`).",
    change: "role",
  }),
  /**
   * The role's name, case-insensitive: a built-in role (`admin`, `devops`, `billing`, `viewer`) or a
   * custom role. Give exactly one of `roleName`, `roleId` and `role`. `owner` declares the
   * organization owner as they are (never invited or changed), and is refused for anyone else.
   */
  roleName: input(text('a role name such as "admin", "viewer" or a custom role\'s name').optional(), optionalText(), {
    description:
      "The role's name, case-insensitive: a built-in role (`admin`, `devops`, `billing`, `viewer`) or a custom role. " +
      "Give exactly one of `roleName`, `roleId` and `role`. `owner` declares the organization owner as they are " +
      "(never invited or changed), and is refused for anyone else.",
    change: "role",
  }),
  /** @deprecated Qovery's old role enum; it no longer matches the real roles. Use `roleName`. */
  role: input(
    z
      .preprocess(
        (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
        z.enum(LEGACY_ROLE_NAMES, { error: expected(`one of ${LEGACY_ROLE_NAMES.join(", ")} (deprecated: prefer roleName)`) }),
      )
      .optional(),
    z.enum(LEGACY_ROLE_NAMES).optional(),
    {
      description: "Deprecated: Qovery's old role enum; it no longer matches the real roles. Use `roleName`.",
      change: "role",
      recorded: true,
      // Recorded for diff; a program reads the resolved roleId and roleName instead.
      hidden: true,
    },
  ),
  /**
   * Once a refresh has seen the invitation expire: `keep` (default) reports EXPIRED and does
   * nothing, `reissue` sends a new invitation at the next `up`, `fail` makes the next `up` fail.
   */
  onExpired: input(oneOf(ON_EXPIRED_POLICIES).default("keep"), z.enum(ON_EXPIRED_POLICIES).default("keep"), {
    description:
      "Once a refresh has seen the invitation expire: `keep` (default) reports EXPIRED and does nothing, " +
      "`reissue` sends a new invitation at the next `up`, `fail` makes the next `up` fail.",
    change: "update",
    recorded: true,
    absentMeans: "keep",
  }),
  /**
   * When the resource is deleted (removed from the program, or `pulumi destroy`): `remove`
   * (default) cancels a pending invitation and removes an accepted member; `downgrade` cancels a
   * pending invitation and gives an accepted member the role `downgradeRoleName` instead.
   */
  onDelete: input(oneOf(ON_DELETE_POLICIES).optional(), z.enum(ON_DELETE_POLICIES).optional(), {
    description:
      "When the resource is deleted: `remove` (default) cancels a pending invitation and removes an accepted member; " +
      "`downgrade` cancels a pending invitation and gives an accepted member the role `downgradeRoleName` instead.",
    change: "update",
    recorded: true,
    forDelete: true,
    absentMeans: "remove",
  }),
  /** The role an accepted member gets on delete under `onDelete: "downgrade"` (default `viewer`); only with it. */
  downgradeRoleName: input(text('a role name such as "viewer"').optional(), optionalText(), {
    description: 'The role an accepted member gets on delete under `onDelete: "downgrade"` (default `viewer`); only with it.',
    change: "update",
    recorded: true,
    forDelete: true,
  }),
};

export const invitationOutputFields = {
  // Empty for an owner whose member entry names no role id (provider/invitation/owner.ts).
  /** The role's UUID. */
  roleId: output(z.string(), { description: "The role's UUID." }),
  /** The role's name as Qovery spells it. */
  roleName: output(filled(), { description: "The role's name as Qovery spells it." }),
  /** PENDING, EXPIRED or ACCEPTED, as of the last create or refresh. */
  invitationStatus: output(z.enum(INVITATION_STATUSES), { description: "PENDING, EXPIRED or ACCEPTED, as of the last create or refresh." }),
  /** The invitation's id; kept after acceptance for the record. */
  invitationId: output(optionalText(), { description: "The invitation's id; kept after acceptance for the record." }),
  /** The link that lets its holder join the organization: a Pulumi secret. Empty once the person is a member. */
  invitationLink: output(optionalText(), {
    description: "The link that lets its holder join the organization: a Pulumi secret. Empty once the person is a member.",
    secret: true,
  }),
  /** Who sent the invitation, as Qovery reports it. */
  inviter: output(optionalText(), { description: "Who sent the invitation, as Qovery reports it." }),
  /** When the invitation was created (ISO 8601). */
  createdAt: output(optionalText(), { description: "When the invitation was created (ISO 8601)." }),
  /** The organization's name, as Qovery reports it. */
  organizationName: output(optionalText(), { description: "The organization's name, as Qovery reports it." }),
  /** The member's id (such as `github|12345`) once the person is a member. */
  memberId: output(optionalText(), { description: "The member's id (such as `github|12345`) once the person is a member." }),
  /** When this provider last changed the member's role; the member list lags behind it. */
  roleChangedAt: output(optionalText(), {
    description: "When this provider last changed the member's role; the member list lags behind it.",
    hidden: true,
  }),
};

/** The inputs kept in state as declared (the role given is recorded as the resolved roleId and roleName). */
const recordedInvitationInputs = recordedOf(invitationInputFields);

/** What check applies to a program's values, field by field. */
export const invitationCheckShape = shapeOf(invitationInputFields, "check");

/** The inputs after check, as create and update parse them. */
export const invitationInputsSchema = z.looseObject(shapeOf(invitationInputFields, "value"));

/** Every field the state of a resource holds: the recorded inputs, then the outputs. */
export const invitationStateFields = { ...recordedInvitationInputs, ...invitationOutputFields };

/** The state of a resource. */
export const invitationOutputsSchema = z.looseObject(shapeOf(invitationStateFields, "value"));

export type InvitationInputs = z.output<typeof invitationInputsSchema>;
export type InvitationOutputs = z.output<typeof invitationOutputsSchema>;

/** The inputs whose change replaces the resource, and those updated in place, in definition order. */
export const INVITATION_REPLACES_ON_CHANGE = namesWhere(invitationInputFields, (meta) => meta.change === "replace");
/** The role inputs (one of them is given), in the order of precedence. */
export const INVITATION_ROLE_INPUTS = namesWhere(invitationInputFields, (meta) => meta.change === "role");
export const INVITATION_UPDATES_IN_PLACE = namesWhere(invitationInputFields, (meta) => meta.change === "update");
/** The outputs Pulumi keeps secret. */
export const INVITATION_SECRET_OUTPUTS = namesWhere(invitationOutputFields, (meta) => meta.secret === true);
/** What an absent input means where diff compares it (onExpired "keep", onDelete "remove"). */
export const INVITATION_ABSENT_MEANS = absentMeanings(invitationInputFields);

type RecordedInputName = keyof typeof recordedInvitationInputs;
const RECORDED_NAMES = Object.keys(recordedInvitationInputs) as RecordedInputName[];
const UPDATABLE_RECORDED_NAMES = RECORDED_NAMES.filter((name) => invitationInputFields[name].meta.change !== "replace");

/** The declared inputs a state keeps, from checked inputs or an older state. */
export function recordedInputsOf<T extends Pick<InvitationInputs, RecordedInputName>>(values: T): Pick<T, RecordedInputName> {
  return valuesOf(values, RECORDED_NAMES);
}

/** The recorded inputs an update may change in place (those whose change does not replace the resource). */
export function updatableInputsOf<T extends Pick<InvitationInputs, RecordedInputName>>(values: T) {
  return valuesOf(values, UPDATABLE_RECORDED_NAMES);
}
