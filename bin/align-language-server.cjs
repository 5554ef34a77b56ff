#!/usr/bin/env node
// Usage: align-language-server --stdio (or --node-ipc, --socket=PORT)
// Node keeps the compiled bundle in its compile cache (a folder under the system's temp folder): later starts skip compiling it.
require('node:module').enableCompileCache?.();
require('../out/server.cjs');
