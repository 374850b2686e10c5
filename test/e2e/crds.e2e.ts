import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

// Minimal but realistic CRDs of the operators a data engineer runs: the Spark operator's SparkApplication
// (sparkoperator.k8s.io/v1beta2) and Strimzi's Kafka (kafka.strimzi.io/v1beta2), with their printer columns.
const SPARK_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: sparkapplications.sparkoperator.k8s.io
spec:
  group: sparkoperator.k8s.io
  names:
    kind: SparkApplication
    listKind: SparkApplicationList
    plural: sparkapplications
    singular: sparkapplication
    shortNames: [sparkapp]
    categories: [all]
  scope: Namespaced
  versions:
  - name: v1beta2
    served: true
    storage: true
    subresources:
      status: {}
    additionalPrinterColumns:
    - name: Status
      type: string
      jsonPath: .status.applicationState.state
    - name: Attempts
      type: string
      jsonPath: .status.submissionAttempts
    - name: Start
      type: string
      jsonPath: .status.lastSubmissionAttemptTime
    - name: Finish
      type: string
      jsonPath: .status.terminationTime
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            required: [type, sparkVersion, driver, executor]
            properties:
              type:
                type: string
                enum: [Java, Python, Scala, R]
              mode:
                type: string
                default: cluster
                enum: [cluster, client]
              image: {type: string}
              mainClass: {type: string}
              mainApplicationFile: {type: string}
              sparkVersion: {type: string}
              arguments:
                type: array
                items: {type: string}
              sparkConf:
                type: object
                additionalProperties: {type: string}
              driver:
                type: object
                properties:
                  cores: {type: integer, minimum: 1}
                  memory: {type: string, pattern: '^[0-9]+[kmgt]?$'}
                  serviceAccount: {type: string}
              executor:
                type: object
                properties:
                  instances: {type: integer, minimum: 1, default: 1}
                  cores: {type: integer, minimum: 1}
                  memory: {type: string}
          status:
            type: object
            x-kubernetes-preserve-unknown-fields: true
`

const KAFKA_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: kafkas.kafka.strimzi.io
  labels:
    app: strimzi
spec:
  group: kafka.strimzi.io
  names:
    kind: Kafka
    listKind: KafkaList
    singular: kafka
    plural: kafkas
    shortNames: [k]
    categories: [strimzi]
  scope: Namespaced
  conversion:
    strategy: None
  versions:
  - name: v1beta2
    served: true
    storage: true
    subresources:
      status: {}
      scale:
        specReplicasPath: .spec.kafka.replicas
        statusReplicasPath: .status.kafkaReplicas
        labelSelectorPath: .status.labelSelector
    additionalPrinterColumns:
    - name: Desired Kafka replicas
      description: The desired number of Kafka replicas in the cluster
      jsonPath: .spec.kafka.replicas
      type: integer
    - name: Ready
      description: The state of the custom resource
      jsonPath: .status.conditions[?(@.type=="Ready")].status
      type: string
    - name: Metadata State
      description: The state of the cluster metadata
      jsonPath: .status.kafkaMetadataState
      type: string
      priority: 1
    - name: Warnings
      description: Warnings related to the custom resource
      jsonPath: .status.conditions[?(@.type=="Warning")].status
      type: string
    schema:
      openAPIV3Schema:
        type: object
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            required: [kafka]
            properties:
              kafka:
                type: object
                required: [listeners]
                properties:
                  version: {type: string, pattern: '^\\d+\\.\\d+\\.\\d+$'}
                  replicas: {type: integer, minimum: 1, maximum: 9}
                  listeners:
                    type: array
                    minItems: 1
                    items:
                      type: object
                      required: [name, port, type, tls]
                      properties:
                        name: {type: string, pattern: '^[a-z0-9]{1,11}$'}
                        port: {type: integer, minimum: 9092}
                        type: {type: string, enum: [internal, route, loadbalancer, nodeport, ingress, cluster-ip]}
                        tls: {type: boolean}
                  config:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
                  storage:
                    type: object
                    properties:
                      type: {type: string, enum: [ephemeral, persistent-claim, jbod]}
                      size: {type: string}
                      deleteClaim: {type: boolean, default: false}
              entityOperator:
                type: object
                properties:
                  topicOperator: {type: object, x-kubernetes-preserve-unknown-fields: true}
          status:
            type: object
            properties:
              conditions:
                type: array
                items:
                  type: object
                  properties:
                    type: {type: string}
                    status: {type: string}
                    reason: {type: string}
                    message: {type: string}
              kafkaReplicas: {type: integer}
              labelSelector: {type: string}
              kafkaMetadataState: {type: string}
              observedGeneration: {type: integer}
`

const SPARK_PI = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: spark-pi
spec:
  type: Scala
  image: spark:3.5.3
  mainClass: org.apache.spark.examples.SparkPi
  mainApplicationFile: local:///opt/spark/examples/jars/spark-examples.jar
  sparkVersion: 3.5.3
  restartPolicyTypo: Never
  driver:
    cores: 1
    memory: 512m
  executor:
    cores: 1
    memory: 512m
