import {Flags} from '@oclif/core'

/** --from-literal / --from-file / --from-env-file of `create configmap` and `create secret generic`. */
export const dataSourceFlags = {
  'from-literal': Flags.string({
    multiple: true,
    description: 'Specify a key and literal value to insert (i.e. mykey=somevalue)',
  }),
  'from-file': Flags.string({
    multiple: true,
    description:
      'Key file can be specified using its file path, in which case file basename will be used as key, or optionally with a key and file path, in which case the given key will be used.',
  }),
  'from-env-file': Flags.string({
    multiple: true,
    description: 'Specify the path to a file to read lines of key=val pairs to create a configmap.',
  }),
}
