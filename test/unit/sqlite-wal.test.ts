/**
 * withWal (cli/pull/sqlite-wal.ts) applies the committed transactions of a
 * SQLite WAL to an image of the database file, as SQLite's recovery does:
 * a torn last frame, a frame whose checksum fails and a WAL whose header is
 * not valid end what is applied, never corrupt the image. The files are
 * written by Node's own SQLite (`node:sqlite`), read back with sql.js.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withWal } from '../../cli/pull/sqlite-wal.js';
import { makeTempDir } from '../temp-dirs.js';

interface Connection {
    exec(sql: string): void;
    close(): void;
}

/** The rows of table s in a database image, read with sql.js. */
async function rowsOf(image: Uint8Array): Promise<number[]> {
    const SQL = await (await import('sql.js')).default();
    const db = new SQL.Database(image);
    try {
        return (db.exec('SELECT v FROM s ORDER BY v')[0]?.values ?? []).map(row => Number(row[0]));
    } finally {
        db.close();
    }
}

describe('SQLite WAL: committed frames applied, as SQLite recovers them', () => {
    let folder: string;
    let database: Buffer;
    let wal: Buffer;
    const PAGE = 4096;
    const FRAME = 24 + PAGE;

    before(() => {
        folder = makeTempDir('align-wal-');
        const file = path.join(folder, 'app.db');
        const { DatabaseSync } = require('node:sqlite') as { DatabaseSync: new (file: string) => Connection };
        const writer = new DatabaseSync(file);
        writer.exec(`PRAGMA page_size = ${PAGE}; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0`);
        writer.exec('CREATE TABLE s(v INTEGER); INSERT INTO s VALUES (1)');
        writer.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        // Two transactions of one page each (the table's page): frames 1 and 2 of the WAL.
        writer.exec('INSERT INTO s VALUES (2)');
        writer.exec('INSERT INTO s VALUES (3)');
        database = fs.readFileSync(file);
        wal = fs.readFileSync(`${file}-wal`);
        writer.close();
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('the WAL as written: both transactions', async () => {
        assert.equal(wal.length, 32 + 2 * FRAME, 'a header and two frames');
        assert.deepEqual(await rowsOf(database), [1]);
        assert.deepEqual(await rowsOf(withWal(database, wal)), [1, 2, 3]);
    });

    it('no WAL, an empty one or one shorter than its header: the file alone', async () => {
        for (const none of [undefined, new Uint8Array(0), wal.subarray(0, 20)]) assert.equal(withWal(database, none), database);
    });

    it('a torn last frame (a commit being written): the transactions before it', async () => {
        assert.deepEqual(await rowsOf(withWal(database, wal.subarray(0, wal.length - 100))), [1, 2]);
        assert.deepEqual(await rowsOf(withWal(database, wal.subarray(0, 32 + FRAME - 1))), [1]);
    });

    it('a frame whose checksum fails ends what is applied', async () => {
        const flipped = Buffer.from(wal);
        flipped[32 + FRAME + 24 + 100]! ^= 0xff;
        assert.deepEqual(await rowsOf(withWal(database, flipped)), [1, 2]);
        const firstFlipped = Buffer.from(wal);
        firstFlipped[32 + 24 + 100]! ^= 0xff;
        assert.deepEqual(await rowsOf(withWal(database, firstFlipped)), [1]);
    });

    it('a frame of another WAL generation (other salts) ends what is applied', async () => {
        const stale = Buffer.from(wal);
        stale.writeUInt32BE((stale.readUInt32BE(32 + FRAME + 8) ^ 1) >>> 0, 32 + FRAME + 8);
        assert.deepEqual(await rowsOf(withWal(database, stale)), [1, 2]);
    });

    it('a header that is not valid (magic, page size or checksum): the WAL is ignored', async () => {
        for (const [offset, value] of [[0, 0x377f0680], [8, 1000], [24, 0]] as const) {
            const bad = Buffer.from(wal);
            bad.writeUInt32BE(value, offset);
            assert.deepEqual(await rowsOf(withWal(database, bad)), [1], `offset ${offset}`);
        }
    });
});
