import {formatDate} from './formats.js'

/**
 * What popular images do when a pod gives them no command: their start-up lines (written from what these
 * images print on a fresh start, with the container's start time in their own date formats) and whether
 * they keep running. Shells and language runtimes started with no terminal read an empty stdin and exit 0
 * at once, which is why `kubectl run b --image=busybox` ends in CrashLoopBackOff on a real cluster too.
 */

/** One start-up line, `afterMs` after the container started. */
export interface StartupLine {
  afterMs: number
  text: string
}

/** What an image's default program does. */
export interface ImageBehaviour {
  lines: StartupLine[]
  /** exits with this code after its lines; runs forever when undefined */
  exitCode?: number
}

/** What the start-up lines may mention. */
export interface ImageContext {
  startEpochMs: number
  env: ReadonlyMap<string, string>
  podIP: string
}

type Behaviour = (context: ImageContext) => ImageBehaviour

const EXITS_AT_ONCE: Behaviour = () => ({lines: [], exitCode: 0})

const at = (afterMs: number, text: string): StartupLine => ({afterMs, text})

function nginx({startEpochMs}: ImageContext): ImageBehaviour {
  const stamp = formatDate(startEpochMs + 60, '%Y/%m/%d %H:%M:%S')
  const entry = '/docker-entrypoint.sh'
  const lines = [
    at(5, `${entry}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`),
    at(5, `${entry}: Looking for shell scripts in /docker-entrypoint.d/`),
    at(6, `${entry}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`),
    at(12, '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'),
    at(20, '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'),
    at(21, `${entry}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`),
    at(22, `${entry}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`),
    at(30, `${entry}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`),
    at(35, `${entry}: Configuration complete; ready for start up`),
    ...serverLines(stamp, [
      'using the "epoll" event method',
      'nginx/1.27.3',
      'built by gcc 12.2.0 (Debian 12.2.0-14) ',
      'OS: Linux 6.1.0-skiff',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'start worker processes',
      'start worker process 29',
      'start worker process 30',
      'start worker process 31',
      'start worker process 32',
    ]),
  ]
  return {lines}
}

function serverLines(stamp: string, messages: string[]): StartupLine[] {
  return messages.map((message) => at(60, `${stamp} [notice] 1#1: ${message}`))
}

function httpd({startEpochMs, podIP}: ImageContext): ImageBehaviour {
  const stamp = formatDate(startEpochMs + 40, '%a %b %d %H:%M:%S.%N %Y').replace(/(\.\d{6})\d{3}/, '$1')
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message`
  return {
    lines: [
      at(30, fqdn),
      at(35, fqdn),
      at(
        40,
        `[${stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
      ),
      at(40, `[${stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`),
    ],
  }
}

