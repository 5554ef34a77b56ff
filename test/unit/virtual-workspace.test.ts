/**
 * The desktop extension in a virtual workspace (client/virtual-workspace.ts):
 * no terminal can run `align pull` there, so the client does not list
 * Pull Actuals among the commands the server's quick fixes and lenses may
 * name. The manifest's `!virtualWorkspace` is checked in
 * test/vscode/contributions.test.ts.
 */
import * as assert from 'node:assert/strict';
import { Commands } from '../../client/constants.js';
import { desktopClientCommands, isVirtualResource, isVirtualWorkspace } from '../../client/virtual-workspace.js';

const folder = (scheme: string) => ({ uri: { scheme } });

describe('virtual workspaces (client/virtual-workspace.ts)', () => {
    it('takes local and remote-window folders for folders on disk, any other scheme for a virtual one, as VS Code does', () => {
        assert.equal(isVirtualResource({ scheme: 'file' }), false);
        assert.equal(isVirtualResource({ scheme: 'vscode-remote' }), false);
        assert.equal(isVirtualResource({ scheme: 'vscode-vfs' }), true);
        assert.equal(isVirtualWorkspace([folder('vscode-vfs'), folder('memfs')]), true);
        assert.equal(isVirtualWorkspace([folder('vscode-vfs'), folder('file')]), false, 'one folder on disk: not a virtual workspace');
        assert.equal(isVirtualWorkspace([]), false);
        assert.equal(isVirtualWorkspace(undefined), false);
    });

    it('lists Pull Actuals for the server only when the workspace is on disk', () => {
        assert.deepEqual(desktopClientCommands([folder('file')]), [Commands.showImpactChain, Commands.pullActuals]);
        assert.deepEqual(desktopClientCommands([folder('vscode-remote')]), [Commands.showImpactChain, Commands.pullActuals]);
        assert.deepEqual(desktopClientCommands([folder('vscode-vfs')]), [Commands.showImpactChain]);
    });
});
