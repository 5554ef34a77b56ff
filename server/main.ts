import { promises as fs } from 'node:fs';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAlignServer } from './start-server.js';

// Transport from the command line: --stdio, --node-ipc or --socket=PORT.
// CSV files are confined to the workspace folder with symbolic links resolved (fs.realpath).
startAlignServer(createConnection(ProposedFeatures.all), { ...NodeFileSystem, realPath: fs.realpath });
