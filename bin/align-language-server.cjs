#!/usr/bin/env node
// Usage: align-language-server --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)
'use strict';

// Node keeps the compiled bundles in its compile cache (a folder under the system's temp folder): later starts skip compiling them.
require('node:module').enableCompileCache?.();
// --help, --version and usage errors (server/command-line.ts) are answered without loading the server.
if (require('../out/server-command-line.cjs').startsServer(process.argv.slice(2))) {
    require('../out/server.cjs');
}
