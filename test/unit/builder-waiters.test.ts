import * as assert from 'node:assert/strict';
import { DocumentState, URI } from 'langium';
import { checkWorkspace } from './helpers/check-workspace.js';

/** Settles after every pending promise and timer callback queued so far. */
function settle(): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, 20));
}

/**
 * A request waits for the workspace (`waitUntil(Validated)`: the preview's
 * graph, Check Workspace). Langium hands the phase to the listeners it had
 * when the phase began and marks the workspace validated only after they
 * ran; the graph's listeners await (the graph is built then), so a request
 * arriving meanwhile waited for the next build, which may never come. Seen
 * as a 60-second hang of Check Workspace in CI, right after an edit.
 */
describe('a request waiting for the workspace while the Validated phase is told', () => {
    it('is answered when that build ends, without another build', async () => {
        const { services } = await checkWorkspace({ 'a.align': 'skill A "a"\n' });
        const builder = services.shared.workspace.DocumentBuilder;
        let waiter: Promise<void> | undefined;
        let answered = false;
        const listener = builder.onBuildPhase(DocumentState.Validated, async () => {
            listener.dispose();
            waiter = builder.waitUntil(DocumentState.Validated).then(() => { answered = true; });
            await settle(); // as the graph's listeners do
        });
        await builder.update([URI.file('/ws/a.align')], []);
        assert.ok(waiter, 'the request came in while the phase was told');
        await settle();
        assert.equal(answered, true, 'the request still waits though the workspace is validated');
    });

    it('a request cancelled meanwhile is rejected, not answered', async () => {
        const { services } = await checkWorkspace({ 'a.align': 'skill A "a"\n' });
        const builder = services.shared.workspace.DocumentBuilder;
        const { CancellationTokenSource } = await import('vscode-languageserver');
        const source = new CancellationTokenSource();
        let outcome: string | undefined;
        const listener = builder.onBuildPhase(DocumentState.Validated, async () => {
            listener.dispose();
            builder.waitUntil(DocumentState.Validated, source.token).then(() => { outcome = 'answered'; }, () => { outcome = 'rejected'; });
            source.cancel();
            await settle();
        });
        await builder.update([URI.file('/ws/a.align')], []);
        await settle();
        assert.equal(outcome, 'rejected');
    });
});
