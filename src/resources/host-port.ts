/** Go's net.JoinHostPort: `host:port`, with an IPv6 host in brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
