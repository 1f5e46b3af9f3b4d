/**
 * `no-patch init`'s proposals (core/adoption.ts): which files of a repository are not
 * scientific code, as a table of trees, and the policy they make.
 */
import { describe, expect, it } from "@jest/globals";
import { adoptionPolicyYaml } from "../../src/cli/init.js";
import {
  buildOutputs,
  DEFAULT_IGNORE,
  parseConfig,
  proposeIgnores,
  validateConfig,
  wantsText,
  type TreeFile,
} from "../../src/core/index.js";

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
      [file("examples/a.py"), file("docs/conf.py"), file("benchmarks/b.py"), file("builders/c.py"), file("samples/gaussian/g.py")],
      ["directory benchmarks/** 1", "directory builders/** 1", "directory docs/** 1", "directory examples/** 1", "directory samples/** 1"],
    ],
    [
      "Box2D's testbed, however cased",
      [file("Box2D/Testbed/Tests/Impulse.js"), file("testbed/main.ts"), file("src/b2_math.ts")],
      ["directory Box2D/Testbed/** 1", "directory testbed/** 1"],
    ],
    ["a file named demo is no directory", [file("src/physics/demo.ts", "export const k = 1;")], []],
    ["tools and scripts may hold science: not proposed", [file("tools/fit.py", "x = 1\n"), file("scripts/run.py", "x = 1\n")], []],
    [
      "build and tool configuration",
      [file("Gruntfile.js"), file("webpack.config.js"), file("setup.py"), file("app/vite.config.ts"), file("src/config.ts", "")],
      ["build app/vite.config.ts 1", "build Gruntfile.js 1", "build setup.py 1", "build webpack.config.js 1"],
    ],
    [
      "bundles by their bundler's opening",
      [
        file(
          "turf.js",
          '!function(e){"object"==typeof exports?module.exports=e():0}(function(){var define,module,exports;\nreturn (function e(t,n,r){function s(o,u){',
        ),
        file("dist2/app.js", "/******/ (() => { // webpackBootstrap\n/******/ \tvar __webpack_modules__ = ({"),
        file("src/model.js", "// a function e(t, n, r) of the model\nexport function e(t, n, r) { return t * n * r; }\n"),
      ],
      ["generated dist2/app.js 1", "generated turf.js 1"],
    ],
    [
      "benchmark scripts by name",
      [file("benchmarks.py", "x = 1\n"), file("bench.js", ""), file("src/benchmark_sigma.ts", ""), file("src/benchmarking.py", "x = 1\n")],
      ["build bench.js 1", "build benchmarks.py 1", "build src/benchmark_sigma.ts 1"],
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
    [
      "a module drawing SVG with D3's selections",
      [
        file(
          "src/svg.js",
          'const svg = d3.select("#map").append("svg");\nsvg.append("path").attr("d", map);\nsvg.append("text").text(name);\n',
        ),
        file(
          "src/transform.js",
          "// Euler angles of the galactic frame\nconst euler = { galactic: [-167.1405, 27.0842, 122.9320] };\nd3.geo.rotation(euler.galactic);\n",
        ),
      ],
      ["presentation src/svg.js 1"],
    ],
    ["two DOM calls are not enough", [file("src/core/Engine.js", DOM2)], []],
    [
      "a tool driving the page through jQuery",
      [file("src/tools/Inspector.js", "var $body = $('body');\nif (!jQuery) return;\n$('.ins-container').on('click', f);\n")],
      ["presentation src/tools/Inspector.js 1"],
    ],
    ["a file read by name only (no text) is never presentation", [file("src/render/Render.js")], []],
    [
      "a data module whose header says it is generated",
      [
        file(
          "data/deltat.js",
          "/**\n * DO NOT EDIT MANUALLY\n * Use `scripts/deltat.js` to generate file.\n */\nmodule.exports = { table: [43.47] };\n",
        ),
      ],
      ["generated data/deltat.js 1"],
    ],
    [
      "python: a table module written by a script",
      [
        file("pkg/data/iers.py", "# This file was generated by builders/build_iers.py\nTABLE = [32.184]\n"),
        file("pkg/gen.py", "# @generated\nK = 2\n"),
        file("pkg/data/spice.py", "# Machine generated - see build_spice.py\n\nfrom numpy import array\n"),
      ],
      ["generated pkg/data/iers.py 1", "generated pkg/data/spice.py 1", "generated pkg/gen.py 1"],
    ],
    [
      "numbers generated by a method are no generated file",
      [
        file("src/rng.js", "/** Random numbers generated by the Park-Miller LCG. */\nexport const A = 16807;\n"),
        file("pkg/q.py", '"""Nodes generated from the Legendre polynomials."""\nX = [0.57735]\n'),
      ],
      [],
    ],
    ["a header far down the file is no header", [file("src/big.js", `${"const a = 1;\n".repeat(200)}// DO NOT EDIT below\n`)], []],
    ["a web site's sources", [file("web/format.py", "level = 3\n"), file("web/vite.config.ts")], ["directory web/** 2"]],
    [
      "plotting and visualisation directories",
      [file("src/poliastro/plotting/orbit/backend.py"), file("pkg/viz/x.js"), file("pkg/visualization/y.py")],
      ["directory pkg/visualization/** 1", "directory src/poliastro/plotting/** 1"],
    ],
    [
      "python: Jupyter's checkpoint copies",
      [file("velocileptors/LPT/.ipynb_checkpoints/lpt_rsd_fftw-checkpoint.py", "G = 0.25\n"), file("velocileptors/LPT/lpt_rsd_fftw.py")],
      ["directory velocileptors/LPT/.ipynb_checkpoints/** 1"],
    ],
    ["test files are not read anyway: nothing to propose", [file("tests/test_plot.py", "import matplotlib\n"), file("demo/x.test.js")], []],
  ] as Array<[string, TreeFile[], string[]]>)("%s", (_name, files, expected) => {
    expect(globs(files)).toEqual(expected);
  });

  it("lists directories, then build files, then generated files, then presentation modules", () => {
    const tree = [file("src/r.js", DOM3), file("data/t.js", "// @generated\n"), file("Gruntfile.js"), file("demo/a.js")];
    expect(proposeIgnores(tree, defaults).map((p) => p.kind)).toEqual(["directory", "build", "generated", "presentation"]);
  });

  it("respects the policy's own paths: a file outside them is not proposed", () => {
    const policy = validateConfig({ paths: ["src/**"] });
    expect(proposeIgnores([file("demo/a.js"), file("src/render.js", DOM3)], policy).map((p) => p.glob)).toEqual(["src/render.js"]);
  });

  it("asks for the text of sources it reads, and of build configurations whatever it reads", () => {
    expect(wantsText("src/render.js", true)).toBe(true);
    expect(wantsText("src/render.js", false)).toBe(false);
    expect(wantsText("demo/a.js", true)).toBe(false);
    expect(wantsText("benchmarks.py", true)).toBe(false);
    expect(wantsText("Gruntfile.js", true)).toBe(true);
    expect(wantsText("package.json", false)).toBe(true);
    expect(wantsText("builders/Makefile", false)).toBe(true);
  });

  it("proposes what the build writes, with the configuration that says so", () => {
    const tree = [
      file("Gruntfile.js", "grunt.initConfig({ coffee: { compile: { files: { 'chroma.js': ['license.coffee', 'chroma.coffee'] } } } });"),
      file("chroma.js", "(function() {\n  var x = 0.27;\n})();\n"),
      file("src/index.js", "export const k = 0.27;\n"),
    ];
    expect(proposeIgnores(tree, defaults).filter((p) => p.kind === "generated")).toEqual([
      { glob: "chroma.js", kind: "generated", reason: "a build output: Gruntfile.js says the build writes it", files: 1 },
    ]);
  });
});

