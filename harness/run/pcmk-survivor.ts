/**
 * The controller to keep alive when all but one die: the one holding the most groups (so that
 * "the survivor stops its groups" is exercised), ties broken by how many groups may run on it,
 * then by `controllers` order. `holders` lists each group's current host; `allowed` each group's
 * allowed hosts. Pure.
 */
export function chooseSurvivor(controllers: readonly string[], holders: readonly string[], allowed: readonly (readonly string[])[]): string {
  const score = (c: string) => holders.filter((h) => h === c).length * 100 + allowed.filter((a) => a.includes(c)).length;
  return [...controllers].sort((a, b) => score(b) - score(a) || controllers.indexOf(a) - controllers.indexOf(b))[0]!;
}
