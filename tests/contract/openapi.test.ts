/**
 * Contract test: the real QoveryClient talks to the local fake, and every recorded exchange is
 * checked against Qovery's OpenAPI document (operationId, path parameters, request body,
 * response status, response body). The client's requests and the fake's answers are thus both
 * held to the reference, not just to each other.
 *
 * The document lives outside the project (`../shared/qovery-api/openapi.yaml` beside the repo on CI
 * and maintainers' machines, or wherever QOVERY_OPENAPI points). Nothing of it is copied here;
 * without it the suite is reported as pending.
 *
 * OpenAPI 3.0 schemas are validated as JSON Schema draft-07 with Ajv, which is exact for what the
 * relevant part of the document uses (type, properties, required, allOf, $ref, enum, format
 * uuid/email/uri/date-time, readOnly/description/default annotations). `example` is registered as
 * an annotation; any other OpenAPI-only keyword (nullable, discriminator, ...) makes Ajv's strict
 * mode throw, so a document that outgrows this approximation fails loudly instead of validating
 * less than it says.
 */
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { QoveryClient } from "../../core/client/client";
import { QoveryApiError } from "../../core/client/errors";
import { OPERATIONS, startFakeQovery, type FakeQovery, type Operation, type RecordedExchange } from "../fake-qovery";
import { testSettings } from "../support/qovery";

const DOCUMENT_PATH = path.resolve(process.env.QOVERY_OPENAPI || path.resolve(__dirname, "../../../shared/qovery-api/openapi.yaml"));

// ---- the contract ------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
type Direction = "request" | "response";

/**
 * One disagreement with the document. `pointer` is a JSON pointer into the exchange seen as
 * `{path: {<parameter>: ...}, body: ..., status: ...}`, e.g. `/body/results/0/invitation_status`.
 */
interface Problem {
  operation: string;
  direction: Direction;
  pointer: string;
  message: string;
}

function formatProblem(p: Problem): string {
  return `${p.operation} ${p.direction} ${p.pointer}: ${p.message}`;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENTS_ID = "qovery-openapi-components";

interface PathTemplate {
  template: string;
  regex: RegExp;
  parameterNames: string[];
  item: Obj;
}

interface ResolvedOperation {
  template: string;
  operation: Obj;
  /** Decoded path parameter values, by name. */
  parameters: Record<string, string>;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Walks `keys` from `root`, failing loudly (naming the location) if the document has another shape. */
function objectAt(root: unknown, keys: string[]): Obj {
  let current = root;
  for (const key of keys) {
    if (!isObj(current)) break;
    current = current[key];
  }
  if (!isObj(current)) throw new Error(`openapi document: no object at ${keys.join(" > ")}`);
  return current;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function templateRegex(template: string): { regex: RegExp; parameterNames: string[] } {
  const parameterNames: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      parameterNames.push(name);
      return "([^/]+)";
    })
    .join("");
  return { regex: new RegExp(`^${source}$`), parameterNames };
}

/**
 * docs/qovery-api.md ("Members") and the document's own header: member ids are identity-provider
 * subjects such as "github|12345", not UUIDs, although the document declares `format: uuid` for
 * Member.id (through Base) and for the `user_id` of DELETE /member (MemberRoleUpdateRequest.user_id
 * is relaxed too should it ever say uuid). This drops `format` at exactly those places, on a copy:
 * `type: string` and `required` still apply there, and uuid stays enforced everywhere else
 * (InviteMember.id, which shares Base, role ids, organization and invitation ids).
 */
function relaxMemberIdFormats(document: Obj): void {
  const schemas = objectAt(document, ["components", "schemas"]);
  const dropUuid = (property: Obj) => {
    if (property.type !== "string") throw new Error("openapi document: a member id is no longer a string");
    if (property.format === "uuid") delete property.format;
  };

  // Member = allOf [Base, {...}]: give Member a private copy of Base without id's format.
  const memberAllOf = objectAt(schemas, ["Member"]).allOf;
  if (!Array.isArray(memberAllOf) || !isObj(memberAllOf[0]) || memberAllOf[0].$ref !== "#/components/schemas/Base") {
    throw new Error("openapi document: Member no longer starts with allOf [Base]; revisit the member id relaxation");
  }
  const memberBase = structuredClone(objectAt(schemas, ["Base"]));
  dropUuid(objectAt(memberBase, ["properties", "id"]));
  memberAllOf[0] = memberBase;

  dropUuid(objectAt(schemas, ["MemberRoleUpdateRequest", "properties", "user_id"]));

  const deleteMemberBody = objectAt(document, [
    "paths",
    "/organization/{organizationId}/member",
    "delete",
    "requestBody",
    "content",
    "application/json",
    "schema",
  ]);
  if ("$ref" in deleteMemberBody) throw new Error("openapi document: DELETE /member's body became a $ref; revisit the relaxation");
  dropUuid(objectAt(deleteMemberBody, ["properties", "user_id"]));
}

/** `#/components/schemas/X` -> `<COMPONENTS_ID>#/definitions/X`, so that any schema compiles on its own. */
function rewriteSchemaRefs(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(rewriteSchemaRefs);
  } else if (isObj(node)) {
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      node.$ref = `${COMPONENTS_ID}#/definitions/${ref.slice("#/components/schemas/".length)}`;
    }
    Object.values(node).forEach(rewriteSchemaRefs);
  }
}

