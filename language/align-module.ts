import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { inject, type LangiumSharedCoreServices, type Module } from 'langium';
import { AlignGeneratedModule, AlignGeneratedSharedModule } from './generated/module.js';
import { AlignScopeComputation } from './scope/align-scope-computation.js';
import { AlignScopeProvider } from './scope/align-scope-provider.js';
import { AlignLinker } from './scope/align-linker.js';
import { AlignReferences } from './scope/align-references.js';
import { AlignValidationRegistry } from './validation/align-validation-registry.js';
import { AlignIndexManager } from './scope/align-index-manager.js';
import { AlignAstNodeDescriptionProvider, AlignReferenceDescriptionProvider } from './scope/align-descriptions.js';
import { AlignValueConverter } from './align-value-converter.js';
import { AlignLexer, createAlignParser } from './align-parser.js';
import { AlignParserErrorMessageProvider } from './align-parser-errors.js';
import { AlignTokenBuilder } from './token-builder.js';
import { BlockWords } from './block-words.js';
import { AlignDocumentValidator } from './validation/align-document-validator.js';
import { registerValidationChecks } from './validation/register-rules.js';
import { AlignSettingsService } from './config/align-settings.js';
import { AlignGraphService } from './graph/graph-service.js';
import { AlignWorkspaceFindings } from './validation/workspace-findings.js';
import { AlignDocumentFactory } from './align-document-factory.js';
import { AlignDocumentBuilder } from './align-document-builder.js';
import { AlignCsvFiles } from './files/csv-files.js';
import type { AlignHost } from './host.js';
import { AlignSnapshotService } from './pull/snapshot-service.js';
import { AlignCatalogRegistry } from './catalogs/catalog-registry.js';
import { AlignWorkspaceManager } from './catalogs/catalog-workspace-manager.js';
import { regularFilesOnly } from './files/regular-files.js';

/** Services Align adds to Langium's. */
export type AlignAddedServices = {
    align: {
        Host: AlignHost;
        Settings: AlignSettingsService;
        CsvFiles: AlignCsvFiles;
        Graph: AlignGraphService;
        WorkspaceFindings: AlignWorkspaceFindings;
        Snapshots: AlignSnapshotService;
        Catalogs: AlignCatalogRegistry;
    };
};

/** What `createAlignServices` needs: Langium's context (file system, connection) and the host. */
export type AlignModuleContext = DefaultSharedModuleContext & { readonly host: AlignHost };

export type AlignServices = LangiumServices & AlignAddedServices;

/** Align's services on top of Langium's; the host comes from the creation context. */
export const alignModule = (host: AlignHost): Module<AlignServices, PartialLangiumServices & AlignAddedServices> => ({
    align: {
        Host: () => host,
        Settings: () => new AlignSettingsService(),
        CsvFiles: (services) => new AlignCsvFiles(host, services.shared.workspace.FileSystemProvider, services.align.Settings, services.align.Catalogs),
        Graph: (services) => new AlignGraphService(services),
        WorkspaceFindings: (services) => new AlignWorkspaceFindings(services),
        Snapshots: (services) => new AlignSnapshotService(host, services),
        Catalogs: (services) => new AlignCatalogRegistry(host, services.shared.workspace.FileSystemProvider, services.align.Settings)
    },
    references: {
        References: (services) => new AlignReferences(services),
        Linker: (services) => new AlignLinker(services),
        ScopeComputation: (services) => new AlignScopeComputation(services),
        ScopeProvider: (services) => new AlignScopeProvider(services)
    },
    parser: {
        LangiumParser: (services) => createAlignParser(services),
        Lexer: (services) => new AlignLexer(services),
        TokenBuilder: () => new AlignTokenBuilder(),
        ValueConverter: () => new AlignValueConverter(),
        ParserErrorMessageProvider: (services) => new AlignParserErrorMessageProvider(new BlockWords(services.Grammar))
    },
    validation: {
        DocumentValidator: (services) => new AlignDocumentValidator(services),
        ValidationRegistry: (services) => new AlignValidationRegistry(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new AlignAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new AlignReferenceDescriptionProvider(services)
    }
});

/** Shared services Align replaces. */
export const AlignSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new AlignDocumentBuilder(services),
        LangiumDocumentFactory: (services) => new AlignDocumentFactory(services),
        IndexManager: (services) => new AlignIndexManager(services),
        WorkspaceManager: (services) => new AlignWorkspaceManager(services)
    }
};

/**
 * Creates the shared and Align services. `module` and `sharedModule` add or
 * override services (the language server adds its LSP features there).
 */
export function createAlignServices(
    context: AlignModuleContext,
    module?: Module<AlignServices, PartialLangiumServices>,
    sharedModule?: Module<LangiumSharedServices, PartialLangiumSharedServices>
): {
    shared: LangiumSharedServices;
    Align: AlignServices;
} {
    // Every file read by name (CSV, config, templates, catalogs, sources) refuses named pipes and devices.
    const files = { ...context, fileSystemProvider: (services: LangiumSharedCoreServices) => regularFilesOnly(context.fileSystemProvider(services)) };
    const shared = inject(createDefaultSharedModule(files), AlignGeneratedSharedModule, AlignSharedModule, sharedModule ?? {});
    const Align = inject(createDefaultModule({ shared }), AlignGeneratedModule, alignModule(context.host), module ?? {});
    shared.ServiceRegistry.register(Align);
    registerValidationChecks(Align);
    if (!context.connection) {
        // No LSP client will send configuration: without this the workspace build waits forever.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Align };
}
