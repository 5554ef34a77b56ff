/**
 * Whether `no_proxy`/`NO_PROXY` lists the host of a URL, so that it is
 * reached directly. The entries are read as curl reads them, with the forms
 * Node's own proxy support documents too:
 * - `*`, alone or as one entry of the list: every host;
 * - a host name: that host and its subdomains, whatever the case, with a
 *   leading `.` or `*.` and a trailing `.` ignored (`example.com`,
 *   `.example.com` and `*.example.com` all list `lrs.example.com`);
 * - an IP address, IPv4 or IPv6 (bare or in brackets), a range in CIDR form
 *   (`10.0.0.0/8`, `::1/128`, `fd00::/8`) or an IPv4 range from-to
 *   (`192.168.1.1-192.168.1.100`): a host written as an address in it.
 *   Addresses are compared by value (`0:0:0:0:0:0:0:1` is `::1`) and only
 *   with hosts written as addresses, as curl does: no name is looked up,
 *   and `.0.0.1` is no suffix of `127.0.0.1`;
 * - any of these with `:port` (`lrs.corp:8080`, `10.0.0.0/8:8080`,
 *   `[::1]:8080`): that port only (curl ignores such an entry; Node and
 *   undici read it so).
 * Entries are separated by commas or white space. One that is none of the
 * above (`10.0.0.0/33`) lists no host, as in curl.
 */
import { domainToASCII } from 'node:url';
import { isIPv4, isIPv6 } from 'node:net';

/** An address as a number, with its family's width in bits. */
interface Address { readonly bits: 32 | 128; readonly value: bigint }

type Entry =
    | { readonly kind: 'all' }
    | { readonly kind: 'name'; readonly name: string; readonly port?: number }
    | { readonly kind: 'addresses'; readonly bits: 32 | 128; readonly first: bigint; readonly last: bigint; readonly port?: number };

/** The NO_PROXY list in force: `no_proxy` first, as curl and undici read it, then `NO_PROXY` (an empty one is not set). */
export function noProxyValue(): string {
    return process.env['no_proxy'] || process.env['NO_PROXY'] || '';
}

/** Whether `value`, a NO_PROXY list, lists the host (and port) of `url`. */
export function noProxyLists(url: URL, value: string): boolean {
    const entries = value.split(/[\s,]+/).filter(Boolean).map(entryOf);
    if (entries.length === 0) return false;
    const port = Number.parseInt(url.port, 10) || (url.protocol === 'https:' ? 443 : 80);
    const address = url.hostname.startsWith('[') ? addressOf(url.hostname.slice(1, -1)) : isIPv4(url.hostname) ? addressOf(url.hostname) : undefined;
    const name = address ? undefined : url.hostname.toLowerCase().replace(/\.$/, '');
    return entries.some(entry => {
        if (entry === undefined) return false;
        if (entry.kind === 'all') return true;
        if (entry.port !== undefined && entry.port !== port) return false;
        if (entry.kind === 'name') return name !== undefined && (name === entry.name || name.endsWith(`.${entry.name}`));
        return address !== undefined && address.bits === entry.bits && address.value >= entry.first && address.value <= entry.last;
    });
}

/** An entry of the list; undefined for one that lists no host. */
function entryOf(text: string): Entry | undefined {
    if (text === '*') return { kind: 'all' };
    const { host, port } = hostAndPort(text);
    if (port !== undefined && !(port >= 1 && port <= 65535)) return undefined;
    if (/:|^[\d./-]+$/.test(host)) return addressesOf(host, port);
    const name = host.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
    if (name === '' || /[/*[\]]/.test(name)) return undefined;
    return { kind: 'name', name: domainToASCII(name) || name, port };
}

/**
 * An entry's host and port: brackets set an IPv6 address apart from a port
 * (`[::1]:8080`, `[fd00::]/8:8080`); the colons of a bare IPv6 address
 * (`::1/128`) are no port.
 */
function hostAndPort(text: string): { host: string; port?: number } {
    const bracketed = /^\[([^\]]+)\](\/\d{1,3})?(?::(\d+))?$/.exec(text);
    if (bracketed) return { host: `${bracketed[1]!}${bracketed[2] ?? ''}`, port: bracketed[3] === undefined ? undefined : Number(bracketed[3]) };
    const withPort = /^([^:]+):(\d+)$/.exec(text);
    return withPort ? { host: withPort[1]!, port: Number(withPort[2]) } : { host: text };
}

/** `address`, `address/bits` or (IPv4) `first-last`, as a range of addresses; undefined when it is none of them. */
function addressesOf(text: string, port: number | undefined): Entry | undefined {
    const range = /^([^-]+)-([^-]+)$/.exec(text);
    if (range) {
        const [first, last] = [addressOf(range[1]!), addressOf(range[2]!)];
        if (!first || !last || first.bits !== last.bits) return undefined;
        return { kind: 'addresses', bits: first.bits, first: first.value, last: last.value, port };
    }
    const cidr = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(text);
    const address = cidr ? addressOf(cidr[1]!) : undefined;
    if (!address) return undefined;
    const prefix = cidr![2] === undefined ? address.bits : Number(cidr![2]);
    if (prefix > address.bits) return undefined;
    const host = (1n << BigInt(address.bits - prefix)) - 1n;
    const first = address.value & ~host;
    return { kind: 'addresses', bits: address.bits, first, last: first | host, port };
}

/** An IPv4 address (dotted quad) or an IPv6 address (with an IPv4 tail or not) as a number; undefined for anything else. */
function addressOf(text: string): Address | undefined {
    if (isIPv4(text)) return { bits: 32, value: text.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n) };
    if (!isIPv6(text) || text.includes('%')) return undefined;
    // An IPv4 tail (`::ffff:10.0.0.1`) is two groups.
    const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
    const hex = tail ? `${text.slice(0, tail.index)}${((Number(tail[1]) << 8) | Number(tail[2])).toString(16)}:${((Number(tail[3]) << 8) | Number(tail[4])).toString(16)}` : text;
    const [head, rest] = hex.split('::') as [string, string | undefined];
    const groups = (part: string | undefined) => part ? part.split(':') : [];
    const all = rest === undefined ? groups(head) : [...groups(head), ...Array<string>(8 - groups(head).length - groups(rest).length).fill('0'), ...groups(rest)];
    return { bits: 128, value: all.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n) };
}
