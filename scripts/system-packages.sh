#!/usr/bin/env bash
# Debian packages the tests and Chinese rendering need: Chromium (driven by Playwright, never its
# own download), the Noto CJK fonts (the bulletin's PDF, laid out by Typst from PyPI, embeds them),
# poppler-utils (reading PDFs back) and
# LibreOffice's Writer and Calc (the office files printed as an office suite prints them).
# Installs only what is missing.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[[ -e /usr/lib/libreoffice/program/libswlo.so ]] || missing+=(libreoffice-writer-nogui)
[[ -e /usr/lib/libreoffice/program/libsclo.so ]] || missing+=(libreoffice-calc-nogui)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
