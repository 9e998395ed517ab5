/**
 * The yaml package, loaded when a people file is first read or written. Every process loads
 * core/, the plugin too, which never touches a people file: loading yaml with core would add to
 * the start of every plugin.
 */
import type * as Yaml from "yaml";

export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("yaml");
}
