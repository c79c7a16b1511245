#!/usr/bin/env bash
# Debian packages the browser tests and Chinese rendering need: Chromium (driven by Playwright,
# never its own download) and the Noto CJK fonts. Installs only what is missing.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
