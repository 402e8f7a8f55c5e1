#!/usr/bin/env bash
# Trunk "build" hook: compiles the app to wasm and splits it into lazily loaded chunks.
#
# Trunk's own Rust pipeline (cargo -> wasm-bindgen -> wasm-opt) has no step between cargo and
# wasm-bindgen, which is where wasm-split must run (trunk-rs/trunk#1022), so this hook does the
# whole pipeline and writes into trunk's staging directory:
#   cargo build  (linked with --emit-relocs, see .cargo/config.toml)
#   wasm-split-cli   main module + one module per #[wasm_split] group of pages (src/ui/lazy_pages.rs)
#                    + the chunks those groups share + the loader JS
#   wasm-bindgen     on the main module only (chunks share its memory and function table)
#   binaryen -Oz     on every module (release only, scripts/wasm-opt-all.mjs)
#   post-process.py  puts one content hash in every file's name, so a static host's HTTP cache can
#                    never mix files of two builds, and writes boot.js (the CSP forbids inline
#                    scripts), which starts the main module.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAGING="${TRUNK_STAGING_DIR:?run by trunk (see Trunk.toml)}"
PROFILE="${TRUNK_PROFILE:-debug}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

cargo_args=(build --locked --target wasm32-unknown-unknown --bin common-ground)
if [ "$PROFILE" = release ]; then cargo_args+=(--release); fi
(cd "$ROOT" && cargo "${cargo_args[@]}")
input="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/common-ground.wasm"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$input" "$work/split" --out-name common-ground
# --keep-lld-exports: the chunks import the main module's table and shared globals by name.
# CG_WASM_NAMES=1 keeps function names in the output, for profiling (see README).
names=()
if [ -n "${CG_WASM_NAMES:-}" ]; then names=(--keep-debug); fi
wasm-bindgen --target web --keep-lld-exports --no-typescript "${names[@]}" --out-dir "$work/out" \
  "$work/split/common-ground.wasm"
mv "$work/out/common-ground_bg.wasm" "$work/out/common-ground.wasm"
cp "$work/split/__wasm_split.js" "$work/out/"
find "$work/split" -maxdepth 1 -name '*.wasm' ! -name common-ground.wasm -exec cp {} "$work/out/" \;

if [ "$PROFILE" = release ]; then
  # binaryen 132 from npm (Debian's 108 produces a wasm that crashes), in one process.
  find "$work/out" -maxdepth 1 -name '*.wasm' -print0 | xargs -0 node "$ROOT/scripts/wasm-opt-all.mjs" 2>&1 |
    { grep -v 'unknown name subsection' || true; } # wasm-split's name sections: stripped here
fi

python3 "$ROOT/scripts/post-process.py" name "$work/out" "$STAGING"
