/**
 * Root hook of the LSP suite (`--require`): the suite runs with mocha's
 * `--exit`, so that a handle left open (a server process, a socket) can
 * never hang a CI run; this hook says on stderr what was left, so that a
 * leak is seen and fixed rather than hidden. A CI run once waited after
 * "194 passing" with nothing left in `ps` but mocha itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** What stays open in any mocha run: the terminal or pipes of stdio, the reporter's timers. */
const EXPECTED = new Set(['TTYWrap', 'PipeWrap', 'Timeout', 'Immediate', 'FSReqCallback']);

export const mochaHooks = {
    async afterAll(): Promise<void> {
        // Sessions stopped by the last file's `after` close their pipes a moment later.
        await sleep(1000);
        const open = process.getActiveResourcesInfo().filter(kind => !EXPECTED.has(kind));
        if (open.length > 0) process.stderr.write(`LSP suite: left open after the last test: ${open.join(', ')}\n`);
    }
};
