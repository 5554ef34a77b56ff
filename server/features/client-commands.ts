import type { LanguageServer } from 'langium/lsp';
import type { InitializeParams } from 'vscode-languageserver';
import type { AlignInitializationOptions } from '../../language/protocol.js';

/**
 * The commands of the client that lenses and quick fixes may name: those the
 * client lists in `initializationOptions.clientCommands` (the Align
 * extension for VS Code). Any other client (Neovim, Helix...) is given the
 * server's own commands, which it runs with `workspace/executeCommand`, or
 * none.
 */
export class ClientCommands {
    /** `align.showImpactChain` (both hosts): reveals a node in the preview. */
    showImpactChain = false;
    /** `align.pullActuals` (desktop only, in a trusted workspace): runs `align pull` in a terminal. */
    pullActuals = false;

    constructor(server: LanguageServer | undefined) {
        server?.onInitialize(params => this.read(params));
    }

    read(params: InitializeParams): void {
        const options = params.initializationOptions as AlignInitializationOptions | null | undefined;
        const commands = Array.isArray(options?.clientCommands) ? options.clientCommands : [];
        this.showImpactChain = commands.includes('align.showImpactChain');
        // Pulling runs queries and writes files: not in an untrusted workspace.
        this.pullActuals = commands.includes('align.pullActuals') && options?.trusted !== false;
    }
}
