import ts from 'typescript';

/** Every name a source entry exports, values and types alike, as TypeScript resolves them. */
export function exportedNames(entries: readonly string[]): Map<string, string[]> {
  const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, 'tsconfig.json')!;
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  const program = ts.createProgram([...entries], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const names = new Map<string, string[]>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry)!;
    const symbol = checker.getSymbolAtLocation(source)!;
    names.set(
      entry,
      checker
        .getExportsOfModule(symbol)
        .map((s) => s.name)
        .sort(),
    );
  }
  return names;
}
