import Annotate from './annotate.js'
import ApiResources from './api-resources.js'
import ApiVersions from './api-versions.js'
import Apply from './apply.js'
import Completion from './completion.js'
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
import Explain from './explain.js'
import Get from './get.js'
import Label from './label.js'
import Version from './version.js'
import ClusterAdvance from './cluster/advance.js'
import ClusterInfo from './cluster-info.js'
import ClusterCreate from './cluster/create.js'
import ClusterDelete from './cluster/delete.js'
import ClusterList from './cluster/list.js'
import ClusterNodeAdd from './cluster/node/add.js'
import ClusterNodeCrash from './cluster/node/crash.js'
import ClusterNodeRestore from './cluster/node/restore.js'
import ClusterReset from './cluster/reset.js'
import ClusterUse from './cluster/use.js'
import ConfigCurrentContext from './config/current-context.js'
import ConfigDeleteCluster from './config/delete-cluster.js'
import ConfigDeleteContext from './config/delete-context.js'
import ConfigDeleteUser from './config/delete-user.js'
import ConfigGetClusters from './config/get-clusters.js'
import ConfigGetUsers from './config/get-users.js'
import ConfigRenameContext from './config/rename-context.js'
import ConfigSet from './config/set.js'
import ConfigSetCluster from './config/set-cluster.js'
import ConfigSetCredentials from './config/set-credentials.js'
import ConfigUnset from './config/unset.js'
import ConfigGetContexts from './config/get-contexts.js'
import ConfigSetContext from './config/set-context.js'
import ConfigUseContext from './config/use-context.js'
import ConfigView from './config/view.js'
import RolloutHistory from './rollout/history.js'
import RolloutPause from './rollout/pause.js'
import RolloutRestart from './rollout/restart.js'
import RolloutResume from './rollout/resume.js'
import RolloutStatus from './rollout/status.js'
import RolloutUndo from './rollout/undo.js'
import Scale from './scale.js'
import Serve from './serve.js'
import SetImage from './set/image.js'
import Wait from './wait.js'
import Cordon from './cordon.js'
import AuthWhoami from './auth/whoami.js'
import CertificateApprove from './certificate/approve.js'
import CertificateDeny from './certificate/deny.js'
import Drain from './drain.js'
import Logs from './logs.js'
import Taint from './taint.js'
import Uncordon from './uncordon.js'

/** Every command, by id: oclif's explicit command strategy, so the bundle needs no directory scan. */
export const COMMANDS = {
  annotate: Annotate,
  'api-resources': ApiResources,
  'api-versions': ApiVersions,
  'auth:whoami': AuthWhoami,
  'certificate:approve': CertificateApprove,
  'certificate:deny': CertificateDeny,
  apply: Apply,
  completion: Completion,
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
  explain: Explain,
  get: Get,
  label: Label,
  version: Version,
  'cluster:advance': ClusterAdvance,
  'cluster-info': ClusterInfo,
  'cluster:create': ClusterCreate,
  'cluster:delete': ClusterDelete,
  'cluster:list': ClusterList,
  'cluster:node:add': ClusterNodeAdd,
  'cluster:node:crash': ClusterNodeCrash,
  'cluster:node:restore': ClusterNodeRestore,
  'cluster:reset': ClusterReset,
  'cluster:use': ClusterUse,
  'config:current-context': ConfigCurrentContext,
  'config:delete-cluster': ConfigDeleteCluster,
  'config:delete-context': ConfigDeleteContext,
  'config:delete-user': ConfigDeleteUser,
  'config:get-clusters': ConfigGetClusters,
  'config:get-users': ConfigGetUsers,
  'config:rename-context': ConfigRenameContext,
  'config:set': ConfigSet,
  'config:set-cluster': ConfigSetCluster,
  'config:set-credentials': ConfigSetCredentials,
  'config:unset': ConfigUnset,
  'config:get-contexts': ConfigGetContexts,
  'config:set-context': ConfigSetContext,
  'config:use-context': ConfigUseContext,
  'config:view': ConfigView,
  'rollout:history': RolloutHistory,
  'rollout:pause': RolloutPause,
  'rollout:restart': RolloutRestart,
  'rollout:resume': RolloutResume,
  'rollout:status': RolloutStatus,
  'rollout:undo': RolloutUndo,
  scale: Scale,
  serve: Serve,
  'set:image': SetImage,
  wait: Wait,
  cordon: Cordon,
  drain: Drain,
  logs: Logs,
  taint: Taint,
  uncordon: Uncordon,
}