describe("buildOutputs", () => {
  const outputs = (files: TreeFile[]): string[] => [...buildOutputs(files).keys()].sort();
  it.each<[string, TreeFile[], string[]]>([
    ["a Grunt task's destination", [file("Gruntfile.js", "files: { 'chroma.js': ['license.coffee', 'chroma.coffee'] }")], ["chroma.js"]],
    ["a Grunt task that rewrites a file in place", [file("Gruntfile.js", "files: { 'src/a.js': ['src/a.js'] }")], []],
    ["a Grunt `dest` key", [file("Gruntfile.js", "concat: { dist: { src: ['src/*.js'], dest: 'lib/all.js' } }")], ["lib/all.js"]],
    [
      "rollup's output file",
      [file("rollup.config.mjs", 'export default { input: "src/index.js", output: { file: "d3-geo.js" } };')],
      ["d3-geo.js"],
    ],
    [
      "package.json scripts, from the manifest's directory",
      [
        file(
          "generate/package.json",
          JSON.stringify({ scripts: { build: "browserify ../source/js/a.js -o ../source/js/a.browser.js", cat: "cat x.js > out.js" } }),
        ),
      ],
      ["generate/out.js", "source/js/a.browser.js"],
    ],
    [
      "a Makefile's targets, not its variables or pattern rules",
      [
        file(
          "builders/Makefile",
          "X := y.js\n%.js: %.coffee\n\tcoffee -c $<\n../skyfield/data/spice.py: build_spice.py\n\tpython build_spice.py > $@\n",
        ),
      ],
      ["skyfield/data/spice.py"],
    ],
    ["a path that leaves the tree", [file("tools/Makefile", "../../x.js: a.js\n")], []],
    ["a broken manifest", [file("package.json", '{ "scripts": { "build": "-o out.js" ')], []],
    ["a source file is no configuration", [file("src/model.js", "const cfg = { file: 'out.js' };")], []],
    ["a configuration read without its text", [file("Gruntfile.js")], []],
  ])("%s", (_name, files, expected) => {
    expect(outputs(files)).toEqual(expected);
  });
});

describe("adoptionPolicyYaml", () => {
  const proposals = proposeIgnores(
    [file("demo/a.js"), file("Gruntfile.js"), file("src/r.js", DOM3), file("data/deltat.js", "/* DO NOT EDIT MANUALLY */\n")],
    defaults,
  );
  const yaml = adoptionPolicyYaml(proposals, "2026-11-29");

  it("is a policy the check accepts: adoption mode, the default ignores and the proposals", () => {
    const config = parseConfig(yaml);
    expect(config.requireTag).toBe(false);
    expect(config.ignore).toEqual([...DEFAULT_IGNORE, "demo/**", "Gruntfile.js", "data/deltat.js", "src/r.js"]);
  });

  it("says why each glob is there", () => {
    expect(yaml).toContain('- "demo/**" # demos; 1 file');
    expect(yaml).toContain('- "src/r.js" # presentation: drives a page or a canvas (3 DOM or canvas calls); 1 file');
    expect(yaml).toContain('- "data/deltat.js" # generated: its header says "DO NOT EDIT"; 1 file');
    expect(yaml).toContain("# Generated files (their header says so)");
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
