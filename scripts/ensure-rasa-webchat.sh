#!/usr/bin/env bash
# The community widget rasa-webchat (npm), for the browser test that keeps the README's "for another widget"
# true. Only its self-contained bundle (lib/index.js) is used, so the package is fetched alone (npm pack, no
# dependencies), checked against the digest pinned here, and unpacked into build/rasa-webchat.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.0.1
SHA512=2ddd73549bd301a4ebb3a039a7cb7bd1a80d36b2984725e5bea5d94600680ef28a5176c0d238492840a2e5b74f1a5691ea3b26a96b55ca51d2f98a88aa8d31f3
TARGET=build/rasa-webchat
if [ -f "$TARGET/$VERSION/lib/index.js" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "error: npm (Node.js) is needed for the browser tests: apt-get install npm" >&2; exit 1; }
echo "==> Fetching rasa-webchat $VERSION for the browser tests (npm pack)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "rasa-webchat@$VERSION" --silent >/dev/null)
echo "$SHA512  $work/rasa-webchat-$VERSION.tgz" | sha512sum --check --quiet \
  || { echo "error: rasa-webchat-$VERSION.tgz does not match the pinned digest" >&2; exit 1; }
mkdir -p "$TARGET/$VERSION"
tar -xzf "$work/rasa-webchat-$VERSION.tgz" -C "$TARGET/$VERSION" --strip-components=1 package/lib/index.js package/LICENSE
