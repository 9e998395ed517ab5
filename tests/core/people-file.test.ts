import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parsePeopleCsv, parsePeopleYaml, PeopleFileError, readPeopleFile } from "../../core/people-file";

describe("people files", () => {
  it("reads a YAML list, or a people: key holding one", () => {
    const list =
      "- email: ada@example.com\n  roleName: admin\n- { email: grace@example.com, roleId: 0b6c3f0e-8d2a-4a51-9f3e-1c7a2d4b5e6f }\n";
    expect(parsePeopleYaml(list)).to.deep.equal([
      { email: "ada@example.com", roleName: "admin" },
      { email: "grace@example.com", roleId: "0b6c3f0e-8d2a-4a51-9f3e-1c7a2d4b5e6f" },
    ]);
    expect(parsePeopleYaml(`people:\n${list.replace(/^/gm, "  ")}`)).to.have.length(2);
  });

  it("reads CSV with a header, comments, blank lines and quoted cells", () => {
    const csv = 'email,roleName,onExpired\n# the team\nada@example.com,admin,reissue\n\n"grace@example.com","Data Scientists",\n';
    expect(parsePeopleCsv(csv)).to.deep.equal([
      { email: "ada@example.com", roleName: "admin", onExpired: "reissue" },
      { email: "grace@example.com", roleName: "Data Scientists" },
    ]);
  });

  it("reads retainOnDelete per person, as a YAML boolean or a CSV true/false, and names a bad one", () => {
    expect(parsePeopleYaml("- { email: ada@example.com, roleName: admin, retainOnDelete: true }\n")).to.deep.equal([
      { email: "ada@example.com", roleName: "admin", retainOnDelete: true },
    ]);
    expect(parsePeopleCsv("email,roleName,retainOnDelete\nada@example.com,admin,FALSE\ngrace@example.com,devops,\n")).to.deep.equal([
      { email: "ada@example.com", roleName: "admin", retainOnDelete: false },
      { email: "grace@example.com", roleName: "devops" },
    ]);
    expect(() => parsePeopleYaml("- { email: ada@example.com, roleName: admin, retainOnDelete: maybe }\n", "people.yaml")).to.throw(
      'people.yaml: entry 1: retainOnDelete must be true or false; got "maybe"',
    );
  });

  it("reports every problem at once, by line and field", () => {
    const csv = "email,roleName\nada@example.com,\n,admin\n";
    expect(() => parsePeopleCsv(csv, "people.csv"))
      .to.throw(PeopleFileError)
      .with.property("message")
      .that.includes("line 2: roleName (or roleId) is required")
      .and.includes("line 3: email is required");
  });

  it("refuses what it used to let through: an unknown onExpired, blank text, a numeric roleId, both roles, a non-mapping", () => {
    const yaml = [
      "- { email: ada@example.com, roleName: admin, onExpired: later }",
      '- { email: "   ", roleName: admin }',
      '- { email: grace@example.com, roleName: "  " }',
      "- { email: alan@example.com, roleId: 1234 }",
      "- { email: bob@example.com, roleName: admin, roleId: 3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11 }",
      "- just a string",
      "- { email: ada.example.com, roleName: admin }",
    ].join("\n");
    let message = "";
    try {
      parsePeopleYaml(yaml, "people.yaml");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split(/; (?=entry)/)).to.deep.equal([
      'people.yaml: entry 1: onExpired must be one of keep, reissue, fail; got "later"',
      "entry 2: email must not be blank: give an email address such as jane@example.com",
      'entry 3: roleName must not be blank: give a role name such as "admin"',
      "entry 4: roleId must be a role UUID (or use roleName); got 1234",
      "entry 5: roleId give only one of roleName and roleId",
      "entry 6: expected a mapping with email and roleName",
      'entry 7: email must be an email address such as jane@example.com; got "ada.example.com"',
    ]);
  });

  it("rejects an unknown field in YAML, naming the valid ones", () => {
    expect(() => parsePeopleYaml("- email: a@b.io\n  role_name: admin\n")).to.throw(
      /entry 1: unknown field role_name \(valid: email, roleName, roleId, onExpired, retainOnDelete\)/,
    );
  });

  it("rejects a CSV header with unknown columns", () => {
    expect(() => parsePeopleCsv("mail,role\na@b.io,admin\n")).to.throw(/the header must name the columns/);
  });

  it("chooses the format by extension and refuses others", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "people-"));
    try {
      fs.writeFileSync(path.join(dir, "people.yml"), "- email: a@b.io\n  roleName: viewer\n");
      fs.writeFileSync(path.join(dir, "people.json"), "[]");
      expect(readPeopleFile(path.join(dir, "people.yml"))).to.deep.equal([{ email: "a@b.io", roleName: "viewer" }]);
      expect(() => readPeopleFile(path.join(dir, "people.json"))).to.throw(/use .yaml, .yml or .csv/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
