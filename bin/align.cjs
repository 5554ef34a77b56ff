#!/usr/bin/env node
// Node keeps the compiled bundle in its compile cache (a folder under the system's temp folder): later runs skip compiling it.
require('node:module').enableCompileCache?.();
require('../out/cli.cjs');
