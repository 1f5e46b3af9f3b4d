/**
 * `no-patch init`'s proposals (core/adoption.ts): which files of a repository are not
 * scientific code, as a table of trees, and the policy they make.
 */
import { describe, expect, it } from "@jest/globals";
import { adoptionPolicyYaml } from "../../src/cli/init.js";
import { DEFAULT_IGNORE, needsText, parseConfig, proposeIgnores, validateConfig, type TreeFile } from "../../src/core/index.js";

const defaults = validateConfig({});
const globs = (files: TreeFile[]): string[] => proposeIgnores(files, defaults).map((p) => `${p.kind} ${p.glob} ${p.files}`);
const file = (path: string, text?: string): TreeFile => ({ path, text });

const DOM3 = "const c = canvas.getContext('2d');\ndocument.body.appendChild(canvas);\nrequestAnimationFrame(loop);\n";
const DOM2 = "const c = canvas.getContext('2d');\nrequestAnimationFrame(loop);\nconst g = 9.81;\n";

describe("proposeIgnores", () => {
  it.each([
    ["a demo directory at the root", [file("demo/js/Demo.js"), file("demo/index.js"), file("src/body.js")], ["directory demo/** 2"]],
    [
      "a nested documentation directory",
      [file("skyfield/documentation/logo.py"), file("skyfield/units.py")],
      ["directory skyfield/documentation/** 1"],
    ],
    [
      "examples, docs, benchmarks and build scripts",
      [file("examples/a.py"), file("docs/conf.py"), file("benchmarks/b.py"), file("builders/c.py")],
      ["directory benchmarks/** 1", "directory builders/** 1", "directory docs/** 1", "directory examples/** 1"],
    ],
    ["a file named demo is no directory", [file("src/physics/demo.ts", "export const k = 1;")], []],
    ["tools and scripts may hold science: not proposed", [file("tools/fit.py", "x = 1\n"), file("scripts/run.py", "x = 1\n")], []],
    [
      "build and tool configuration",
      [file("Gruntfile.js"), file("webpack.config.js"), file("setup.py"), file("web/vite.config.ts"), file("src/config.ts", "")],
      ["build Gruntfile.js 1", "build setup.py 1", "build web/vite.config.ts 1", "build webpack.config.js 1"],
    ],
    [
      "a module importing matplotlib at the top",
      [file("pkg/charting.py", "import numpy as np\nimport matplotlib.pyplot as plt\n")],
      ["presentation pkg/charting.py 1"],
    ],
    [
      "a plot helper importing matplotlib inside a function is science with a helper",
      [file("pkg/iam.py", "def plot(x):\n    import matplotlib.pyplot as plt\n    plt.plot(x)\n")],
      [],
    ],
    ["from reportlab import ...", [file("pkg/logo.py", "from reportlab.pdfgen.canvas import Canvas\n")], ["presentation pkg/logo.py 1"]],
    ["a module driving a canvas", [file("src/render/Render.js", DOM3)], ["presentation src/render/Render.js 1"]],
    ["two DOM calls are not enough", [file("src/core/Engine.js", DOM2)], []],
    ["a file read by name only (no text) is never presentation", [file("src/render/Render.js")], []],
    ["test files are not read anyway: nothing to propose", [file("tests/test_plot.py", "import matplotlib\n"), file("demo/x.test.js")], []],
  ] as Array<[string, TreeFile[], string[]]>)("%s", (_name, files, expected) => {
    expect(globs(files)).toEqual(expected);
  });

  it("lists directories, then build files, then presentation modules", () => {
    const kinds = proposeIgnores([file("src/r.js", DOM3), file("Gruntfile.js"), file("demo/a.js")], defaults).map((p) => p.kind);
    expect(kinds).toEqual(["directory", "build", "presentation"]);
  });

  it("respects the policy's own paths: a file outside them is not proposed", () => {
    const policy = validateConfig({ paths: ["src/**"] });
    expect(proposeIgnores([file("demo/a.js"), file("src/render.js", DOM3)], policy).map((p) => p.glob)).toEqual(["src/render.js"]);
  });

  it("asks for the text of sources only", () => {
    expect(needsText("src/render.js")).toBe(true);
    expect(needsText("demo/a.js")).toBe(false);
    expect(needsText("Gruntfile.js")).toBe(false);
  });
});

describe("adoptionPolicyYaml", () => {
  const proposals = proposeIgnores([file("demo/a.js"), file("Gruntfile.js"), file("src/r.js", DOM3)], defaults);
  const yaml = adoptionPolicyYaml(proposals, "2026-11-29");

  it("is a policy the check accepts: adoption mode, the default ignores and the proposals", () => {
    const config = parseConfig(yaml);
    expect(config.requireTag).toBe(false);
    expect(config.ignore).toEqual([...DEFAULT_IGNORE, "demo/**", "Gruntfile.js", "src/r.js"]);
  });

  it("says why each glob is there", () => {
    expect(yaml).toContain('- "demo/**" # demos; 1 file');
    expect(yaml).toContain('- "src/r.js" # presentation: drives a page or a canvas (3 DOM or canvas calls); 1 file');
    expect(yaml).toContain("on 2026-11-29");
  });

  it("with nothing to propose, is the adoption mode and the defaults", () => {
    const config = parseConfig(adoptionPolicyYaml([], "2026-11-29"));
    expect(config.ignore).toEqual(DEFAULT_IGNORE);
  });

  it("quotes globs so that YAML reads them as written", () => {
    const odd = adoptionPolicyYaml([{ glob: "docs: #x/**", kind: "directory", reason: "documentation", files: 1 }], "2026-11-29");
    expect(parseConfig(odd).ignore).toContain("docs: #x/**");
  });
});
