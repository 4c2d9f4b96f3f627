'use client';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { Popover } from '../ui/popover.js';
import { Toggle } from '../ui/toggle.js';
import { ColumnSettingsList, columnSettingsLabels } from '../table/column-settings-menu.js';
import { DensityToggle } from '../table/column-settings.js';
import { viewColumnSettings, type AuditLogViewController } from './view-context.js';

export interface DisplayOptionsProps {
  view: AuditLogViewController;
  /** Left out where the list has no volume strip (hidden, or a history in its place). */
  volume?: { open: boolean; id: string; onOpenChange: (open: boolean) => void } | undefined;
}

/**
 * The phone's one button for how the list looks: the volume strip, compact rows and the
 * columns, which on a wider screen are buttons of the bar each. One row of the bar on a phone
 * is all there is room for; these are the settings read least often.
 */
export function DisplayOptions({ view, volume }: DisplayOptionsProps) {
  const { labels } = useAuditUi();
  return (
    <Popover
      trigger={labels.displayOptions}
      label={labels.displayOptions}
      align="end"
      triggerProps={{ 'data-part': 'display-trigger' }}
      panelProps={{ 'data-part': 'display-panel' }}
    >
      <div data-part="display-toggles">
        {volume ? (
          <Toggle
            data-part="chart-toggle"
            aria-controls={volume.id}
            pressed={volume.open}
            onPressedChange={volume.onOpenChange}
          >
            {labels.volume}
          </Toggle>
        ) : null}
        <DensityToggle density={view.density} onDensityChange={view.setDensity} />
      </div>
      {/* The list is named by the same word; this shows it to the eye. */}
      <div data-part="display-heading" aria-hidden="true">
        {labels.columnSettings}
      </div>
      <ColumnSettingsList {...viewColumnSettings(view)} labels={columnSettingsLabels(labels)} />
    </Popover>
  );
}
