/** Telling the member an API token belongs to: only a JWT can say, through its claims. */
import { expect } from "chai";
import { isTokenMember, tokenIdentity } from "../../core/token";

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: unknown) => [part({ alg: "RS256", typ: "JWT" }), part(claims), "c2lnbmF0dXJl"].join(".");

describe("token identity", () => {
  it("reads the subject and the email claim of a JWT, without verifying it", () => {
    expect(tokenIdentity(jwt({ sub: "github|12345", email: "Ops@Example.com", exp: 1 }))).to.deep.equal({
      subject: "github|12345",
      email: "ops@example.com",
    });
  });

  it("reads a namespaced email claim", () => {
    expect(tokenIdentity(jwt({ "https://qovery.com/email": "ops@example.com" }))).to.deep.equal({ email: "ops@example.com" });
  });

  it("cannot tell for an organization API token, nor for an undecodable JWT", () => {
    expect(tokenIdentity("qov_0123456789abcdef")).to.equal(undefined);
    expect(tokenIdentity(undefined)).to.equal(undefined);
    expect(tokenIdentity(`${part({ alg: "none" })}.not-json.x`)).to.equal(undefined);
    expect(tokenIdentity(jwt(["github|1"]))).to.equal(undefined);
    expect(tokenIdentity(jwt({ iss: "qovery" }))).to.equal(undefined);
  });

  it("matches a member by id or by email in any case", () => {
    const identity = { subject: "github|1", email: "ops@example.com" };
    expect(isTokenMember(identity, { id: "github|1", email: "other@example.com" })).to.equal(true);
    expect(isTokenMember(identity, { id: "google|9", email: "OPS@example.com" })).to.equal(true);
    expect(isTokenMember(identity, { id: "google|9", email: "eve@example.com" })).to.equal(false);
    expect(isTokenMember(undefined, { id: "github|1", email: "ops@example.com" })).to.equal(false);
  });
});
