/**
 * docs/errors.md (linked from the README) and the code cannot drift apart. Its table of codes
 * lists each error code once, with the exit code the command line gives it; its table of
 * messages names a code for each message, and quotes messages users will search for: each
 * quote's fixed wording must be found in the code that produces it.
 * Values in a quote (`…`, quoted names, numbers, emails, `<id>`) are left out; what is between
 * them is grepped in core/, provider/, sdk/ and cli/, with string concatenations across lines
 * joined, and in the messages that the input checks produce for bad inputs (they are composed
 * from one rule per field, so their wording is not found whole in the source).
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT_CODES } from "../../cli/exit-codes";
import { ERROR_CODES } from "../../core";
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

/** The rows of the first table under a heading of docs/errors.md, as cells, without the header and its rule. */
function tableRows(heading: string): string[][] {
  const page = fs.readFileSync(path.join(ROOT, "docs", "errors.md"), "utf8");
  const section = page.slice(page.indexOf(`\n${heading}\n`));
  const table = section.slice(section.indexOf("\n|") + 1, section.indexOf("\n\n", section.indexOf("\n|")));
  return table
    .split("\n")
    .slice(2)
    .map((line) => line.replace(/^\| | \|$/g, "").split(" | "));
}

/** The codes a cell names, such as `QOVERY_API`. */
function codesIn(cell: string): string[] {
  return [...cell.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!);
}

/** The quotes of the first column of the messages table; an example (`such as …`) is not a quote. */
function quotedErrors(): string[] {
  return tableRows("## Messages")
    .map((cells) => cells[0]!.replace(/such as `[^`]+`/g, ""))
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

describe("docs/errors.md: the codes", () => {
  const rows = tableRows("## Codes");

  it("lists every error code once, in the order of the code's list", () => {
    expect(rows.map((cells) => codesIn(cells[0]!)[0])).to.deep.equal([...ERROR_CODES]);
  });

  it("gives each code the command line's exit code for it", () => {
    for (const cells of rows) {
      const code = codesIn(cells[0]!)[0] as keyof typeof EXIT_CODES;
      expect(Number(cells[2]), code).to.equal(EXIT_CODES[code]);
    }
  });

  it("says what each code means and what to do", () => {
    for (const cells of rows)
      expect(
        [cells[1], cells[3]].filter((cell) => !cell?.trim()),
        cells[0],
      ).to.deep.equal([]);
  });
});

describe("docs/errors.md: the messages", () => {
  const named = tableRows("## Messages").flatMap((cells) => codesIn(cells[1]!));

  it("names only codes of the code's list", () => {
    expect(named.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).to.deep.equal([]);
  });

  it("quotes a message of every code", () => {
    expect(ERROR_CODES.filter((code) => !named.includes(code))).to.deep.equal([]);
  });
});

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
