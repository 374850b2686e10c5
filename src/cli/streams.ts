/** All of standard input as text (for `-f -`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Whether to colour output: only on a terminal, never with NO_COLOR set or TERM=dumb (CONVENTIONS.md §5). */
export function useColor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] ?? '') === '' && env['TERM'] !== 'dumb'
}
