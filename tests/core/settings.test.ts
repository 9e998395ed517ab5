import { expect } from "chai";
import { CONFIG_DEFAULTS } from "../../core/defaults";
import { resolveSettings } from "../../core/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("provider settings", () => {
  it("prefers stack config to the environment", () => {
    const settings = resolveSettings(config({ "qovery:apiToken": "from-config", "qovery:apiUrl": "http://config.test" }), {
      QOVERY_API_TOKEN: "from-env",
      QOVERY_API_URL: "http://env.test",
    });
    expect(settings).to.include({ apiToken: "from-config", apiUrl: "http://config.test" });
  });

  it("falls back to QOVERY_API_TOKEN and QOVERY_API_URL", () => {
    const settings = resolveSettings(config({}), { QOVERY_API_TOKEN: "from-env", QOVERY_API_URL: "http://env.test/" });
    expect(settings).to.include({ apiToken: "from-env", apiUrl: "http://env.test" });
  });

  it("defaults to Qovery's public API and leaves the token unset", () => {
    const settings = resolveSettings(undefined, {});
    expect(settings.apiUrl).to.equal("https://api.qovery.com");
    expect(CONFIG_DEFAULTS.apiUrl).to.equal("https://api.qovery.com");
    expect(settings.apiToken).to.equal(undefined);
    expect(settings.problems).to.deep.equal([]);
  });

  it("reads numeric limits and reports invalid ones by key with the valid range", () => {
    const settings = resolveSettings(config({ "qovery:maxRetries": "2", "qovery:maxConcurrency": "zero" }), {});
    expect(settings.maxRetries).to.equal(2);
    expect(settings.maxConcurrency).to.equal(8);
    expect(settings.problems).to.deep.equal(["qovery:maxConcurrency must be an integer from 1 to 64"]);
  });

  it("reports a base URL that is not http(s), without printing the value back", () => {
    const pasted = "qov_t_0123456789abcdef";
    const settings = resolveSettings(config({ "qovery:apiUrl": pasted, "qovery:maxRetries": pasted }), {});
    expect(settings.problems[0]).to.include("qovery:apiUrl").and.include("https://api.qovery.com");
    expect(settings.problems.join(" ")).not.to.include(pasted);
    expect(settings.problems).to.have.length(2);
  });
});
