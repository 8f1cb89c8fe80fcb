import net from 'node:net';

/**
 * Truncates an IP address to what a security purpose needs: IPv4 to /24, IPv6 to /48
 * (IPv4-mapped IPv6 is treated as IPv4). The full address is never stored.
 */
export function truncateIp(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (net.isIPv4(mapped)) return `${mapped.split('.').slice(0, 3).join('.')}.0/24`;
  if (net.isIPv6(mapped)) {
    const [head = '', tail = ''] = mapped.split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail ? tail.split(':') : [];
    const groups = mapped.includes('::')
      ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
      : headParts;
    return `${groups.slice(0, 3).map((group) => (parseInt(group || '0', 16) || 0).toString(16)).join(':')}::/48`;
  }
  return 'unknown';
}
