# scripts/lib.sh — shared, idempotent installers for the build/test scripts (source it, don't run it).
# Each ensure_* is a no-op (one "setup: … present" line) when the tool is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

log() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown present"
  else
    log "installing rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# Exact wasm-bindgen version from Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  [ -f Cargo.lock ] || cargo generate-lockfile >/dev/null
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Installs wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner) at the locked version.
ensure_wasm_bindgen() {
  local want have_bg have_runner
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; return 1; }
  have_bg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have_bg" = "$want" ] && [ "$have_runner" = "$want" ]; then
    log "wasm-bindgen $want present"
  else
    log "installing wasm-bindgen-cli $want (have: ${have_bg:-none}; takes a few minutes)"
    # No --locked: a locked dependency was once missing from the registry mirror.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# Chromium, its driver, and a CJK font so that Chinese labels render in screenshots.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/truetype/wqy ]; then
    log "chromium + chromedriver + CJK font present"
  else
    log "installing chromium + chromium-driver + fonts-wqy-microhei (apt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei
  fi
}

ensure_npm() {
  if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] \
     && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    log "node_modules present"
  else
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Static site generators for the example sites (tests/e2e/sites.test.mjs): Debian's hugo and
# jekyll, plus the minima theme and the two plugins it loads.
ensure_site_generators() {
  local gems=/usr/share/rubygems-integration/all/gems
  if command -v hugo >/dev/null && command -v jekyll >/dev/null \
     && compgen -G "$gems/minima-*" >/dev/null && compgen -G "$gems/jekyll-feed-*" >/dev/null \
     && compgen -G "$gems/jekyll-seo-tag-*" >/dev/null; then
    log "hugo + jekyll (minima) present"
  else
    log "installing hugo + jekyll + jekyll-theme-minima (apt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq hugo jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag
  fi
}
