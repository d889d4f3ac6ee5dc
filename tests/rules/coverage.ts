/**
 * The Firestore emulator's rules coverage report, checked against the rules source: every
 * condition of an `allow` (other than the literal `false`) and every function body must
 * have been evaluated at least once by the suite.
 */
interface CoverageNode {
  sourcePosition: { line: number; column: number };
  values?: { count: number }[];
  children?: CoverageNode[];
}

export function expressionsIn(rules: string): { line: number; column: number; text: string }[] {
  const found: { line: number; column: number; text: string }[] = [];
  rules.split("\n").forEach((source, index) => {
    const match = /(allow [^:]+:\s*if\s+|return\s+)(.+?);?\s*$/.exec(source);
    if (!match || match[2] === "false;" || match[2] === "false") return;
    found.push({
      line: index + 1,
      column: (match.index ?? 0) + match[1]!.length + 1,
      text: match[2]!,
    });
  });
  return found;
}

export async function uncoveredExpressions(
  emulator: { host: string; port: number },
  projectId: string,
  rules: string,
): Promise<string[]> {
  const url = `http://${emulator.host}:${emulator.port}/emulator/v1/projects/${projectId}:ruleCoverage`;
  const report = ((await (await fetch(url)).json()) as { report: CoverageNode[] }).report;
  const evaluated = new Set<string>();
  const walk = (node: CoverageNode) => {
    if ((node.values ?? []).some((v) => v.count > 0)) {
      evaluated.add(`${node.sourcePosition.line}:${node.sourcePosition.column}`);
    }
    node.children?.forEach(walk);
  };
  report.forEach(walk);
  return expressionsIn(rules)
    .filter(({ line, column }) => !evaluated.has(`${line}:${column}`))
    .map(({ line, text }) => `line ${line}: ${text}`);
}
