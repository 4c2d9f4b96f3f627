// The export button alone, for the export-to-disk test. The save dialog cannot be driven
// headless, so the page chooses a file in the origin's private file system (OPFS): the
// same FileSystemFileHandle and FileSystemWritableFileStream a picked file gives, so the
// export takes its real path to disk.
import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { AuditLogClient } from '../../../src/client/index.js';
import { ExportButton } from '../../../src/components/index.js';
import '../../../src/components/styles.css';
import { AuditLogProvider } from '../../../src/hooks/index.js';

/** What the test reads from outside, through `page.evaluate`. */
export interface ExportPageApi {
  /** The chosen file's size, line count and first line, read as a stream. */
  fileStats(): Promise<{ name: string; bytes: number; lines: number; header: string }>;
}

declare global {
  interface Window {
    exportPage?: ExportPageApi;
  }
}

const params = new URLSearchParams(window.location.search);
const client = new AuditLogClient({
  baseUrl: window.location.origin,
  apiKey: params.get('key') ?? '',
  tenantId: params.get('tenant') ?? '',
});
let chosen: FileSystemFileHandle | undefined;

async function chooseFile(suggestedName: string): Promise<FileSystemFileHandle> {
  const directory = await navigator.storage.getDirectory();
  chosen = await directory.getFileHandle(suggestedName, { create: true });
  return chosen;
}

window.exportPage = {
  async fileStats() {
    const file = await chosen!.getFile();
    const reader = file.stream().getReader();
    let lines = 0;
    let header = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (!header) header = new TextDecoder().decode(next.value.subarray(0, 200)).split('\r\n')[0]!;
      for (const byte of next.value) if (byte === 0x0a) lines += 1;
    }
    return { name: file.name, bytes: file.size, lines, header };
  },
};

const resource = params.get('resource');
createRoot(document.getElementById('root')!).render(
  <AuditLogProvider client={client} queryClient={new QueryClient()}>
    <ExportButton
      query={resource ? { resource_types: [resource] } : {}}
      {...(params.get('columns') === 'all'
        ? {}
        : { columns: ['time', 'severity', 'action', 'user'] })}
      chooseFile={chooseFile}
    />
  </AuditLogProvider>,
);
