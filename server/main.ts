import { promises as fs } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAlignServer } from './start-server.js';

// Transport from the command line: --stdio, --node-ipc or --socket=PORT.
const align = startAlignServer(createConnection(ProposedFeatures.all), NodeFileSystem);
// CSV files are confined to the workspace folder with symbolic links resolved.
align.align.Graph.realPath = async uri => URI.file(await fs.realpath(uri.fsPath));
