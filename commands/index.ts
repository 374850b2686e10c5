import Annotate from './annotate.js'
import Apply from './apply.js'
import Create from './create/index.js'
import CreateConfigMap from './create/configmap.js'
import CreateCronJob from './create/cronjob.js'
import CreateDeployment from './create/deployment.js'
import CreateJob from './create/job.js'
import CreateNamespace from './create/namespace.js'
import CreateSecretGeneric from './create/secret/generic.js'
import CreateServiceAccount from './create/serviceaccount.js'
import Delete from './delete.js'
import Describe from './describe.js'
import Get from './get.js'
import Label from './label.js'
import Version from './version.js'

/** Every command, by id: oclif's explicit command strategy, so the bundle needs no directory scan. */
export const COMMANDS = {
  annotate: Annotate,
  apply: Apply,
  create: Create,
  'create:configmap': CreateConfigMap,
  'create:cronjob': CreateCronJob,
  'create:deployment': CreateDeployment,
  'create:job': CreateJob,
  'create:namespace': CreateNamespace,
  'create:secret:generic': CreateSecretGeneric,
  'create:serviceaccount': CreateServiceAccount,
  delete: Delete,
  describe: Describe,
  get: Get,
  label: Label,
  version: Version,
}