class OpenApiContract {
  private readonly document: Obj;
  private readonly templates: PathTemplate[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<Obj, ValidateFunction>();

  constructor(original: unknown) {
    if (!isObj(original) || typeof original.openapi !== "string" || !original.openapi.startsWith("3.0")) {
      throw new Error("openapi document: expected an OpenAPI 3.0 document");
    }
    this.document = structuredClone(original);
    relaxMemberIdFormats(this.document);
    rewriteSchemaRefs(this.document);

    this.ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addKeyword({ keyword: "example" }); // an OpenAPI annotation, like JSON Schema's `examples`
    this.ajv.addSchema({ $id: COMPONENTS_ID, definitions: objectAt(this.document, ["components", "schemas"]) });

    this.templates = Object.entries(objectAt(this.document, ["paths"])).map(([template, item]) => {
      if (!isObj(item)) throw new Error(`openapi document: path item ${template} is not an object`);
      return { template, item, ...templateRegex(template) };
    });
  }

  /** The document's operation for a method and a concrete path (as sent, undecoded). */
  resolve(method: string, requestPath: string): ResolvedOperation | undefined {
    for (const { template, regex, parameterNames, item } of this.templates) {
      const match = regex.exec(requestPath);
      const operation = item[method.toLowerCase()];
      if (!match || !HTTP_METHODS.includes(method.toLowerCase()) || !isObj(operation)) continue;
      const parameters: Record<string, string> = {};
      parameterNames.forEach((name, i) => {
        const raw = match[i + 1]!;
        try {
          parameters[name] = decodeURIComponent(raw);
        } catch {
          parameters[name] = raw;
        }
      });
      return { template, operation, parameters };
    }
    return undefined;
  }

  check(exchange: RecordedExchange): Problem[] {
    return [...this.checkRequest(exchange), ...this.checkResponse(exchange)];
  }

  /** operationId, path parameters and body of what the client sent. */
  checkRequest(exchange: RecordedExchange): Problem[] {
    const problem = (pointer: string, message: string): Problem => ({
      operation: exchange.operation,
      direction: "request",
      pointer,
      message,
    });
    const resolved = this.resolve(exchange.method, exchange.path);
    if (!resolved) return [problem("", `${exchange.method} ${exchange.path} matches no operation of the document`)];
    const { operation, parameters, template } = resolved;
    const problems: Problem[] = [];

    if (operation.operationId !== exchange.operation) {
      problems.push(
        problem(
          "",
          `${exchange.method} ${template} is operationId ${String(operation.operationId)} in the document, recorded as ${exchange.operation}`,
        ),
      );
    }

    for (const parameter of this.parameters(template, operation)) {
      if (parameter.in !== "path" || typeof parameter.name !== "string") continue;
      const pointer = `/path/${escapePointer(parameter.name)}`;
      const value = parameters[parameter.name];
      if (value === undefined) {
        problems.push(problem(pointer, "declared path parameter is not in the path template"));
      } else if (isObj(parameter.schema)) {
        problems.push(...this.validate(parameter.schema, value, pointer, exchange.operation, "request"));
      }
    }

    const requestBody = isObj(operation.requestBody) ? this.deref(operation.requestBody) : undefined;
    const sent = exchange.requestBody;
    if (!requestBody) {
      if (sent !== undefined) problems.push(problem("/body", "a body was sent, but the operation declares no request body"));
      return problems;
    }
    if (sent === undefined) {
      if (requestBody.required === true) problems.push(problem("/body", "the operation requires a request body; none was sent"));
      return problems;
    }
    const media = isObj(requestBody.content) ? requestBody.content["application/json"] : undefined;
    if (!isObj(media)) {
      problems.push(problem("/body", "a JSON body was sent, but the operation declares no application/json content"));
    } else if (typeof sent === "string") {
      problems.push(problem("/body", "the body sent is not JSON"));
    } else if (isObj(media.schema)) {
      problems.push(...this.validate(media.schema, sent, "/body", exchange.operation, "request"));
      // Stricter than the document (OpenAPI allows extra properties): a misspelled optional field
      // such as `roleId` would otherwise pass unnoticed, and the server would silently ignore it.
      const declared = this.declaredProperties(media.schema);
      if (declared && isObj(sent)) {
        for (const key of Object.keys(sent).filter((k) => !declared.has(k))) {
          problems.push(problem(`/body/${escapePointer(key)}`, "property not declared by the document"));
        }
      }
    }
    return problems;
  }

  /** Declared status, and body against that status's schema, of what the fake answered. */
  checkResponse(exchange: RecordedExchange): Problem[] {
    const problem = (pointer: string, message: string): Problem => ({
      operation: exchange.operation,
      direction: "response",
      pointer,
      message,
    });
    const resolved = this.resolve(exchange.method, exchange.path);
    if (!resolved) return [problem("", `${exchange.method} ${exchange.path} matches no operation of the document`)];
    if (exchange.status === 0) return [problem("/status", "no response (connection dropped)")];

    const responses = isObj(resolved.operation.responses) ? resolved.operation.responses : {};
    const status = String(exchange.status);
    const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!isObj(declared)) {
      return [problem("/status", `status ${status} is not declared (declared: ${Object.keys(responses).join(", ")})`)];
    }
    const response = this.deref(declared);
    const media = isObj(response.content) ? response.content["application/json"] : undefined;
    const body = exchange.responseBody;
    if (isObj(media) && isObj(media.schema)) {
      if (body === undefined) return [problem("/body", `status ${status} declares a JSON body; none was sent`)];
      return this.validate(media.schema, body, "/body", exchange.operation, "response");
    }
    // No body is declared. For errors that is the document's known silence (docs/qovery-api.md,
    // "Errors": Qovery's JSON error bodies are undeclared), so error bodies are not judged;
    // a success answer must then have no body.
    if (body !== undefined && exchange.status < 400) {
      return [problem("/body", `status ${status} declares no body, yet one was sent`)];
    }
    return [];
  }