function redis({startEpochMs}: ImageContext): ImageBehaviour {
  const stamp = (ms: number): string => formatDate(startEpochMs + ms, '%d %b %Y %H:%M:%S.%N').slice(0, -6)
  return {
    lines: [
      at(
        3,
        `1:C ${stamp(3)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
      ),
      at(3, `1:C ${stamp(3)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
      at(3, `1:C ${stamp(3)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`),
      at(
        3,
        `1:C ${stamp(3)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      ),
      at(4, `1:M ${stamp(4)} * monotonic clock: POSIX clock_gettime`),
      at(4, `1:M ${stamp(4)} * Running mode=standalone, port=6379.`),
      at(5, `1:M ${stamp(5)} * Server initialized`),
      at(5, `1:M ${stamp(5)} * Ready to accept connections tcp`),
    ],
  }
}

function postgres({startEpochMs, env}: ImageContext): ImageBehaviour {
  if (!env.get('POSTGRES_PASSWORD') && env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    const text = [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ]
    return {lines: text.map((line) => at(10, line)), exitCode: 1}
  }
  const stamp = (ms: number): string => `${formatDate(startEpochMs + ms, '%Y-%m-%d %H:%M:%S.%N').slice(0, -6)} UTC`
  return {
    lines: [
      at(900, 'PostgreSQL init process complete; ready for start up.'),
      at(900, ''),
      at(
        1000,
        `${stamp(1000)} [1] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      ),
      at(1001, `${stamp(1001)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`),
      at(1001, `${stamp(1001)} [1] LOG:  listening on IPv6 address "::", port 5432`),
      at(1003, `${stamp(1003)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`),
      at(1010, `${stamp(1010)} [1] LOG:  database system is ready to accept connections`),
    ],
  }
}

function mysql({env}: ImageContext): ImageBehaviour {
  const hasPassword = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'].some((name) =>
    env.has(name),
  )
  if (!hasPassword) {
    return {
      lines: [
        at(20, '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified'),
        at(20, '    You need to specify one of the following as an environment variable:'),
        at(20, '    - MYSQL_ROOT_PASSWORD'),
        at(20, '    - MYSQL_ALLOW_EMPTY_PASSWORD'),
        at(20, '    - MYSQL_RANDOM_ROOT_PASSWORD'),
      ],
      exitCode: 1,
    }
  }
  return {
    lines: [
      at(
        4000,
        "[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.1.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
      ),
    ],
  }
}

function simpleServer(...texts: string[]): Behaviour {
  return () => ({lines: texts.map((text, i) => at(20 + i, text))})
}

/** The behaviour of an image's default program, by repository name (`nginx`, `library/nginx`, `bitnami/redis`). */
const BEHAVIOURS: Record<string, Behaviour> = {
  nginx,
  httpd,
  redis,
  postgres,
  mysql,
  mariadb: mysql,
  busybox: EXITS_AT_ONCE,
  alpine: EXITS_AT_ONCE,
  ubuntu: EXITS_AT_ONCE,
  debian: EXITS_AT_ONCE,
  centos: EXITS_AT_ONCE,
  fedora: EXITS_AT_ONCE,
  python: EXITS_AT_ONCE,
  node: EXITS_AT_ONCE,
  ruby: EXITS_AT_ONCE,
  golang: EXITS_AT_ONCE,
  memcached: simpleServer(),
  mongo: simpleServer(
    '{"t":{"$date":"skiff"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}',
  ),
  rabbitmq: simpleServer(
    '  ##  ##      RabbitMQ 4.0.5',
    '  ##  ##',
    '  ##########  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries',
    '  ######  ##',
    '  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com',
    '',
    '  Starting broker... completed with 5 plugins.',
  ),
  pause: simpleServer(),
}

// programs that, started by a script, behave like their image's default server
const SERVER_PROGRAMS: Record<string, string> = {
  nginx: 'nginx',
  httpd: 'httpd',
  'httpd-foreground': 'httpd',
  'redis-server': 'redis',
  postgres: 'postgres',
  mysqld: 'mysql',
  memcached: 'memcached',
  mongod: 'mongo',
  'rabbitmq-server': 'rabbitmq',
}

/** The repository's last path segment: `docker.io/library/nginx:1.27` -> `nginx`. */
function imageShortName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image
  const lastSegment = withoutDigest.split('/').pop() ?? withoutDigest
  return lastSegment.split(':')[0] ?? lastSegment
}

/** What a well-known image does with no command, or undefined for an image skiff does not know. */
export function imageBehaviour(image: string, context: ImageContext): ImageBehaviour | undefined {
  return BEHAVIOURS[imageShortName(image)]?.(context)
}

/** The server programs a script may start, each writing its image's start-up lines. */
export function serverPrograms(context: ImageContext): Map<string, () => string[]> {
  const servers = new Map<string, () => string[]>()
  for (const [program, image] of Object.entries(SERVER_PROGRAMS)) {
    servers.set(program, () => (BEHAVIOURS[image]?.(context).lines ?? []).map((line) => line.text))
  }
  return servers
}

/** Whether the image's shell is busybox (busybox, alpine and `-alpine` tags) for error wording. */
export function isBusyboxImage(image: string): boolean {
  const name = imageShortName(image)
  return name === 'busybox' || name === 'alpine' || /:[^/]*alpine/.test(image)
}
