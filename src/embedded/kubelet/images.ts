import {createHash} from 'node:crypto'
import {drawBetween, seededRandom} from '../clock/seeded-random.js'

/**
 * Images as the simulated container runtime (containerd) sees them. No registry is ever contacted, so
 * whether an image exists is decided by a rule, the same on every machine:
 *
 *   An image CANNOT be pulled when (1) its registry host is not a well-known public registry
 *   (docker.io, registry.k8s.io, gcr.io and *.gcr.io, *.pkg.dev, quay.io, ghcr.io, mcr.microsoft.com,
 *   public.ecr.aws, localhost), or (2) its repository path or tag contains one of the words
 *   `doesnotexist`, `does-not-exist`, `nonexistent`, `non-existent`, `notexist`, `invalid`, `missing`
 *   (so `nginx:doesnotexist`, `doesnotexist/xyz` and `example.invalid/app` fail). Every other image exists.
 *
 * Sizes, digests and pull times are drawn from the image name, so one image has one identity everywhere.
 */

/** An image reference split as containerd normalises it: `nginx` -> docker.io/library/nginx:latest. */
export interface ImageReference {
  registry: string
  repository: string
  tag: string | undefined
  digest: string | undefined
  /** `docker.io/library/nginx:1.27`, the name containerd reports in container statuses */
  normalized: string
}

const KNOWN_REGISTRIES = [
  'docker.io',
  'registry.k8s.io',
  'k8s.gcr.io',
  'gcr.io',
  'quay.io',
  'ghcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'localhost',
]
const KNOWN_REGISTRY_SUFFIXES = ['.gcr.io', '.pkg.dev']
const MISSING_WORDS = [
  'doesnotexist',
  'does-not-exist',
  'nonexistent',
  'non-existent',
  'notexist',
  'invalid',
  'missing',
]
// roughly the compressed sizes these images have on Docker Hub (amd64); others are drawn between the bounds
const KNOWN_IMAGE_MEGABYTES: Record<string, number> = {
  'library/busybox': 2.2,
  'library/alpine': 3.6,
  'library/nginx': 72,
  'library/httpd': 58,
  'library/redis': 45,
  'library/memcached': 33,
  'library/postgres': 158,
  'library/mysql': 172,
  'library/mongo': 290,
  'library/rabbitmq': 98,
  'library/python': 390,
  'library/node': 400,
  'library/ubuntu': 29,
  'library/debian': 49,
  pause: 0.3,
}
const MIN_IMAGE_BYTES = 2_000_000
const MAX_IMAGE_BYTES = 400_000_000
// kubelet pulls one image at a time (serializeImagePulls, v1.32 default); a pull takes this long here
const MIN_PULL_MS = 400
const MAX_PULL_MS = 8_000

/** Parses an image reference with docker's normalisation (default registry docker.io, `library/`, `:latest`). */
export function parseImageReference(image: string): ImageReference {
  const [nameAndTag = '', digest] = image.split('@')
  const slash = nameAndTag.indexOf('/')
  const first = slash < 0 ? '' : nameAndTag.slice(0, slash)
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
  const registry = hasRegistry ? first : 'docker.io'
  let path = hasRegistry ? nameAndTag.slice(slash + 1) : nameAndTag
  const colon = path.lastIndexOf(':')
  const tag = colon > path.lastIndexOf('/') ? path.slice(colon + 1) : undefined
  if (tag !== undefined) path = path.slice(0, colon)
  const repository = registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path
  const normalized = `${registry}/${repository}${digest ? `@${digest}` : `:${tag ?? 'latest'}`}`
  return {registry, repository, tag, digest, normalized}
}

/** Why pulling this image fails, worded as containerd reports it, or undefined when the image exists. */
export function pullError(image: string): string | undefined {
  const ref = parseImageReference(image)
  const known =
    KNOWN_REGISTRIES.includes(ref.registry) || KNOWN_REGISTRY_SUFFIXES.some((suffix) => ref.registry.endsWith(suffix))
  const resolve = `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}"`
  if (!known) {
    const host = ref.registry.split(':')[0] ?? ref.registry
    return `${resolve}: failed to do request: Head "https://${ref.registry}/v2/${ref.repository}/manifests/${ref.tag ?? 'latest'}": dial tcp: lookup ${host}: no such host`
  }
  const lower = `${ref.repository}:${ref.tag ?? ''}`.toLowerCase()
  if (!MISSING_WORDS.some((word) => lower.includes(word))) return undefined
  const tagMissing =
    MISSING_WORDS.some((word) => (ref.tag ?? '').toLowerCase().includes(word)) &&
    !MISSING_WORDS.some((word) => ref.repository.toLowerCase().includes(word))
  if (tagMissing) return `${resolve}: ${ref.normalized}: not found`
  return `${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
}

/** The image's digest reference (`docker.io/library/nginx@sha256:...`), as status.containerStatuses[].imageID. */
export function imageID(image: string): string {
  const ref = parseImageReference(image)
  if (ref.digest) return `${ref.registry}/${ref.repository}@${ref.digest}`
  const digest = createHash('sha256').update(ref.normalized).digest('hex')
  return `${ref.registry}/${ref.repository}@sha256:${digest}`
}

/** The image's compressed size in bytes, as the Pulled event reports it. */
export function imageSizeBytes(image: string): number {
  const ref = parseImageReference(image)
  const random = seededRandom(`image-size:${ref.normalized}`)
  const knownMegabytes = KNOWN_IMAGE_MEGABYTES[ref.repository]
  if (knownMegabytes === undefined) return drawBetween(random, MIN_IMAGE_BYTES, MAX_IMAGE_BYTES)
  // tags of one image differ a little in size
  return Math.round(knownMegabytes * 1_000_000 * (0.95 + random() * 0.1))
}

/** How long one pull of this image takes, drawn from a seed (the pod uid and the attempt). */
export function pullDurationMs(image: string, seed: string): number {
  const sizeShare = Math.min(1, imageSizeBytes(image) / MAX_IMAGE_BYTES)
  const random = seededRandom(`pull:${seed}:${image}`)
  return Math.round(MIN_PULL_MS + sizeShare * (MAX_PULL_MS - MIN_PULL_MS) * (0.5 + random()))
}

/** The pull policy kubelet applies when the container sets none: Always for `:latest` or no tag (v1.32 defaulting). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image)
  return ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest') ? 'Always' : 'IfNotPresent'
}
