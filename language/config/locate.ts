/**
 * Finding what `align.config.json` names: a package through `node_modules`
 * from a folder up (as Node resolves packages), or a path relative to the
 * config file. Through Langium's file system only, so the CLI, the node
 * server and the web worker (whose files the client sent) share it.
 */
import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { withoutBom } from '../byte-order-mark.js';

const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/i;

/** A package or folder named in `align.config.json`, found on disk. */
export interface LocatedSource {
    /** As written: a package name or a relative path. */
    readonly spec: string;
    /** The package's folder, or the folder (or file) the path names. */
    readonly uri: URI;
    /** True when `spec` is a package name. */
    readonly isPackage: boolean;
}

/** True when `spec` is a path (`./x`, `../x`, `/x`) rather than a package name. */
export function isPathSpec(spec: string): boolean {
    return spec.startsWith('.') || spec.startsWith('/');
}

/**
 * Locates `spec` for a config file in `folder`. A package is the first
 * `node_modules/<name>` folder from `folder` up; a path is taken relative
 * to `folder`. Returns a message naming what is missing otherwise.
 */
export async function locate(fs: FileSystemProvider, spec: string, folder: URI): Promise<LocatedSource | string> {
    if (isPathSpec(spec)) {
        const uri = UriUtils.resolvePath(folder, spec);
        return await fs.exists(uri) ? { spec, uri, isPackage: false } : `no file or folder ${spec} (relative to the folder ${UriUtils.basename(folder) || folder.path} of the file that names it); correct the path`;
    }
    if (!PACKAGE_NAME.test(spec)) return `"${spec}" is neither a package name nor a relative path (start a path with ./ or ../)`;
    const found = await findPackage(fs, spec, folder);
    return found ? { spec, uri: found, isPackage: true } : `package ${spec} is not installed (no node_modules/${spec} from the workspace up; run npm install ${spec})`;
}

/** The folder of package `name`, searched in `node_modules` from `folder` up to the file system root. */
export async function findPackage(fs: FileSystemProvider, name: string, folder: URI): Promise<URI | undefined> {
    for (let current = folder; ; current = UriUtils.dirname(current)) {
        const candidate = UriUtils.joinPath(current, 'node_modules', ...name.split('/'));
        if (await isFolder(fs, candidate)) return candidate;
        if (UriUtils.dirname(current).path === current.path) return undefined;
    }
}

/** True when `uri` is a folder (false when it is a file or does not exist). */
export async function isFolder(fs: FileSystemProvider, uri: URI): Promise<boolean> {
    try {
        return (await fs.stat(uri)).isDirectory;
    } catch (error) {
        if (isMissing(error)) return false;
        throw error;
    }
}

/** True for the error of a file or folder that does not exist. */
export function isMissing(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound';
}

/**
 * `name` and `version` from the `package.json` of the package `folder`
 * belongs to: the installed package (`node_modules/@scope/name`) it is in,
 * or else `folder` itself; empty when there is none.
 */
export async function packageInfo(fs: FileSystemProvider, folder: URI): Promise<{ name?: string; version?: string }> {
    const file = UriUtils.joinPath(packageRoot(folder) ?? folder, 'package.json');
    try {
        if (!await fs.exists(file)) return {};
        // package.json is npm's, strict JSON: not a config file.
        const json = JSON.parse(withoutBom(await fs.readFile(file))) as { name?: unknown; version?: unknown };
        return {
            name: typeof json.name === 'string' ? json.name : undefined,
            version: typeof json.version === 'string' ? json.version : undefined
        };
    } catch (error) {
        if (error instanceof SyntaxError || isMissing(error)) return {};
        throw error;
    }
}

/** `…/node_modules/@scope/name` (or `…/node_modules/name`) of a URI inside an installed package. */
function packageRoot(uri: URI): URI | undefined {
    const segments = uri.path.split('/');
    const at = segments.lastIndexOf('node_modules');
    if (at < 0 || at + 1 >= segments.length) return undefined;
    const length = segments[at + 1]!.startsWith('@') ? at + 3 : at + 2;
    return length <= segments.length ? uri.with({ path: segments.slice(0, length).join('/') }) : undefined;
}
