/**
 * `Align: Restart Language Server` (client/restart.ts) against a fake of
 * vscode-languageclient's client: `stop()` throws unless the client runs
 * (its state after a failed start), as the real one does, so a restart
 * after a failed start only starts; the graph feed gets the new start.
 */
import * as assert from 'node:assert/strict';
import { restartClient, type RestartableClient } from '../../client/restart.js';

type State = 'initial' | 'starting' | 'running' | 'startFailed' | 'stopped';

/** As vscode-languageclient's BaseLanguageClient: `stop()` on a client that is not running throws, except when stopped or initial. */
class FakeClient implements RestartableClient {
    starts = 0;
    stops = 0;
    constructor(public state: State, private readonly failStarts = 0) {}
    isRunning(): boolean { return this.state === 'running'; }
    async stop(): Promise<void> {
        if (this.state === 'stopped' || this.state === 'initial') return;
        if (this.state !== 'running') throw new Error(`Client is not running and can't be stopped. It's current state is: ${this.state}`);
        this.stops++;
        this.state = 'stopped';
    }
    start(): Promise<void> {
        this.starts++;
        if (this.starts <= this.failStarts) {
            this.state = 'startFailed';
            return Promise.reject(new Error('the server did not start'));
        }
        this.state = 'running';
        return Promise.resolve();
    }
}

describe('restarting the language client', () => {
    it('after a failed start, starts again without stopping (stop would throw) and hands the new start to the feed', async () => {
        const client = new FakeClient('initial', 1);
        await assert.rejects(client.start());
        assert.equal(client.state, 'startFailed');
        const handed: Array<Promise<void>> = [];
        await restartClient(client, start => handed.push(start));
        assert.equal(client.state, 'running');
        assert.equal(client.stops, 0);
        assert.equal(handed.length, 1);
        await assert.doesNotReject(handed[0]!);
    });

    it('a running client is stopped, then started', async () => {
        const client = new FakeClient('running');
        await restartClient(client);
        assert.deepEqual([client.stops, client.starts, client.state], [1, 1, 'running']);
    });

    it('a start that fails again is reported to the caller, and handed to the feed all the same', async () => {
        const client = new FakeClient('startFailed', 5);
        const handed: Array<Promise<void>> = [];
        await assert.rejects(restartClient(client, start => handed.push(start)), /did not start/);
        assert.equal(handed.length, 1);
        await assert.rejects(handed[0]!);
    });
});
