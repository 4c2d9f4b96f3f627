// Builds the way an app's production build does, whatever NODE_ENV the measuring process has:
// Vite picks the JSX runtime from NODE_ENV, which a test runner sets to `test`, and
// dependencies' development-only branches are dropped only where NODE_ENV reads production.
import { build, type InlineConfig, type Rollup } from 'vite';

export async function productionBuild(config: InlineConfig): Promise<Rollup.OutputChunk[]> {
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      define: { 'process.env.NODE_ENV': '"production"' },
      ...config,
    })) as Rollup.RollupOutput[];
    return output
      .flatMap((result) => result.output)
      .filter((chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk');
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}
