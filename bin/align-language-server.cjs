#!/usr/bin/env node
// Usage: align-language-server --stdio (or --node-ipc, --socket=PORT)
require('../out/server.cjs');
