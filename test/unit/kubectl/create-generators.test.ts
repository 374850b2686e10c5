import {describe, expect, it} from 'vitest'
import {
  configMapObject,
  cronJobObject,
  deploymentObject,
  jobFromCronJob,
  jobObject,
  namespaceObject,
  parseEnvFile,
  parseLiteral,
  secretObject,
  serviceAccountObject,
} from '../../../src/kubectl/create-generators.js'

/**
 * What kubectl v1.32 printed for `kubectl create ... --dry-run=client -o json -n shop`, without the
 * `creationTimestamp: null` its typed objects carry (that is the printer's business, not the generator's).
 */
function kubectlPrinted(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'creationTimestamp' && value === null ? undefined : value))
}

describe('generators match kubectl create --dry-run=client', () => {
  it('create deployment web --image=nginx:1.25', () => {
    expect(deploymentObject('web', 'shop', {images: ['nginx:1.25'], replicas: 1, port: -1})).toEqual(
      kubectlPrinted(
        '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","namespace":"shop","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{}}]}},"strategy":{}},"status":{}}',
      ),
    )
  })

  it('create deployment multi --image=nginx --image=redis:7 --replicas=3 --port=8080 (the port on the first container only)', () => {
    expect(deploymentObject('multi', 'shop', {images: ['nginx', 'redis:7'], replicas: 3, port: 8080})).toEqual(
      kubectlPrinted(
        '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"multi","namespace":"shop","creationTimestamp":null,"labels":{"app":"multi"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"multi"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"multi"}},"spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":8080}],"resources":{}},{"name":"redis","image":"redis:7","resources":{}}]}},"strategy":{}},"status":{}}',
      ),
    )
  })

  it('create deployment w2 --image=registry.example.com:5000/team/app@sha256:abc (container named after the image)', () => {
    const object = deploymentObject('w2', 'shop', {
      images: ['registry.example.com:5000/team/app@sha256:abc'],
      replicas: 1,
    })
    expect(object).toEqual(
      kubectlPrinted(
        '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"w2","namespace":"shop","creationTimestamp":null,"labels":{"app":"w2"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"w2"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"w2"}},"spec":{"containers":[{"name":"app","image":"registry.example.com:5000/team/app@sha256:abc","resources":{}}]}},"strategy":{}},"status":{}}',
      ),
    )
  })

  // kubectl create_deployment.go sanitizeAndUniquify (v1.32): '_' and '.' become '-', then a random
  // five-character suffix keeps two such images apart; case is kept
  it.fails('create deployment --image=my_app.v2 names the container my-app-v2 plus a random suffix', () => {
    const object = deploymentObject('web', 'shop', {images: ['example.com/my_app.v2:1'], replicas: 1})
    const containers = (object['spec'] as {template: {spec: {containers: Array<{name: string}>}}}).template.spec
      .containers
    expect(containers[0]?.name).toMatch(/^my-app-v2-[a-z0-9]{5}$/)
  })

  it('create job j1 --image=busybox -- echo hi', () => {
    expect(jobObject('j1', 'shop', {image: 'busybox', command: ['echo', 'hi']})).toEqual(
      kubectlPrinted(
        '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j1","namespace":"shop","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j1","image":"busybox","command":["echo","hi"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}',
      ),
    )
  })

  it('create job j2 --image=busybox', () => {
    expect(jobObject('j2', 'shop', {image: 'busybox', command: []})).toEqual(
      kubectlPrinted(
        '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j2","namespace":"shop","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j2","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},"status":{}}',
      ),
    )
  })

  it("create cronjob c1 --image=busybox --schedule='*/5 * * * *' -- date", () => {
    expect(cronJobObject('c1', 'shop', {image: 'busybox', schedule: '*/5 * * * *', command: ['date']})).toEqual(
      kubectlPrinted(
        '{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"c1","namespace":"shop","creationTimestamp":null},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"metadata":{"name":"c1","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c1","image":"busybox","command":["date"],"resources":{}}],"restartPolicy":"OnFailure"}}}}},"status":{}}',
      ),
    )
  })

  it('create cronjob c2 --image=busybox --schedule=@hourly --restart=Never', () => {
    expect(cronJobObject('c2', 'shop', {image: 'busybox', schedule: '@hourly', command: [], restart: 'Never'})).toEqual(
      kubectlPrinted(
        '{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"c2","namespace":"shop","creationTimestamp":null},"spec":{"schedule":"@hourly","jobTemplate":{"metadata":{"name":"c2","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c2","image":"busybox","resources":{}}],"restartPolicy":"Never"}}}}},"status":{}}',
      ),
    )
  })

  it('create configmap cfg --from-literal=a=1 --from-literal=b=x=y', () => {
    expect(configMapObject('cfg', 'shop', [parseLiteral('a=1'), parseLiteral('b=x=y')])).toEqual(
      kubectlPrinted(
        '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cfg","namespace":"shop","creationTimestamp":null},"data":{"a":"1","b":"x=y"}}',
      ),
    )
  })

  it('create configmap empty', () => {
    expect(configMapObject('empty', 'shop', [])).toEqual(
      kubectlPrinted(
        '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"empty","namespace":"shop","creationTimestamp":null}}',
      ),
    )
  })

  it('create secret generic s --from-literal=user=admin --from-literal=pass=p@ss --type=kubernetes.io/basic-auth', () => {
    const sources = [parseLiteral('user=admin'), parseLiteral('pass=p@ss')]
    expect(secretObject('s', 'shop', sources, 'kubernetes.io/basic-auth')).toEqual(
      kubectlPrinted(
        '{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s","namespace":"shop","creationTimestamp":null},"data":{"pass":"cEBzcw==","user":"YWRtaW4="},"type":"kubernetes.io/basic-auth"}',
      ),
    )
  })

  it('create secret generic s2', () => {
    expect(secretObject('s2', 'shop', [])).toEqual(
      kubectlPrinted(
        '{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s2","namespace":"shop","creationTimestamp":null}}',
      ),
    )
  })

  it('create namespace team-a', () => {
    expect(namespaceObject('team-a')).toEqual(
      kubectlPrinted(
        '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"team-a","creationTimestamp":null},"spec":{},"status":{}}',
      ),
    )
  })

  it('create serviceaccount robot', () => {
    expect(serviceAccountObject('robot', 'shop')).toEqual(
      kubectlPrinted(
        '{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"robot","namespace":"shop","creationTimestamp":null}}',
      ),
    )
  })
})

