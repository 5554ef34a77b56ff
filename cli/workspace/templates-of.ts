/**
 * The templates folders that the file walk (find-files.ts) skips: each
 * walked folder's `align.config.json` resolved by the language's resolver
 * (language/config/templates-folder.ts, `extends` followed as
 * language/config/extends.ts follows it), once per folder.
 */
import * as path from 'node:path';
import { URI, type FileSystemProvider } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { resolvedTemplatesFolderOf } from '../../language/config/templates-folder.js';

/** The templates folder that the `align.config.json` of `folder` (an absolute path) names, `extends` followed; undefined when none. */
export type TemplatesOf = (folder: string) => Promise<string | undefined>;

/**
 * A {@link TemplatesOf} through `fs`. `known` holds the folders whose
 * config file the caller has resolved already (the workspace's, by
 * load-workspace.ts), with their templates folder: their chain is not read again.
 */
export function templatesResolver(fs: FileSystemProvider = NodeFileSystem.fileSystemProvider(), known: ReadonlyMap<string, URI | undefined> = new Map()): TemplatesOf {
    const answers = new Map<string, Promise<string | undefined>>();
    for (const [folder, templates] of known) answers.set(folder, Promise.resolve(templates && pathOf(templates, folder)));
    return folder => {
        let answer = answers.get(folder);
        if (!answer) {
            answer = resolvedTemplatesFolderOf(fs, URI.file(folder)).then(templates => templates && pathOf(templates, folder));
            answers.set(folder, answer);
        }
        return answer;
    };
}

/** `uri` as a path spelled as `folder` is (a Windows drive letter keeps its case, which `URI.fsPath` lowers). */
function pathOf(uri: URI, folder: string): string {
    return path.resolve(folder, path.relative(URI.file(folder).fsPath, uri.fsPath));
}
