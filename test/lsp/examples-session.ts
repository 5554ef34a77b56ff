import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { copyExamples, EXAMPLES, LspSession } from './lsp-session.js';

export interface ExamplesSessionOptions {
    /** Runs on the fresh copy before the server starts (writes extra files, reads texts). */
    prepare?: (root: string) => void;
    /** Workspace files (relative) whose diagnostics to wait for once started, in order. */
    waitFor?: readonly string[];
    /** Workspace files (relative) to open with their text on disk after `waitFor`, each then waiting for its diagnostics. */
    open?: readonly string[];
    /** A fresh workspace and server for every test (beforeEach/afterEach), not one for the whole describe. */
    eachTest?: boolean;
    /** `initializationOptions` sent with `initialize` (besides `graphNotifications`, which LspSession.start sends). */
    initializationOptions?: object;
}

/** The running session of a describe, readable inside its hooks and tests. */
export interface ExamplesSession {
    readonly session: LspSession;
    readonly init: InitializeResult;
    /** The workspace folder the server runs on. */
    readonly root: string;
    /** A path in the workspace folder. */
    file(name: string): string;
    /** Stops the server, runs `between` (e.g. to write a config file) and starts a new one on the same folder as at first. */
    restart(between?: () => void): Promise<void>;
}

/**
 * Registers mocha hooks, in the calling describe, that start the language
 * server on a fresh temp copy of the fixture examples (named after `name`),
 * wait for the given diagnostics and open the given files; after, they stop
 * the server and delete the copy.
 */
export function withExamplesSession(name: string, options: ExamplesSessionOptions = {}): ExamplesSession {
    return register(() => copyExamples(name), true, options);
}

/** As withExamplesSession, on the shared fixture folder itself: for tests that only read it. */
export function withSharedExamplesSession(options: Omit<ExamplesSessionOptions, 'prepare'> = {}): ExamplesSession {
    return register(() => EXAMPLES, false, options);
}

function register(makeRoot: () => string, remove: boolean, options: ExamplesSessionOptions): ExamplesSession {
    let current: { root: string; session?: LspSession; init?: InitializeResult } | undefined;
    const start = async (now: NonNullable<typeof current>): Promise<void> => {
        ({ session: now.session, init: now.init } = await LspSession.start(now.root, {}, options.initializationOptions));
        for (const name of options.waitFor ?? []) await now.session.diagnosticsOf(path.join(now.root, name));
        for (const name of options.open ?? []) {
            await now.session.open(path.join(now.root, name));
            await now.session.diagnosticsOf(path.join(now.root, name));
        }
    };
    const setUp = async (): Promise<void> => {
        current = { root: makeRoot() };
        options.prepare?.(current.root);
        await start(current);
    };
    const tearDown = async (): Promise<void> => {
        const done = current;
        current = undefined;
        try {
            await done?.session?.stop();
        } finally {
            if (done && remove) fs.rmSync(done.root, { recursive: true, force: true });
        }
    };
    if (options.eachTest) {
        beforeEach(setUp);
        afterEach(tearDown);
    } else {
        before(setUp);
        after(tearDown);
    }
    const started = () => {
        if (!current?.session || !current.init) throw new Error('examples-session.ts: the session is read before its before hook started it; read it inside a hook or test');
        return current as Required<typeof current>;
    };
    return {
        get session() { return started().session; },
        get init() { return started().init; },
        get root() { return started().root; },
        file: (name: string) => path.join(started().root, name),
        async restart(between) {
            const now = started();
            await now.session.stop();
            between?.();
            await start(now);
        }
    };
}
