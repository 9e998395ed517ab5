/**
 * OrganizationInvitation's TypeScript surface, derived from its definition
 * (core/definitions/invitation.ts): its arguments and its output properties. The assertions are
 * types, checked when `npm run lint` compiles the tests (`tsc -p tests/tsconfig.json`); the
 * deprecation of `role` is what an editor shows, asked of TypeScript's language service.
 */
import { expect } from "chai";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import type { OrganizationInvitation, OrganizationInvitationArgs } from "../../sdk";

/** True when A and B are the same type, not merely assignable to each other. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T | undefined => undefined;

const organizationId = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";

// Every input, each as a value or an output of another resource.
export const everyInput: OrganizationInvitationArgs[] = [
  {
    organizationId,
    email: "ada@example.com",
    roleName: "viewer",
    onExpired: "reissue",
    onDelete: "downgrade",
    downgradeRoleName: "viewer",
  },
  { organizationId: Promise.resolve(organizationId), email: "ada@example.com", roleId: organizationId, onExpired: "fail" },
  { organizationId, email: "ada@example.com", role: "ADMIN", onDelete: "remove", onExpired: "keep" },
  { organizationId, email: "ada@example.com" },
];

export const wrongInputs: OrganizationInvitationArgs[] = [
  // @ts-expect-error onExpired is "keep", "reissue" or "fail"
  { organizationId, email: "ada@example.com", roleName: "viewer", onExpired: "later" },
  // @ts-expect-error onDelete is "remove" or "downgrade"
  { organizationId, email: "ada@example.com", roleName: "viewer", onDelete: "keep" },
  // @ts-expect-error role is ADMIN, DEVELOPER, VIEWER or OWNER
  { organizationId, email: "ada@example.com", role: "devops" },
  // @ts-expect-error roleName is text
  { organizationId, email: "ada@example.com", roleName: 42 },
  // @ts-expect-error organizationId is required
  { email: "ada@example.com", roleName: "viewer" },
  // @ts-expect-error email is required
  { organizationId, roleName: "viewer" },
  // @ts-expect-error no such input
  { organizationId, email: "ada@example.com", roleName: "viewer", note: "x" },
];

type Outputs = Omit<OrganizationInvitation, keyof pulumi.dynamic.Resource>;
type Out<K extends keyof Outputs> = Outputs[K];

export const outputs = [
  holds<
    Same<
      keyof Outputs,
      | "organizationId"
      | "email"
      | "roleId"
      | "roleName"
      | "onExpired"
      | "onDelete"
      | "downgradeRoleName"
      | "invitationId"
      | "invitationStatus"
      | "invitationLink"
      | "inviter"
      | "createdAt"
      | "organizationName"
      | "memberId"
    >
  >(),
  holds<Same<Out<"organizationId">, pulumi.Output<string>>>(),
  holds<Same<Out<"email">, pulumi.Output<string>>>(),
  holds<Same<Out<"roleId">, pulumi.Output<string>>>(),
  holds<Same<Out<"roleName">, pulumi.Output<string>>>(),
  holds<Same<Out<"invitationStatus">, pulumi.Output<"PENDING" | "EXPIRED" | "ACCEPTED">>>(),
  holds<Same<Out<"onExpired">, pulumi.Output<"keep" | "reissue" | "fail">>>(),
  holds<Same<Out<"onDelete">, pulumi.Output<"remove" | "downgrade" | undefined>>>(),
  holds<Same<Out<"downgradeRoleName">, pulumi.Output<string | undefined>>>(),
  holds<Same<Out<"invitationLink">, pulumi.Output<string | undefined>>>(),
  holds<Same<Out<"memberId">, pulumi.Output<string | undefined>>>(),
  holds<Same<OrganizationInvitationArgs["role"], pulumi.Input<"ADMIN" | "DEVELOPER" | "VIEWER" | "OWNER" | undefined> | undefined>>(),
];

describe("OrganizationInvitation's TypeScript surface", function () {
  this.timeout(60_000);

  it("compiles from the definition (the assertions are types)", () => {
    expect(everyInput).to.have.length(4);
    expect(wrongInputs).to.have.length(7);
    expect(outputs).to.have.length(12);
  });

  it("shows role as deprecated in an editor, with each other input's description", () => {
    const root = path.resolve(__dirname, "..", "..");
    const file = path.join(root, "tests", "sdk", "editor-probe.ts");
    const text = `import type { OrganizationInvitationArgs } from "../../sdk";
export const args: OrganizationInvitationArgs = { organizationId: "o", email: "e", role: "ADMIN" };
export const role = args.role;
`;
    const options: ts.CompilerOptions = {
      strict: true,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    };
    const service = ts.createLanguageService({
      getScriptFileNames: () => [file],
      getScriptVersion: () => "1",
      getScriptSnapshot: (name) => {
        const source = name === file ? text : ts.sys.readFile(name);
        return source === undefined ? undefined : ts.ScriptSnapshot.fromString(source);
      },
      getCurrentDirectory: () => root,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
    });
    expect(service.getSemanticDiagnostics(file)).to.deep.equal([]);
    const deprecated = service
      .getSuggestionDiagnostics(file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(deprecated).to.deep.equal(["'role' is deprecated."]);
    const email = service.getQuickInfoAtPosition(file, text.indexOf("email:"));
    expect(ts.displayPartsToString(email?.documentation)).to.include("The address to invite.");
  });
});
