#!/usr/bin/env node
// Runs binaryen's -Oz on every .wasm file named on the command line, in place, in one
// process. The npm wasm-opt command starts binaryen afresh for each file, which costs about a
// second apiece; a split build has dozens of modules. The features each module may use
// come from its own target_features section, as rustc wrote it.
import fs from 'node:fs';
import binaryen from 'binaryen';

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2); // -Oz
// CG_WASM_NAMES=1 (scripts/build-wasm.sh) keeps function names, for profiling.
const keepNames = !!process.env.CG_WASM_NAMES;
binaryen.setDebugInfo(keepNames);
for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(fs.readFileSync(file));
  module.optimize();
  if (!keepNames) module.runPasses(['strip-debug', 'strip-producers', 'strip-target-features']);
  if (!module.validate()) throw new Error(`wasm-opt-all: ${file} does not validate after optimising`);
  fs.writeFileSync(file, module.emitBinary());
  module.dispose();
}
