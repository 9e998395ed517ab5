/**
 * A whole organization from a file of people:
 *
 *   pulumi config set qovery:apiToken --secret
 *   pulumi config set organizationId <organization UUID>
 *   pulumi up --refresh
 *
 * Every preview and up also lists who has access that people.yaml does not declare (a warning,
 * and the unmanagedMembers / unmanagedInvitations outputs). To make the file authoritative:
 *
 *   pulumi config set unmanaged remove                       # removes undeclared access on `up`
 *   pulumi config set --path 'keep[0]' ci-bot@example.com     # never reported, never removed
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { OrganizationRoster, readPeopleFile, type UnmanagedPolicy } from "pulumi-qovery-invitations";

const config = new pulumi.Config();

const roster = new OrganizationRoster("team", {
  organizationId: config.require("organizationId"),
  people: readPeopleFile(path.resolve(__dirname, config.get("peopleFile") ?? "people.yaml")),
  onExpired: "reissue",
  unmanaged: config.get<UnmanagedPolicy>("unmanaged") ?? "report",
  keep: config.getObject<string[]>("keep") ?? [],
});

/** Email → PENDING, EXPIRED or ACCEPTED. */
export const statuses = roster.statuses;
/** Members the file does not declare: undeclared ones, the owner, the keep list. */
export const unmanagedMembers = roster.unmanagedMembers;
/** Invitations the file does not declare. */
export const unmanagedInvitations = roster.unmanagedInvitations;
