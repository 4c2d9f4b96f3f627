import type { ComponentType } from 'react';
import { expectChartStatus } from './chart-checks.js';
import { EMPTY_SUMMARY } from '../../test/fixtures/events.js';

type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

const says =
  (role: 'status' | 'alert', text: string): Play =>
  ({ canvasElement }) =>
    expectChartStatus(canvasElement, role, text);

/**
 * The states every chart shows alike, from props and from its connected variant's server:
 * loading, failed and nothing to chart. Each chart's story file exports them by name.
 */
export function chartStateStories(Connected: ComponentType) {
  const render = () => <Connected />;
  return {
    Loading: { args: { summary: undefined }, play: says('status', 'Loading…') },
    Error: {
      args: { summary: undefined, error: true },
      play: says('alert', 'Could not load events'),
    },
    Empty: { args: { summary: EMPTY_SUMMARY }, play: says('status', 'No events to chart.') },
    ConnectedLoading: {
      render,
      parameters: { audit: { answers: 'loading' } },
      play: says('status', 'Loading…'),
    },
    ConnectedError: {
      render,
      parameters: { audit: { answers: 'error' } },
      play: says('alert', 'Could not load events'),
    },
    ConnectedEmpty: {
      render,
      parameters: { audit: { events: 0 } },
      play: says('status', 'No events to chart.'),
    },
  };
}
