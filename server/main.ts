import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createAlignServices } from '../language/align-module.js';

// Transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createAlignServices({ connection, ...NodeFileSystem });
shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
startLanguageServer(shared);
