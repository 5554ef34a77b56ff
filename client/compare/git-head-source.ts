import type { HeadSource } from './head-files.js';
import { UNKNOWN_PATH, type GitRepository } from './git-api.js';

/** A repository of the git extension as a HeadSource: its changes since HEAD, and `git show HEAD:path`. */
export function gitHeadSource(repository: GitRepository): HeadSource {
    const { state } = repository;
    return {
        root: repository.rootUri.fsPath,
        head: state.HEAD?.commit,
        changedSinceHead: () => [...state.indexChanges, ...state.workingTreeChanges].map(c => c.originalUri.fsPath),
        readAtHead: async path => {
            try {
                await repository.getObjectDetails('HEAD', path);
            } catch (error) {
                if ((error as { gitErrorCode?: string } | null)?.gitErrorCode === UNKNOWN_PATH) return undefined;
                throw error;
            }
            return repository.show('HEAD', path);
        }
    };
}