  /** Top-level property names an object schema declares (through $ref and allOf); undefined if it allows any. */
  private declaredProperties(schema: Obj): Set<string> | undefined {
    const ref = schema.$ref;
    if (typeof ref === "string") {
      const prefix = `${COMPONENTS_ID}#/definitions/`;
      if (!ref.startsWith(prefix)) return undefined;
      return this.declaredProperties(objectAt(this.document, ["components", "schemas", ref.slice(prefix.length)]));
    }
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return undefined;
    const names = new Set(isObj(schema.properties) ? Object.keys(schema.properties) : []);
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const more = isObj(part) ? this.declaredProperties(part) : undefined;
      if (!more) return undefined;
      more.forEach((name) => names.add(name));
    }
    return names;
  }

  private parameters(template: string, operation: Obj): Obj[] {
    const item = objectAt(this.document, ["paths", template]);
    const all = [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ];
    return all.filter(isObj).map((p) => this.deref(p));
  }

  /** Follows a `#/components/...` $ref (responses, parameters, request bodies). */
  private deref(node: Obj): Obj {
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    if (!ref.startsWith("#/")) throw new Error(`openapi document: external $ref ${ref} is not supported`);
    const keys = ref
      .slice(2)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    return this.deref(objectAt(this.document, keys));
  }

  private validate(schema: Obj, value: unknown, base: string, operation: string, direction: Direction): Problem[] {
    let validator = this.validators.get(schema);
    if (!validator) {
      validator = this.ajv.compile(schema);
      this.validators.set(schema, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error: ErrorObject) => {
      let pointer = base + error.instancePath;
      if (error.keyword === "required") pointer += `/${escapePointer(String(error.params.missingProperty))}`;
      return { operation, direction, pointer, message: error.message ?? error.keyword };
    });
  }
}

