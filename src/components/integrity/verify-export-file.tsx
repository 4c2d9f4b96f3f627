'use client';
import { useId, useRef, useState, type DragEvent } from 'react';
import type { Jwks } from '../../contract/schemas/index.js';
import type { ExportVerification } from '../../client/verification/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import {
  readBytes,
  readKeys,
  readManifest,
  sortDroppedFiles,
  type ExportFiles,
} from './export-files.js';

export interface VerifyExportFileProps {
  /** Keys to trust, pinned by the host; a JWKS file the person adds wins over them. */
  jwks?: Jwks | undefined;
  /** Fetches the keys when neither `jwks` nor a JWKS file is given, e.g. the server's. */
  loadKeys?: (() => Promise<Jwks>) | undefined;
  /** Told each result, e.g. to record that a file was checked. */
  onVerified?: ((result: ExportVerification) => void) | undefined;
  labels?: AuditLabelOverrides;
  className?: string;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'needKeys' }
  | { state: 'done'; result: ExportVerification }
  | { state: 'unreadable'; message: string };

/**
 * "Verify a file": drop or choose an exported file and its signed manifest (and the public
 * keys, or let the host give them), and it is checked here, offline, with `verifyExport`:
 * nothing changed, added or removed, under a tree head the server signed.
 */
export function VerifyExportFile({
  jwks,
  loadKeys,
  onVerified,
  labels: overrides,
  className,
}: VerifyExportFileProps) {
  const { labels } = useAuditUi(overrides);
  const words = labels.integrity;
  const id = useId();
  const [files, setFiles] = useState<ExportFiles>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);

  // Each change of the files starts a check; only the latest one may show its outcome.
  const latest = useRef(0);
  // The files as last chosen, read after a file is parsed (two may be chosen at once).
  const current = useRef<ExportFiles>({});
  const update = (next: ExportFiles) => {
    current.current = next;
    setFiles(next);
    if (!next.file || !next.manifest) return;
    const run = ++latest.current;
    const finish = (outcome: Outcome) => run === latest.current && setOutcome(outcome);
    const { file: chosen, manifest: signed, keys: given } = next;
    setOutcome({ state: 'running' });
    void (async () => {
      const trusted = given?.value ?? jwks ?? (loadKeys ? await loadKeys() : undefined);
      if (!trusted) return finish({ state: 'needKeys' });
      // Loaded when first needed: pages that never check a file never ship the checker.
      const { verifyExport } = await import('../../client/verification/index.js');
      const result = await verifyExport(await readBytes(chosen), signed.value, trusted);
      if (run === latest.current) onVerified?.(result);
      finish({ state: 'done', result });
    })().catch((error: unknown) =>
      finish({ state: 'unreadable', message: (error as Error).message }),
    );
  };

  const choose = async (role: keyof ExportFiles, chosen: File | undefined) => {
    if (!chosen) return;
    if (role === 'file') return update({ ...current.current, file: chosen });
    const value = role === 'manifest' ? await readManifest(chosen) : await readKeys(chosen);
    if (value === null) {
      latest.current += 1;
      setOutcome({
        state: 'unreadable',
        message: role === 'manifest' ? words.notAManifest(chosen.name) : words.notKeys(chosen.name),
      });
      return;
    }
    update({ ...current.current, [role]: { name: chosen.name, value } });
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files];
    void sortDroppedFiles(dropped).then((sorted) => update({ ...current.current, ...sorted }));
  };

  const { file, manifest, keys } = files;
  const inputs = [
    { role: 'file', label: words.exportFile, accept: '.csv,.json', chosen: file?.name },
    { role: 'manifest', label: words.manifestFile, accept: '.json', chosen: manifest?.name },
    { role: 'keys', label: words.keysFile, accept: '.json', chosen: keys?.name },
  ] as const;

  return (
    <section
      {...rootProps(
        'verify-file',
        className,
        outcome.state === 'done' ? (outcome.result.ok ? 'ok' : 'failed') : outcome.state,
      )}
      aria-labelledby={`${id}-title`}
    >
      {/* Not a heading: the host's page decides the outline, the region is named all the same. */}
      <p id={`${id}-title`} data-part="title">
        {words.verifyFile}
      </p>
      <div
        data-part="drop-zone"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p data-part="hint">{words.verifyFileHint}</p>
        {inputs.map(({ role, label, accept, chosen }) => (
          <div data-part="file-field" key={role}>
            <label htmlFor={`${id}-${role}`}>{label}</label>
            <input
              id={`${id}-${role}`}
              type="file"
              accept={accept}
              onChange={(event) => void choose(role, event.target.files?.[0])}
            />
            {chosen ? <span data-part="file-name">{chosen}</span> : null}
          </div>
        ))}
      </div>
      <Result outcome={outcome} words={words} />
    </section>
  );
}

function Result({
  outcome,
  words,
}: {
  outcome: Outcome;
  words: ReturnType<typeof useAuditUi>['labels']['integrity'];
}) {
  if (outcome.state === 'idle') return <div data-part="result" role="status" />;
  if (outcome.state === 'running' || outcome.state === 'needKeys') {
    return (
      <div data-part="result" role="status">
        {outcome.state === 'running' ? words.verifying : words.needKeys}
      </div>
    );
  }
  if (outcome.state === 'unreadable') {
    return (
      <div data-part="result" data-state="failed" role="alert">
        {outcome.message}
      </div>
    );
  }
  const { result } = outcome;
  return result.ok ? (
    <div data-part="result" data-state="ok" role="status">
      <span data-part="glyph" aria-hidden="true">
        ✓
      </span>{' '}
      {words.fileVerified(result.count)}
    </div>
  ) : (
    <div data-part="result" data-state="failed" role="alert">
      <strong>
        <span data-part="glyph" aria-hidden="true">
          ✕
        </span>{' '}
        {words.fileFailed}
      </strong>
      <ul data-part="problems">
        {result.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
