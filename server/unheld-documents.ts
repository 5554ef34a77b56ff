import type { Connection } from 'vscode-languageserver';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { AlignDocumentBuilder } from '../language/align-document-builder.js';

/** The registrations of requests about one text document, by where they are on the connection. */
interface Registrations {
    readonly [name: string]: true | Registrations;
}

const DOCUMENT_REQUESTS: Registrations = {
    onHover: true, onCompletion: true, onSignatureHelp: true, onDefinition: true, onDeclaration: true, onTypeDefinition: true,
    onImplementation: true, onReferences: true, onDocumentHighlight: true, onDocumentSymbol: true, onCodeAction: true,
    onCodeLens: true, onDocumentLinks: true, onFoldingRanges: true, onDocumentFormatting: true, onDocumentRangeFormatting: true,
    onDocumentOnTypeFormatting: true, onPrepareRename: true, onRenameRequest: true,
    languages: {
        semanticTokens: { on: true, onDelta: true, onRange: true },
        inlayHint: { on: true },
        callHierarchy: { onPrepare: true },
        typeHierarchy: { onPrepare: true }
    }
};

type Handler = (params: { textDocument?: { uri?: string } }, ...rest: unknown[]) => unknown;

/**
 * The connection, with every request about a document the server does not
 * hold (a markdown file, an `.align` file outside the workspace that is not
 * open, a path that does not exist) answered with `null`, the empty result
 * of each of them. Langium answered them with the error ServerCancelled
 * ("No document found for URI"), which tells a client to ask again; those
 * that wait only for the workspace (references, highlights, rename) read a
 * file outside it into a document of its own and answered from it, or
 * failed with an internal error (ENOENT) on a missing path. `shared` is
 * read at the first request.
 */
export function answeringNullForUnheldDocuments(base: Connection, shared: () => LangiumSharedServices): Connection {
    const held = async (uri: string): Promise<boolean> => {
        const services = shared();
        const parsed = URI.parse(uri);
        if (!services.ServiceRegistry.hasServices(parsed)) return false;
        await services.workspace.WorkspaceManager.ready;
        return services.workspace.LangiumDocuments.hasDocument(parsed) || services.workspace.TextDocuments.get(uri) !== undefined
            || (services.workspace.DocumentBuilder as AlignDocumentBuilder).isAnnounced(parsed);
    };
    const wrap = (handler: Handler): Handler => async (params, ...rest) => {
        const uri = params.textDocument?.uri;
        return uri === undefined || await held(uri) ? handler(params, ...rest) : null;
    };
    return wrapping(base, DOCUMENT_REQUESTS, wrap);
}

function wrapping<T extends object>(target: T, registrations: Registrations, wrap: (handler: Handler) => Handler): T {
    return new Proxy(target, {
        get(object, property, receiver) {
            const value = Reflect.get(object, property, receiver) as unknown;
            const registration = typeof property === 'string' ? registrations[property] : undefined;
            if (registration === true && typeof value === 'function') return (handler: Handler) => value.call(object, wrap(handler)) as unknown;
            if (registration && registration !== true && typeof value === 'object' && value !== null) return wrapping(value, registration, wrap);
            return value;
        }
    });
}
