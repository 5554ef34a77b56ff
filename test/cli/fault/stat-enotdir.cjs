/**
 * Preloaded into `align` by test/cli/diff-config-paths.test.ts (NODE_OPTIONS
 * --require): `fs.statSync` with `throwIfNoEntry: false` returns undefined
 * for a missing path only, and throws for one through a file (ENOTDIR), as
 * Node 20 does (and Node 22 before it returned undefined there too); the
 * Node 22 the tests run on no longer throws, which hid the fault.
 */
const fs = require('node:fs');
const statSync = fs.statSync;
fs.statSync = function (file, options) {
    if (options?.throwIfNoEntry !== false) return statSync.call(this, file, options);
    try {
        return statSync.call(this, file, { ...options, throwIfNoEntry: true });
    } catch (error) {
        if (error.code === 'ENOENT') return undefined;
        throw error;
    }
};
