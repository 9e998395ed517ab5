/**
 * The package's one error vocabulary: a QoveryInvitationsError carries a code, a subject and
 * advice; each of core's errors is one, with its own name and code; messageOf reads anything
 * thrown; and no plain Error is thrown by the product.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { maxRemovalsFor } from "../../core/guardrails";
import {
  InvalidSettingsError,
  messageOf,
  MissingRoleError,
  MissingTokenError,
  NotTheOwnerError,
  PeopleFileError,
  QoveryApiError,
  QoveryInvitationsError,
  readPeopleFile,
  UnknownDowngradeRoleError,
  UnknownRoleError,
} from "../../core";
import { rejectionOf } from "../support/assertions";

const ORG = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ROLES = [
  { id: "r-admin", name: "admin" },
  { id: "r-owner", name: "owner" },
];

const ROOT = path.join(__dirname, "..", "..");

function productFiles(): { file: string; text: string }[] {
  return ["core", "provider", "sdk", "cli"].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => ({ file: `${dir}/${file}`, text: fs.readFileSync(path.join(ROOT, dir, file), "utf8") })),
  );
}

describe("the error vocabulary", () => {
  describe("QoveryInvitationsError", () => {
    it("carries the code, the subject, the advice and the message it is given", () => {
      const error = new QoveryInvitationsError({
        code: "USAGE",
        subject: "--keep",
        message: "--keep takes emails",
        advice: "Pass an email.",
      });
      expect(error).to.include({ code: "USAGE", subject: "--keep", advice: "Pass an email.", message: "--keep takes emails" });
      expect(error).to.be.instanceOf(Error);
    });

    it("keeps the cause it is given, and has none otherwise", () => {
      const cause = new Error("underneath");
      const init = { code: "QOVERY_API", subject: "organization", message: "failed", advice: "retry" } as const;
      expect(new QoveryInvitationsError({ ...init, cause }).cause).to.equal(cause);
      expect(new QoveryInvitationsError(init)).not.to.have.property("cause");
    });
  });

  describe("messageOf", () => {
    it("is an Error's message", () => {
      expect(messageOf(new TypeError("fetch failed"))).to.equal("fetch failed");
    });

    it("is anything else as text", () => {
      expect([messageOf("refused"), messageOf(undefined), messageOf(42), messageOf(null)]).to.deep.equal([
        "refused",
        "undefined",
        "42",
        "null",
      ]);
    });
  });

  describe("core's errors", () => {
    it("QoveryApiError is QOVERY_API about the organization and email, its advice ending its message", () => {
      const error = new QoveryApiError({
        operation: "deleteMember",
        kind: "forbidden",
        status: 403,
        organizationId: ORG,
        email: "ada@example.com",
      });
      expect(error).to.include({ code: "QOVERY_API", name: "QoveryApiError", subject: `organization ${ORG}, email ada@example.com` });
      expect(error.message.endsWith(error.advice)).to.equal(true);
    });

    it("MissingTokenError is MISSING_TOKEN about where the token is looked for", () => {
      expect(new MissingTokenError()).to.include({ code: "MISSING_TOKEN", subject: "qovery:apiToken", name: "MissingTokenError" });
      const environment = new MissingTokenError("environment");
      expect(environment).to.include({ code: "MISSING_TOKEN", subject: "QOVERY_API_TOKEN" });
      expect(environment.message).to.equal(`QOVERY_API_TOKEN is not set: ${environment.advice}`);
    });

    it("InvalidSettingsError is INVALID_SETTINGS", () => {
      expect(new InvalidSettingsError(["qovery:maxRetries must be an integer from 0 to 20"])).to.include({
        code: "INVALID_SETTINGS",
        name: "InvalidSettingsError",
      });
    });

    it("a maxRemovals override that is not a non-negative integer is INVALID_SETTINGS about its setting", async () => {
      const error = await rejectionOf(Promise.resolve().then(() => maxRemovalsFor(2, "-1", undefined)));
      expect(error).to.be.instanceOf(QoveryInvitationsError).and.include({ code: "INVALID_SETTINGS", subject: "qovery:maxRemovals" });
    });

    it("MissingRoleError is INVALID_INPUT about the role", () => {
      expect(new MissingRoleError()).to.include({ code: "INVALID_INPUT", subject: "roleName", name: "MissingRoleError" });
    });

    it("UnknownRoleError is UNKNOWN_ROLE about the role asked, advising the organization's roles", () => {
      const error = new UnknownRoleError({ by: "name", roleName: "admn" }, ORG, ROLES, "ada@example.com");
      expect(error).to.include({ code: "UNKNOWN_ROLE", subject: 'roleName "admn" for ada@example.com', name: "UnknownRoleError" });
      expect(error.advice).to.include('"admin", "owner"');
    });

    it("UnknownDowngradeRoleError is UNKNOWN_ROLE about downgradeRoleName, with its cause's advice", () => {
      const cause = new UnknownRoleError({ by: "name", roleName: "guest" }, ORG, ROLES);
      expect(new UnknownDowngradeRoleError(cause)).to.include({ code: "UNKNOWN_ROLE", subject: "downgradeRoleName", advice: cause.advice });
    });

    it("NotTheOwnerError is NOT_THE_OWNER, advising the other roles", () => {
      const error = new NotTheOwnerError({ by: "name", roleName: "owner" }, ORG, ROLES, "bob@example.com", ["ada@example.com"]);
      expect(error).to.include({ code: "NOT_THE_OWNER", subject: 'roleName "owner" for bob@example.com', name: "NotTheOwnerError" });
      expect(error.advice).to.equal(`Use one of the organization's other roles: "admin".`);
    });

    it("PeopleFileError is PEOPLE_FILE about the file", () => {
      expect(new PeopleFileError("people.csv", ["line 2: email is required"])).to.include({
        code: "PEOPLE_FILE",
        subject: "people.csv",
        name: "PeopleFileError",
      });
    });

    it("a people file that cannot be read is a PeopleFileError naming it", () => {
      const missing = path.join(os.tmpdir(), `no-such-dir-${process.pid}`, "people.yaml");
      expect(() => readPeopleFile(missing))
        .to.throw(PeopleFileError)
        .with.property("message", `${missing}: cannot be read (ENOENT)`);
    });
  });

  describe("the product's throws", () => {
    it("never make a plain Error, nor extend Error but through QoveryInvitationsError", () => {
      const plain = productFiles().filter(({ file, text }) => file !== "core/errors.ts" && /new Error\(|extends Error\b/.test(text));
      expect(plain.map(({ file }) => file)).to.deep.equal([]);
    });

    it("read a thrown value's message through messageOf only", () => {
      const copies = productFiles().filter(
        ({ file, text }) => file !== "core/errors.ts" && /instanceof Error \?|as Error\)\.message|\$\{String\(error\)\}/.test(text),
      );
      expect(copies.map(({ file }) => file)).to.deep.equal([]);
    });
  });
});