`

// two valid clusters around one that breaks four schema rules
const KAFKAS = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: events
spec:
  kafka:
    version: 3.9.0
    replicas: 3
    listeners:
    - {name: plain, port: 9092, type: internal, tls: false}
    config:
      offsets.topic.replication.factor: 3
    storage: {type: persistent-claim, size: 100Gi}
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: broken
spec:
  kafka:
    version: latest
    replicas: "three"
    listeners:
    - {name: plain, port: 80, type: public, tls: false}
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: audit
spec:
  kafka:
    replicas: 1
    listeners:
    - {name: tls, port: 9093, type: internal, tls: true}
`

/** The lines of a table, each with its runs of spaces squeezed, so assertions read like the table. */
function rows(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').trimEnd())
}

describe('CustomResourceDefinitions on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('serve a SparkApplication at once: printer columns, short and singular names, defaults and pruning', async () => {
    const crd = await sandbox.run(['apply', '-f', '-'], {input: SPARK_CRD})
    expect(crd).toMatchObject({
      exitCode: 0,
      stdout: 'customresourcedefinition.apiextensions.k8s.io/sparkapplications.sparkoperator.k8s.io created\n',
    })
    const established = await sandbox.run([
      'get',
      'crd',
      'sparkapplications.sparkoperator.k8s.io',
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Established")].status} {.status.acceptedNames.shortNames}',
    ])
    expect(established.stdout).toBe('True ["sparkapp"]')

    // --validate=false: the server prunes the unknown field instead of refusing it (strict decoding)
    const app = await sandbox.run(['apply', '--validate=false', '-f', '-'], {input: SPARK_PI})
    expect(app.stdout).toBe('sparkapplication.sparkoperator.k8s.io/spark-pi created\n')

    for (const type of ['sparkapplications', 'sparkapp', 'sparkapplication', 'SparkApplication']) {
      const listed = await sandbox.run(['get', type])
      expect(listed.exitCode).toBe(0)
      expect(rows(listed.stdout)).toEqual([
        'NAME  STATUS  ATTEMPTS  START  FINISH  AGE',
        expect.stringMatching(/^spark-pi {2}\d+s$/),
      ])
    }

    const yaml = await sandbox.run(['get', 'sparkapp', 'spark-pi', '-o', 'yaml'])
    expect(yaml.stdout).toContain('  mode: cluster\n')
    expect(yaml.stdout).toContain('    instances: 1\n')
    expect(yaml.stdout).toContain('generation: 1\n')
    expect(yaml.stdout).not.toContain('restartPolicyTypo: Never')

    const all = await sandbox.run(['get', 'all', '-o', 'name'])
    expect(all.stdout).toContain('sparkapplication.sparkoperator.k8s.io/spark-pi\n')

    const described = await sandbox.run(['describe', 'sparkapplication', 'spark-pi'])
    expect(described.exitCode).toBe(0)
    expect(described.stdout).toMatch(/^Name: +spark-pi\nNamespace: +default\n/)
    expect(described.stdout).toContain('API Version:  sparkoperator.k8s.io/v1beta2\nKind:         SparkApplication\n')
    expect(described.stdout).toMatch(/Spec:\n {2}Driver:\n {4}Cores: +1\n/)
    expect(described.stdout).toMatch(/ {2}Mode: +cluster\n/)
  })

  it('rejects an invalid Kafka with the API server wording while the valid ones beside it apply', async () => {
    expect((await sandbox.run(['apply', '-f', '-'], {input: KAFKA_CRD})).exitCode).toBe(0)
    const applied = await sandbox.run(['apply', '-f', '-'], {input: KAFKAS})
    expect(applied.exitCode).toBe(1)
    expect(applied.stdout).toBe('kafka.kafka.strimzi.io/events created\nkafka.kafka.strimzi.io/audit created\n')
    expect(applied.stderr).toBe(
      [
        'The Kafka "broken" is invalid: ',
        '* spec.kafka.listeners[0].port: Invalid value: 80: spec.kafka.listeners[0].port in body should be greater than or equal to 9092',
        '* spec.kafka.listeners[0].type: Unsupported value: "public": supported values: "internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"',
        '* spec.kafka.replicas: Invalid value: "string": spec.kafka.replicas in body must be of type integer: "string"',
        '* spec.kafka.version: Invalid value: "latest": spec.kafka.version in body should match \'^\\d+\\.\\d+\\.\\d+$\'',
        '',
      ].join('\n'),
    )

    expect(rows((await sandbox.run(['get', 'kafkas'])).stdout)).toEqual([
      'NAME  DESIRED KAFKA REPLICAS  READY  WARNINGS',
      'audit  1',
      'events  3',
    ])
    expect(rows((await sandbox.run(['get', 'k', 'events', '-o', 'wide'])).stdout)).toEqual([
      'NAME  DESIRED KAFKA REPLICAS  READY  METADATA STATE  WARNINGS',
      'events  3',
    ])
    // x-kubernetes-preserve-unknown-fields keeps the broker config; the schema default fills deleteClaim
    const config = await sandbox.run([
      'get',
      'kafka',
      'events',
      '-o',
      'jsonpath={.spec.kafka.config} {.spec.kafka.storage.deleteClaim}',
    ])
    expect(config.stdout).toBe('{"offsets.topic.replication.factor":3} false')
  })

  it('scales a Kafka through its scale subresource, within the schema bounds', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: KAFKA_CRD})
    await sandbox.run(['apply', '-f', '-'], {input: KAFKAS})
    const scaled = await sandbox.run(['scale', 'kafka', 'events', '--replicas=5'])
    expect(scaled).toMatchObject({exitCode: 0, stdout: 'kafka.kafka.strimzi.io/events scaled\n'})
    const after = await sandbox.run([
      'get',
      'kafka',
      'events',
      '-o',
      'jsonpath={.spec.kafka.replicas} {.metadata.generation}',
    ])
    expect(after.stdout).toBe('5 2')

    const tooMany = await sandbox.run(['scale', 'kafka', 'events', '--replicas=20'])
    expect(tooMany.exitCode).toBe(1)
    expect(tooMany.stderr).toBe(
      'The Kafka "events" is invalid: spec.kafka.replicas: Invalid value: 20: spec.kafka.replicas in body should be less than or equal to 9\n',
    )

    // as with kubectl, a CRD and its objects go in two applies: the kind is mapped before anything is created
    expect((await sandbox.run(['apply', '-f', '-'], {input: SPARK_CRD})).exitCode).toBe(0)
    expect((await sandbox.run(['apply', '--validate=false', '-f', '-'], {input: SPARK_PI})).exitCode).toBe(0)
    const refused = await sandbox.run(['scale', 'sparkapp', 'spark-pi', '--replicas=2'])
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain('sparkapplications.sparkoperator.k8s.io "spark-pi" not found')
  })

  it('keeps status out of writes to the main resource when the status subresource is on', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: KAFKA_CRD})
    const withStatus = `${KAFKAS.split('---')[0]}status:\n  kafkaReplicas: 3\n  conditions:\n  - {type: Ready, status: "True"}\n`
    expect((await sandbox.run(['apply', '-f', '-'], {input: withStatus})).exitCode).toBe(0)
    const stored = await sandbox.run(['get', 'kafka', 'events', '-o', 'jsonpath={.status}|{.metadata.generation}'])
    expect(stored.stdout).toBe('|1')
    expect(rows((await sandbox.run(['get', 'kafka', 'events'])).stdout)[1]).toBe('events  3')
  })

  it('deletes the custom resources with their definition and stops serving the kind', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: KAFKA_CRD})
    await sandbox.run(['apply', '-f', '-'], {input: KAFKAS})
    const deleted = await sandbox.run(['delete', 'crd', 'kafkas.kafka.strimzi.io'])
    expect(deleted).toMatchObject({
      exitCode: 0,
      stdout: 'customresourcedefinition.apiextensions.k8s.io "kafkas.kafka.strimzi.io" deleted\n',
    })
    const gone = await sandbox.run(['get', 'kafkas'])
    expect(gone).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "kafkas"\n',
    })

    await sandbox.run(['apply', '-f', '-'], {input: KAFKA_CRD})
    const empty = await sandbox.run(['get', 'kafkas'])
    expect(empty).toMatchObject({exitCode: 0, stdout: '', stderr: 'No resources found in default namespace.\n'})
  })

  it('refuses a hand-written CRD with the common mistakes, in Kubernetes words', async () => {
    const wrong = SPARK_CRD.replace(
      'name: sparkapplications.sparkoperator.k8s.io',
      'name: sparkapps.sparkoperator.k8s.io',
    )
      .replace('storage: true', 'storage: false')
      .replace('scope: Namespaced', 'scope: Namespace')
    const result = await sandbox.run(['apply', '-f', '-'], {input: wrong})
    expect(result.exitCode).toBe(1)
    const lines = result.stderr.split('\n')
    expect(lines[0]).toBe('The CustomResourceDefinition "sparkapps.sparkoperator.k8s.io" is invalid: ')
    expect(lines).toContain(
      '* metadata.name: Invalid value: "sparkapps.sparkoperator.k8s.io": must be spec.names.plural+"."+spec.group',
    )
    expect(lines).toContain('* spec.scope: Unsupported value: "Namespace": supported values: "Cluster", "Namespaced"')
    expect(
      lines.some((l) =>
        /^\* spec\.versions: Invalid value: .*: must have exactly one version marked as storage version$/.test(l),
      ),
    ).toBe(true)
    expect(lines).toContain(
      '* status.storedVersions: Invalid value: []string(nil): must have at least one stored version',
    )
  })
})
