import {parse} from 'yaml'

/** The bundled YAML parser: one minified chunk loads several times faster than the package's many files. */
export function parseYamlText(text: string): unknown {
  return parse(text)
}
