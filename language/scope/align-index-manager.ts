import type { AstNodeDescription } from 'langium';
import { DefaultIndexManager } from 'langium';

/** Langium's index, which also tells what a document exports now (read before an edit replaces it). */
export class AlignIndexManager extends DefaultIndexManager {
    /** The descriptions a document exports, in the order it exports them. */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.getFileDescriptions(uri);
    }
}
