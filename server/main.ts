import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createAlignServices } from '../language/align-module.js';

// Transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const { shared, Align } = createAlignServices({ connection, ...NodeFileSystem });
shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
shared.lsp.LanguageServer.onInitialize(params => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root) Align.align.Settings.workspaceRoot = URI.parse(root);
});
startLanguageServer(shared);
