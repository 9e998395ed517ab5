/**
 * The "Errors and what to do" table of docs/errors.md (linked from the README) quotes messages
 * users will search for: each quote's fixed wording must be found in the code that produces it.
 * Values in a quote (`…`, quoted names, numbers, emails, `<id>`) are left out; what is between
 * them is grepped in core/, provider/, sdk/ and cli/, with string concatenations across lines
 * joined, and in the messages that the input checks produce for bad inputs (they are composed
 * from one rule per field, so their wording is not found whole in the source).
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { check } from "../../provider/invitation/check";
import { OrganizationRoster } from "../../sdk/roster";

const ROOT = path.join(__dirname, "..", "..");

function sourceText(): string {
  const files = ["core", "provider", "sdk", "cli"].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join(ROOT, dir, file)),
  );
  return files
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n")
    .replace(/(["'`])\s*\+\s*\n\s*(["'`])/g, "")
    .replace(/\$\{[^}]*\}/g, "\u0000");
}

/** What the input checks say about a few bad inputs, as the preview prints them. */
function producedMessages(): string {
  const invitation = check({ organizationId: "not-a-uuid", email: "nobody", roleName: "admin", downgradeRoleName: "viewer" });
  const messages = invitation.failures.map((failure) => `${failure.property} ${failure.reason}`);
  try {
    const twice = [
      { email: "ada@example.com", roleName: "admin" },
      { email: "Ada@example.com", roleName: "admin" },
    ];
    new OrganizationRoster("team", { organizationId: "not-a-uuid", people: twice, downgradeRoleName: "viewer", maxRemovals: -1 });
  } catch (error) {
    messages.push((error as Error).message);
  }
  return messages.join("\n");
}

/** The quotes of the first column of the errors table; an example (`such as …`) is not a quote. */
function quotedErrors(): string[] {
  const page = fs.readFileSync(path.join(ROOT, "docs", "errors.md"), "utf8");
  const section = page.slice(page.indexOf("# Errors and what to do"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("|")));
  return table
    .split("\n")
    .filter((line) => line.startsWith("| `") || line.startsWith("| export"))
    .map((line) => line.split(" | ")[0]!.replace(/such as `[^`]+`/g, ""))
    .flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!))
    .filter((quote) => fixedParts(quote).length > 0);
}

/** The fixed wording of a quote: what lies between its values. */
function fixedParts(quote: string): string[] {
  return quote
    .replace(/…/g, "\u0000")
    .replace(/"[^"]*"/g, "\u0000")
    .replace(/<[^>]+>/g, "\u0000")
    .replace(/[\w.+-]+@[\w.-]+/g, "\u0000")
    .replace(/[\w-]+\.(csv|ya?ml)\b/g, "\u0000")
    .replace(/\b\d+\b/g, "\u0000")
    .split("\u0000")
    .map((part) => part.replace(/^[\s:;,.]+|[\s:;,.]+$/g, ""))
    .filter((part) => part.length >= 8);
}

describe("README error quotes", () => {
  const source = `${sourceText()}\n${producedMessages()}`;
  const quotes = quotedErrors();

  it("finds the errors table, with a quote on every row", () => {
    expect(quotes.length).to.be.at.least(20);
  });

  for (const quote of quotes) {
    it(`quotes the code: ${quote}`, () => {
      const parts = fixedParts(quote);
      for (const part of parts) expect(source.includes(part), `"${part}" is in the code or its messages`).to.equal(true);
    });
  }
});
