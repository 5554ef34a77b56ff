/**
 * Restarting the language client (`Align: Restart Language Server`, and
 * after the workspace is trusted). Imports no `vscode`: tested with a fake client.
 */

/** What a restart needs of vscode-languageclient's client. */
export interface RestartableClient {
    isRunning(): boolean;
    stop(): Promise<void>;
    start(): Promise<void>;
}

/**
 * Stops the client if it runs, then starts it (`initializationOptions` are
 * read again), handing the new start to `started` (the graph feed waits on
 * it) before waiting on it. A client whose start failed, or that stopped
 * for good, is not running: vscode-languageclient's `stop()` throws then
 * ("Client is not running and can't be stopped"), so it is only started.
 */
export async function restartClient(client: RestartableClient, started: (start: Promise<void>) => void = () => undefined): Promise<void> {
    if (client.isRunning()) await client.stop();
    const start = client.start();
    started(start);
    await start;
}
