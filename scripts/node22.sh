# Node 22 for building and testing Align: `source scripts/node22.sh`.
#
# The dev dependencies (chevrotain and langium 4.4, langium-cli, mermaid,
# vsce...) declare Node 22; package.json says so in `engines` and
# `devEngines`. When the `node` on PATH is older, this installs Node 22 once
# from the npm registry (the `node` package carries the binary) into a cache
# folder, and puts it first on PATH for the rest of this shell. It prints
# nothing when Node 22 or later is already there.
#
# Cache folder: $ALIGN_NODE_DIR, else ${XDG_CACHE_HOME:-~/.cache}/align/node-<version>.

align_use_node22() {
    local version=22.23.3
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -ge 22 ]; then return 0; fi
    local dir="${ALIGN_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/align/node-$version}"
    if [ ! -x "$dir/node_modules/node/bin/node" ]; then
        echo "Installing Node $version from the npm registry into $dir (once; node on PATH is $(node --version 2>/dev/null || echo missing))" >&2
        mkdir -p "$dir" || return 1
        printf '{ "private": true, "dependencies": { "node": "%s" }, "allowScripts": { "node": true } }\n' "$version" > "$dir/package.json"
        npm install --prefix "$dir" --no-audit --no-fund --loglevel=error > /dev/null || return 1
    fi
    PATH="$dir/node_modules/node/bin:$PATH"
    export PATH
}

if align_use_node22; then
    unset -f align_use_node22
else
    unset -f align_use_node22
    echo "scripts/node22.sh: could not install Node 22; install it yourself (https://nodejs.org) and run again" >&2
    false
fi
