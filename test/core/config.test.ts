import { describe, expect, it } from "@jest/globals";
import { ConfigError, configJsonSchema, defaultConfig, parseConfig } from "../../src/core/config.js";

describe("configuration errors name the key, what is wrong and what is allowed", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["unknown mode", "mode: warning", /^mode: expected one of "fail"\|"warn"/],
    ["unknown top-level key", "modee: warn", /\(top level\): unknown key "modee"; allowed: mode, paths, ignore/],
    ["unknown nested key", "justification:\n  minLenght: 5", /justification: unknown key "minLenght"; allowed: minLength, minWords/],
    ["wrong type", "requireTag: yes please", /requireTag: .*expected boolean/i],
    ["empty tags", "tags: []", /tags: at least one tag is needed/],
    ["tag with a space", "tags: ['@phys ics']", /tags\.0: a tag has no spaces/],
    ["allowValues not numbers", "allowValues: [a]", /allowValues\.0: .*expected number/i],
    ["negative minLength", "justification:\n  minLength: -1", /justification\.minLength: .*>=0/],
    ["fractional minWords", "justification:\n  minWords: 1.5", /justification\.minWords: .*int/i],
    ["file limit too high", "limits:\n  maxFileBytes: 99999999999", /limits\.maxFileBytes: .*<=10000000/],
    ["empty glob", "paths: ['']", /paths\.0: a glob must not be empty/],
    ["YAML syntax error", "mode: [warn", /line \d+, column \d+/],
    ["not a mapping", "- mode", /\(top level\): expected a mapping/],
    ["overrides permission", "overrides:\n  permission: read", /overrides\.permission: expected one of "write"\|"maintain"\|"admin"/],
  ];
  it.each(cases)("%s", (_name, yaml, message) => {
    let error: unknown;
    try {
      parseConfig(yaml, "test.yml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join("\n")).toMatch(message);
    expect((error as ConfigError).message).toContain("test.yml");
  });

  it("lists every problem, not only the first", () => {
    expect(() => parseConfig("mode: x\nrequireTag: 3")).toThrow(/mode:[\s\S]*requireTag:/);
  });
});

describe("defaults", () => {
  it("an empty file is the defaults", () => {
    expect(parseConfig("")).toEqual(defaultConfig);
    expect(parseConfig("# only a comment\n")).toEqual(defaultConfig);
  });
  it("defaults follow the SPEC", () => {
    expect(defaultConfig.tags).toEqual(["@physics"]);
    expect(defaultConfig.allowValues).toEqual([-1, 0, 1, 2, 0.5]);
    expect(defaultConfig.requireTag).toBe(true);
    expect(defaultConfig.mode).toBe("fail");
    expect(defaultConfig.justification).toMatchObject({ minLength: 20, minWords: 3, requireReference: false });
  });
  it("a partial nested object keeps the other defaults", () => {
    const config = parseConfig("justification:\n  requireReference: true\n");
    expect(config.justification).toMatchObject({ minLength: 20, minWords: 3, requireReference: true });
  });
});

describe("JSON Schema for editors", () => {
  it("carries every key with its default", () => {
    const schema = configJsonSchema() as { properties: Record<string, { default?: unknown }> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["mode", "paths", "ignore", "tags", "requireTag", "allowValues", "justification"]),
    );
    expect(schema.properties.mode?.default).toBe("fail");
    expect(schema.properties.allowValues?.default).toEqual([-1, 0, 1, 2, 0.5]);
  });
});

describe("schema/no-patch.schema.json", () => {
  it("is the schema the code generates (run `npm run schema` after changing the configuration)", async () => {
    const { readFileSync } = await import("node:fs");
    const committed = JSON.parse(readFileSync(new URL("../../schema/no-patch.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(configJsonSchema());
  });
});

describe(".github/no-patch.yml, the example policy", () => {
  it("is valid, and the ignore list it shows as the default is the default", async () => {
    const { readFileSync } = await import("node:fs");
    const config = parseConfig(readFileSync(new URL("../../.github/no-patch.yml", import.meta.url), "utf8"));
    expect(config.ignore).toEqual(defaultConfig.ignore);
  });
});