// ---- tests -----------------------------------------------------------------------------------

const ORG = "3f1c6a52-2d7e-4b8a-9a51-0c8e2f4d6b7a";
const INVITE = "9b2d4f60-1a3c-4e5b-8d7f-6a0b1c2d3e4f";
const ROLE = "c0ffee00-1234-4abc-8def-0123456789ab";

function validInvitation(): Obj {
  return {
    id: INVITE,
    created_at: "2026-01-02T03:04:05.000Z",
    email: "jane@example.com",
    role: "DEVELOPER",
    invitation_link: `https://console.qovery.com/organization/${ORG}/invitation/${INVITE}`,
    invitation_status: "PENDING",
    inviter: "owner@acme.test",
    role_id: ROLE,
    role_name: "devops",
  };
}

function exchange(fields: Partial<RecordedExchange> & Pick<RecordedExchange, "operation" | "method" | "path">): RecordedExchange {
  return { requestBody: undefined, status: 200, responseBody: undefined, ...fields };
}

/** Formatted problems, each tagged with the exchange's method, path and status. */
function problemsOf(contract: OpenApiContract, exchanges: RecordedExchange[], direction: Direction): string[] {
  return exchanges.flatMap((e) =>
    (direction === "request" ? contract.checkRequest(e) : contract.checkResponse(e)).map(
      (p) => `${formatProblem(p)} [${e.method} ${e.path} -> ${e.status}]`,
    ),
  );
}

async function expectStatus(promise: Promise<unknown>, status: number): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(QoveryApiError);
    expect((error as QoveryApiError).status).to.equal(status);
    return;
  }
  throw new Error(`expected an answer with status ${status}, got success`);
}

