/**
 * A whole organization from a file of people:
 *
 *   pulumi config set qovery:apiToken --secret
 *   pulumi config set organizationId <organization UUID>
 *   pulumi up --refresh
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { OrganizationRoster, readPeopleFile } from "pulumi-qovery-invitations";

const config = new pulumi.Config();

const roster = new OrganizationRoster("team", {
  organizationId: config.require("organizationId"),
  people: readPeopleFile(path.resolve(__dirname, config.get("peopleFile") ?? "people.yaml")),
  onExpired: "reissue",
});

/** Email → PENDING, EXPIRED or ACCEPTED. */
export const statuses = roster.statuses;