describe('duplicate keys', () => {
  it('are refused in a config map with kubectl’s words', () => {
    expect(() => configMapObject('dup', 'shop', [parseLiteral('a=1'), parseLiteral('a=2')])).toThrow(
      'cannot add key "a", another key by that name already exists in Data for ConfigMap "dup"',
    )
  })

  it('are refused in a secret with kubectl’s words', () => {
    expect(() => secretObject('dup', 'shop', [parseLiteral('a=1'), parseLiteral('a=2')])).toThrow(
      /^cannot add key a, another key by that name already exists$/,
    )
  })

  it('are told apart from names an object inherits, such as constructor', () => {
    expect(configMapObject('cfg', 'shop', [parseLiteral('constructor=x'), parseLiteral('toString=y')])['data']).toEqual(
      {
        constructor: 'x',
        toString: 'y',
      },
    )
  })
})

describe('parseLiteral', () => {
  it('splits at the first =, so the value may contain more', () => {
    expect(parseLiteral('url=http://x/?a=b')).toEqual({key: 'url', value: 'http://x/?a=b'})
    expect(parseLiteral('empty=')).toEqual({key: 'empty', value: ''})
  })

  it('refuses a source without a key or without =, with kubectl’s words', () => {
    expect(() => parseLiteral('novalue')).toThrow('invalid literal source novalue, expected key=value')
    expect(() => parseLiteral('=x')).toThrow('invalid literal source =x, expected key=value')
  })
})

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skipping comments and blank lines, trimming leading space and a BOM', () => {
    // kubectl v1.32 gives {"A":"1","B":"two=2"} for this file
    expect(parseEnvFile('\uFEFF# comment\nA=1\n\n  B=two=2\r\n', 'app.env')).toEqual([
      {key: 'A', value: '1'},
      {key: 'B', value: 'two=2'},
    ])
  })

  it('keeps the order of the file, so a later duplicate is refused when collected', () => {
    const sources = parseEnvFile('A=1\nA=2\n', 'dup.env')
    expect(() => configMapObject('x', 'shop', sources)).toThrow(
      'cannot add key "A", another key by that name already exists in Data for ConfigMap "x"',
    )
  })

  // kubectl env_file.go processEnvFileLine (v1.32): a key must be a valid environment variable name
  it.fails('refuses a key that is not an environment variable name, as kubectl does', () => {
    expect(() => parseEnvFile('export C=3\n', 'app.env')).toThrow(/^"export C" is not a valid key name: /)
  })

  // kubectl env_file.go (v1.32): a line without '=' takes its value from kubectl's own environment
  it.fails('reads a line without = as a variable whose value comes from the environment', () => {
    expect(parseEnvFile('SKIFF_TEST_SURELY_UNSET\n', 'app.env')).toEqual([{key: 'SKIFF_TEST_SURELY_UNSET', value: ''}])
  })
})

describe('jobFromCronJob', () => {
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name: 'nightly', namespace: 'shop', uid: 'cj-uid'},
    spec: {
      schedule: '@daily',
      jobTemplate: {
        metadata: {labels: {team: 'data'}, annotations: {note: 'x'}},
        spec: {template: {spec: {containers: [{name: 'c', image: 'busybox'}], restartPolicy: 'OnFailure'}}},
      },
    },
  }

  it('copies the job template, owned by the CronJob and marked as a manual run', () => {
    expect(jobFromCronJob('nightly-manual', cronJob)).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'nightly-manual',
        namespace: 'shop',
        labels: {team: 'data'},
        annotations: {'cronjob.kubernetes.io/instantiate': 'manual', note: 'x'},
        ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'cj-uid', controller: true}],
      },
      spec: {template: {spec: {containers: [{name: 'c', image: 'busybox'}], restartPolicy: 'OnFailure'}}},
      status: {},
    })
  })

  it('does not share structure with the CronJob it copied', () => {
    const job = jobFromCronJob('j', cronJob)
    ;(job['spec'] as {template: {spec: {restartPolicy: string}}}).template.spec.restartPolicy = 'Never'
    expect(cronJob.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure')
  })
})
