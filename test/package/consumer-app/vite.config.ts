import { defineConfig, type Plugin } from 'vite';

/** Writes `chunks.json`: each chunk's file, imports and source modules, for the size checks. */
const chunkReport = (): Plugin => ({
  name: 'chunk-report',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).flatMap((output) =>
      output.type === 'chunk'
        ? [
            {
              fileName: output.fileName,
              isEntry: output.isEntry,
              imports: output.imports,
              dynamicImports: output.dynamicImports,
              modules: Object.keys(output.modules),
            },
          ]
        : [],
    );
    this.emitFile({ type: 'asset', fileName: 'chunks.json', source: JSON.stringify(chunks) });
  },
});

// An ordinary production build (`vite build <app>`); only the report is added.
export default defineConfig({ plugins: [chunkReport()] });
