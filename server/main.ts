import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAlignServer } from './start-server.js';

// Transport from the command line: --stdio, --node-ipc or --socket=PORT.
startAlignServer(createConnection(ProposedFeatures.all), NodeFileSystem);
