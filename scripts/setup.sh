#!/usr/bin/env bash
# Installs whatever is missing to build (and, with --test, to test) Common Ground.
# Idempotent: every step checks first, so a warm machine passes through in seconds.
# Sourced by scripts/serve and scripts/test; only crates.io, npm and Debian are reachable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export RUST_BACKTRACE=0
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
# Splits the wasm into lazily loaded chunks (scripts/build-wasm.sh).
WASM_SPLIT_VERSION="0.2.4"
# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
    # Not --locked: one of its locked dependencies is newer than this registry has.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  # wasm-split-cli has no --version; cargo's install list knows which one is there.
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 1 minute, once)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
      --features build-binary --force
  fi
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || ! (cd "$ROOT" && npm ls --depth=0 >/dev/null 2>&1); then
    say "installing npm tools from package-lock.json (wasm-opt, esbuild, Playwright, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
  # Trunk runs with offline = true and passes --offline to cargo: fetch crates first.
  (cd "$ROOT" && cargo fetch --quiet)
}

setup_test() {
  setup_build
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's Chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
}

# The cross-engine suite (tests/engines/): Safari's engine (WebKitGTK's WebKitWebDriver, with
# MiniBrowser) under a virtual X display, and Firefox ESR through geckodriver. All from Debian's
# packages and crates.io; no browser download.
GECKODRIVER_VERSION="0.36.0"
setup_engines() {
  local missing=()
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]} for the cross-engine tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes, once)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" --force
  fi
}
