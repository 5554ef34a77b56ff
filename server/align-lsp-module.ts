import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { AlignServices } from '../language/align-module.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';
import { AlignFormatter } from './features/formatter.js';
import { AlignNodeKindProvider } from './features/node-kinds.js';
import { AlignSemanticTokenProvider } from './features/semantic-tokens.js';
import { AlignCompletionProvider } from './features/completion-provider.js';
import { AlignCodeActionProvider } from './features/code-actions.js';
import { AlignRenameProvider } from './features/rename-provider.js';
import { AlignHoverProvider } from './features/hover-provider.js';
import { AlignCodeLensProvider } from './features/code-lens-provider.js';
import { AlignFuzzyMatcher } from './features/fuzzy-matcher.js';
import { AlignWorkspaceSymbolProvider } from './features/workspace-symbols.js';
import { AlignFoldingRangeProvider } from './features/folding-ranges.js';
import { AlignDocumentLinkProvider } from './features/document-links.js';
import { AlignInlayHintProvider } from './features/inlay-hints.js';
import { lazyCompletionParser } from './features/lazy-completion-parser.js';
import { AlignDocumentHighlightProvider, AlignReferencesProvider } from './features/references-provider.js';
import { AlignDocumentSymbolProvider } from './features/document-symbols.js';
import { AlignCommandHandler } from './features/impact-chain-command.js';
import { AlignConfigurationProvider } from './configuration-provider.js';

/**
 * The editor features of the language server, one provider per file under
 * `features/`. Each reads the impact graph where the chain matters.
 */
export const AlignLspModule: Module<AlignServices, PartialLangiumServices> = {
    parser: {
        CompletionParser: (services) => lazyCompletionParser(services)
    },
    lsp: {
        CompletionProvider: (services) => new AlignCompletionProvider(services),
        HoverProvider: (services) => new AlignHoverProvider(services),
        CodeLensProvider: (services) => new AlignCodeLensProvider(services),
        CodeActionProvider: (services) => new AlignCodeActionProvider(services),
        RenameProvider: (services) => new AlignRenameProvider(services),
        ReferencesProvider: (services) => new AlignReferencesProvider(services),
        DocumentHighlightProvider: (services) => new AlignDocumentHighlightProvider(services),
        DocumentSymbolProvider: (services) => new AlignDocumentSymbolProvider(services),
        Formatter: (services) => new AlignFormatter(services),
        SemanticTokenProvider: (services) => new AlignSemanticTokenProvider(services),
        FoldingRangeProvider: (services) => new AlignFoldingRangeProvider(services),
        DocumentLinkProvider: (services) => new AlignDocumentLinkProvider(services),
        InlayHintProvider: (services) => new AlignInlayHintProvider(services),
    }
};

/** Shared LSP services Align replaces. */
export const AlignSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (services) => new AlignDocumentUpdateHandler(services),
        NodeKindProvider: () => new AlignNodeKindProvider(),
        FuzzyMatcher: () => new AlignFuzzyMatcher(),
        WorkspaceSymbolProvider: (services) => new AlignWorkspaceSymbolProvider(services),
        ExecuteCommandHandler: (services) => new AlignCommandHandler(services),
    },
    workspace: {
        ConfigurationProvider: (services) => new AlignConfigurationProvider(services)
    }
};