describe("contract: client and fake against Qovery's OpenAPI document", function () {
  let contract: OpenApiContract;

  before(function () {
    if (!existsSync(DOCUMENT_PATH)) {
      console.log(
        `  contract test skipped: ${DOCUMENT_PATH} not found (it exists on CI and maintainers' machines, not in a user's clone; set QOVERY_OPENAPI to point elsewhere)`,
      );
      this.skip();
    }
    contract = new OpenApiContract(parseYaml(readFileSync(DOCUMENT_PATH, "utf8")));
  });

  describe("the checker (so that the contract cannot pass vacuously)", () => {
    const invitePath = `/organization/${ORG}/inviteMember`;
    const invitationPath = `${invitePath}/${INVITE}`;

    it("accepts a well-formed invite request and its 201 answer", () => {
      const e = exchange({
        operation: "postInviteMember",
        method: "POST",
        path: invitePath,
        requestBody: { email: "jane@example.com", role_id: ROLE },
        status: 201,
        responseBody: validInvitation(),
      });
      expect(contract.check(e).map(formatProblem)).to.deep.equal([]);
    });

    it("rejects a postInviteMember request body without email", () => {
      const e = exchange({
        operation: "postInviteMember",
        method: "POST",
        path: invitePath,
        requestBody: { role_id: ROLE },
        status: 201,
        responseBody: validInvitation(),
      });
      expect(contract.checkRequest(e)).to.deep.include({
        operation: "postInviteMember",
        direction: "request",
        pointer: "/body/email",
        message: "must have required property 'email'",
      });
    });

    it("reports a request property the document does not declare (e.g. a misspelled role_id)", () => {
      const e = exchange({
        operation: "postInviteMember",
        method: "POST",
        path: invitePath,
        requestBody: { email: "a@example.com", roleId: ROLE },
      });
      expect(contract.checkRequest(e).map(formatProblem)).to.deep.equal([
        "postInviteMember request /body/roleId: property not declared by the document",
      ]);
    });

    it("rejects an invitation answer without invitation_status", () => {
      const { invitation_status: _dropped, ...answer } = validInvitation();
      const e = exchange({ operation: "getMemberInvitation", method: "GET", path: invitationPath, status: 200, responseBody: answer });
      expect(contract.checkResponse(e)).to.deep.include({
        operation: "getMemberInvitation",
        direction: "response",
        pointer: "/body/invitation_status",
        message: "must have required property 'invitation_status'",
      });
    });

    it("rejects an invitation list whose item has an unknown invitation_status", () => {
      const e = exchange({
        operation: "getOrganizationInvitedMembers",
        method: "GET",
        path: invitePath,
        status: 200,
        responseBody: { results: [{ ...validInvitation(), invitation_status: "ACCEPTED" }] },
      });
      expect(contract.checkResponse(e).map((p) => p.pointer)).to.include("/body/results/0/invitation_status");
    });

    it("still enforces uuid outside member ids: invitation id, role_id and path parameters", () => {
      const badAnswer = exchange({
        operation: "getMemberInvitation",
        method: "GET",
        path: invitationPath,
        responseBody: { ...validInvitation(), id: "github|12345" },
      });
      expect(contract.checkResponse(badAnswer).map((p) => p.pointer)).to.deep.equal(["/body/id"]);
      const badRole = exchange({
        operation: "postInviteMember",
        method: "POST",
        path: invitePath,
        requestBody: { email: "a@example.com", role_id: "devops" },
      });
      expect(contract.checkRequest(badRole).map((p) => p.pointer)).to.deep.equal(["/body/role_id"]);
      const badPath = exchange({
        operation: "getMemberInvitation",
        method: "GET",
        path: `${invitePath}/not-a-uuid`,
        responseBody: validInvitation(),
      });
      expect(contract.checkRequest(badPath).map((p) => p.pointer)).to.deep.equal(["/path/inviteId"]);
    });

    it("accepts identity-provider subjects as member ids and user_id (docs/qovery-api.md), but still requires them", () => {
      const memberPath = `/organization/${ORG}/member`;
      const list = exchange({
        operation: "getOrganizationMembers",
        method: "GET",
        path: memberPath,
        responseBody: { results: [{ id: "github|12345", created_at: "2026-01-02T03:04:05Z", email: "m@example.com", role_id: ROLE }] },
      });
      expect(contract.check(list).map(formatProblem)).to.deep.equal([]);
      const remove = exchange({
        operation: "deleteMember",
        method: "DELETE",
        path: memberPath,
        requestBody: { user_id: "auth0|abc" },
        status: 204,
      });
      expect(contract.check(remove).map(formatProblem)).to.deep.equal([]);
      const noId = exchange({ operation: "deleteMember", method: "DELETE", path: memberPath, requestBody: {}, status: 204 });
      expect(contract.checkRequest(noId).map((p) => p.pointer)).to.deep.equal(["/body/user_id"]);
    });

    it("reports a status the operation does not declare", () => {
      const e = exchange({ operation: "deleteInviteMember", method: "DELETE", path: invitationPath, status: 200 });
      expect(contract.checkResponse(e).map(formatProblem)).to.deep.equal([
        "deleteInviteMember response /status: status 200 is not declared (declared: 204, 401, 403, 404)",
      ]);
    });

    it("reports a body on a success answer that declares none", () => {
      const e = exchange({
        operation: "editOrganizationMemberRole",
        method: "PUT",
        path: `/organization/${ORG}/member`,
        status: 200,
        responseBody: {},
      });
      expect(contract.checkResponse(e).map((p) => p.pointer)).to.deep.equal(["/body"]);
    });

    it("reports an operation recorded under another operationId, and a path the document lacks", () => {
      const wrongId = exchange({ operation: "getOrganizationMembers", method: "GET", path: `/organization/${ORG}/availableRole` });
      expect(contract.checkRequest(wrongId)[0]?.message).to.match(
        /operationId listOrganizationAvailableRoles .* recorded as getOrganizationMembers/,
      );
      const unknown = exchange({ operation: "unknown", method: "GET", path: `/organization/${ORG}/nothing` });
      expect(contract.checkRequest(unknown)[0]?.message).to.match(/matches no operation/);
    });
  });

  describe("the real client against the fake", () => {
    let fake: FakeQovery;
    let exchanges: RecordedExchange[];

    /** Every operation, an old invitation without role_id, an expired one, an accepted one, a 409 and a 404. */
    before(async () => {
      fake = await startFakeQovery();
      const client = new QoveryClient(testSettings(fake));
      const org = fake.organizationId;

      const roles = await client.listRoles(org);
      const devops = roles.find((r) => r.name === "devops")!.id;
      const viewer = roles.find((r) => r.name === "viewer")!.id;

      const invited = await client.inviteMember(org, "jane@example.com", devops);
      await expectStatus(client.inviteMember(org, "jane@example.com", devops), 409);
      const old = fake.addInvitation({ email: "old@example.com", roleName: "viewer", withoutRoleId: true });
      fake.addInvitation({ email: "late@example.com", roleName: "viewer", status: "EXPIRED" });
      await client.listInvitations(org);
      await client.getInvitation(org, invited.id);
      await client.getInvitation(org, old.id);
      await client.cancelInvitation(org, old.id);
      await expectStatus(client.getInvitation(org, old.id), 404);

      fake.addMember({ email: "m@example.com", roleName: "viewer", id: "auth0|abc" });
      const member = fake.acceptInvitation(invited.id);
      await client.listMembers(org);
      await client.changeMemberRole(org, member.id, viewer);
      await client.listMembers(org);
      await client.removeMember(org, member.id);
      await client.listMembers(org);

      exchanges = [...fake.exchanges];
    });
    after(() => fake?.close());

    it("exercised the cases that matter: a role-less invitation, an expired one, non-UUID member ids", () => {
      const invitations = exchanges
        .filter((e) => e.operation === "getOrganizationInvitedMembers")
        .flatMap((e) => (e.responseBody as { results: Obj[] }).results);
      expect(invitations.some((i) => !("role_id" in i))).to.equal(true);
      expect(invitations.map((i) => i.invitation_status)).to.include.members(["PENDING", "EXPIRED"]);
      const memberIds = exchanges
        .filter((e) => e.operation === "getOrganizationMembers")
        .flatMap((e) => (e.responseBody as { results: Obj[] }).results.map((m) => String(m.id)));
      expect(memberIds).to.include.members([fake.ownerMemberId, "auth0|abc"]);
      expect(memberIds.every((id) => id.includes("|"))).to.equal(true);
    });

    it("recorded only answered requests to operations the fake knows", () => {
      const odd = exchanges.filter((e) => e.operation === "unknown" || e.status === 0);
      expect(odd.map((e) => `${e.method} ${e.path} -> ${e.status}`)).to.deep.equal([]);
    });

    for (const operation of OPERATIONS) {
      const of = (op: Operation) => exchanges.filter((e) => e.operation === op);

      it(`${operation}: the client's requests match the document`, () => {
        expect(of(operation), "no exchange recorded").not.to.be.empty;
        expect(problemsOf(contract, of(operation), "request")).to.deep.equal([]);
      });

      it(`${operation}: the fake's answers match the document`, () => {
        expect(of(operation), "no exchange recorded").not.to.be.empty;
        expect(problemsOf(contract, of(operation), "response")).to.deep.equal([]);
      });
    }
  });
});
