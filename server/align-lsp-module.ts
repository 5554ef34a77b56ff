import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { AlignServices } from '../language/align-module.js';
import { AlignDocumentUpdateHandler } from './align-update-handler.js';

/**
 * The editor features of the language server, one provider per file under
 * `features/`. Each reads the impact graph where the chain matters.
 */
export const AlignLspModule: Module<AlignServices, PartialLangiumServices> = {
    lsp: {
    }
};

/** Shared LSP services Align replaces. */
export const AlignSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (services) => new AlignDocumentUpdateHandler(services)
    }
};
